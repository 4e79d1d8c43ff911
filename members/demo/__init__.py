"""Demo people, read from ``<association>.yaml`` beside this file.

The bureaus and committee chairs named in ``shared/seeds``, transcribed.

AMPCP (``002_...``): the executive bureau of 17 and the 15 permanent committee chairs elected
by the general assembly of 29 January 2022. Two of them are named elsewhere in the feed as
presidents of provincial councils (محمد قاسمي: Khouribga; لحسن زلمط, also spelt زلماط: Sefrou);
for those the council is the member. Spellings of a name that the sources also use are recorded
as the person's aliases (لحسن زلماط; اعتماد الزاهيدي in the Daejeon report; نورالدين الأزرق), so
the search finds them and the calendar's participants resolve to the one person. Tangier-Tetouan (``000_...``): the administrative bureau
of 15. ``council_of_province`` is the HCP code of the province whose council the person
presides. Gender follows the source's titles (النائبة، نائبة أمين المال، مستشارة). French names are
transliterations; no phone, e-mail, address or council link is invented. Positions in the
association are not written here: the bureau's roster is their one source (bureau.positions).
"""

from members.models import Council, CouncilSeat, Membership, MembershipStatusChange, Person
from portal.demodata import read, upsert


def _membership(person, council, position):
    """The person's membership, or their council's when they preside one."""
    if council is not None:
        CouncilSeat.objects.get_or_create(
            person=person, council=council, start_year=None, defaults={"role": CouncilSeat.Role.PRESIDENT}
        )
        lookup = {"holder": Membership.Holder.COUNCIL, "council": council}
    else:
        lookup = {"holder": Membership.Holder.PERSON, "person": person, "council": None}
    values = {"person": person, "status": Membership.Status.ACTIVE}
    if any(position):  # else the bureau's roster writes it (bureau.positions)
        values.update(position_ar=position[0], position_fr=position[1])
    membership = Membership.objects.filter(**lookup).exclude(status=Membership.Status.ENDED).first()
    if membership is None:
        membership = Membership.objects.create(**{**lookup, **values})
        MembershipStatusChange.objects.create(membership=membership, to_status=membership.status)
    else:
        upsert(Membership, {"pk": membership.pk}, values)


def load(association_key="ampcp"):
    data = read(__file__, association_key)
    people = data.records("people")
    for record in people:
        name_ar, name_fr = record.text("name")
        gender = record.choice("gender", Person.Gender.values)
        position = record.text("position", {})
        province_code = record.string("council_of_province", None)
        aliases = "\n".join(record.strings("aliases", []))
        record.done()
        person = upsert(
            Person, {"name_ar": name_ar}, {"name_fr": name_fr, "gender": gender, "aliases": aliases}
        )
        council = Council.objects.filter(province__code=province_code).first() if province_code else None
        _membership(person, council, position)
    data.done()
    return {"people": len(people)}
