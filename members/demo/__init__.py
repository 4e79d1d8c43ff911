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

from members.models import (
    Commune,
    Council,
    CouncilSeat,
    Membership,
    MembershipStatusChange,
    NetworkMemberCount,
    NetworkMembership,
    Organisation,
    Person,
)
from portal.demodata import read, upsert
from portal.text import search_key


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


def _commune(record, field="name"):
    """The commune the source names, found by its name (any spelling) in its province."""
    name, province = record.string(field), record.string("province")
    found = [
        commune
        for commune in Commune.objects.filter(province__code=province)
        if search_key(commune.name_ar) == search_key(name)
    ]
    if len(found) != 1:
        record.fail(field, f"expected the name of one commune of the province {province}", name)
    return found[0]


def _organisation(record):
    name_ar, name_fr = record.text("name")
    values = {
        "name_fr": name_fr,
        "kind": record.choice("kind", Organisation.Kind.values),
        "founded_on": record.date("founded_on", None),
    }
    record.string("key")  # how the press and events files name it
    if record.has("commune"):
        values["commune"] = _commune(record, "commune")
    counts = {}
    if record.has("counts"):
        numbers = record.record("counts")
        counts = {level: numbers.integer(level, None) for level in NetworkMemberCount.Level.values}
        numbers.done()
    counts_source = record.text("counts_source", {})
    communes = record.records("communes", [])
    record.done()
    organisation = upsert(Organisation, {"name_ar": name_ar}, values)
    for level, count in counts.items():
        if count is None:
            continue
        upsert(
            NetworkMemberCount,
            {"network": organisation, "level": level},
            {"count": count, "source_ar": counts_source[0], "source_fr": counts_source[1]},
        )
    for member in communes:
        council = Council.objects.get(commune=_commune(member))
        member.done()
        NetworkMembership.objects.get_or_create(network=organisation, council=council)
    return organisation


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
    organisations = [_organisation(record) for record in data.records("organisations", [])]
    data.done()
    return {"people": len(people), "organisations": len(organisations)}
