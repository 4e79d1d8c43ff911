"""Demo bureaus, read from ``<association>.yaml`` beside this file.

Transcribed from ``shared/seeds`` (names and offices only, nothing invented).

AMPCP (``002_...``): the executive bureau of 17 elected by the ordinary general assembly of
29 January 2022, and its 15 permanent committees with their chairs (the source gives no
missions, so none is written). Its secretary-general is written "كاتب عام الجمعية" there, so
that wording is set. Tangier-Tetouan (``000_...``): the administrative bureau of 15 from the
founding press release, whose vice-presidents are "النائب الأول" without "للرئيس", and which
lists two third vice-presidents (kept as the source has them). The press release gives no date
for the founding assembly, so that mandate has none. Azemmour foundation (``001_...``): the
bureau of five elected by the founding general assembly (no date either).

Seats name their person by the Arabic name that ``members.demo`` (run before this module)
loaded; idempotent: rows
are only saved when something differs, so loading twice adds no history.
"""

from bureau.models import Committee, CommitteeSeat, Mandate, OfficeWording, Seat
from bureau.positions import sync_positions
from bureau.titles import Office
from events.models import Event
from members.models import CouncilSeat, Person
from portal.demodata import read, upsert

OFFICES = [value for name, value in vars(Office).items() if name.isupper() and isinstance(value, str)]


def _set_wordings(records):
    offices = []
    for record in records:
        office = record.choice("office", OFFICES)
        ar, fr = record.record("ar"), record.record("fr")
        values = {"ar_male": ar.string("male"), "ar_female": ar.string("female"),
                  "fr_male": fr.string("male"), "fr_female": fr.string("female")}  # fmt: skip
        for part in (ar, fr, record):
            part.done()
        upsert(OfficeWording, {"office": office}, values)
        offices.append(office)
    OfficeWording.objects.exclude(office__in=offices).delete()


def _person(name_ar):
    return Person.objects.get(name_ar=name_ar)


def _council(person):
    seat = CouncilSeat.objects.filter(person=person).select_related("council").first()
    return seat.council if seat else None


def _mandate(record):
    """The body's mandate told by the source (the executive bureau's unless ``body`` says
    otherwise); it becomes that body's current one."""
    # The note cites the source document by its title and date, never by a file of ours;
    # a database loaded before the citation existed had the file's path there.
    source, note = record.string("source"), record.string("citation")
    body = record.choice("body", Mandate.Body.values, Mandate.Body.EXECUTIVE_BUREAU)
    legacy_note = f"Source: shared/seeds/{source}.txt"
    for legacy in Mandate.objects.filter(body=body, note=legacy_note):
        legacy.note = note
        legacy.save(update_fields=["note"])
    # Nor in the mandate's history, which the secretariat reads too (demo rows only).
    Mandate.history.filter(body=body, note=legacy_note).update(note=note)
    values = {
        "is_current": True,
        "start": record.date("start"),
        "assembly_date": record.date("assembly_date"),
    }
    if values["assembly_date"] is not None:
        values["assembly"] = _assembly_event(values["assembly_date"])
    mandate = Mandate.objects.filter(body=body, note=note).first()
    current = Mandate.objects.filter(is_current=True, body=body).exclude(pk=getattr(mandate, "pk", None))
    current.update(is_current=False)
    return upsert(Mandate, {"body": body, "note": note}, values)


def _assembly_event(day):
    """The general assembly of ``day`` in the calendar's demo (``events.demo`` runs first)."""
    return Event.objects.filter(kind__slug="general-assembly", start_date=day).first()


def _seats(mandate, records):
    for order, record in enumerate(records, start=1):
        person = _person(record.string("person"))
        office, rank = record.choice("office", OFFICES), record.integer("rank", None)
        record.done()
        upsert(
            Seat,
            {"mandate": mandate, "person": person, "office": office},
            {"rank": rank, "order": order, "council": _council(person)},
        )


def _committees(mandate, records):
    for order, record in enumerate(records, start=1):
        name_ar, name_fr = record.text("name")
        person = _person(record.string("chair"))
        record.done()
        committee = upsert(
            Committee, {"mandate": mandate, "name_ar": name_ar}, {"name_fr": name_fr, "order": order}
        )
        upsert(
            CommitteeSeat,
            {"committee": committee, "person": person, "role": CommitteeSeat.Role.CHAIR},
            {"order": 1, "council": _council(person)},
        )


def load(association_key="ampcp"):
    data = read(__file__, association_key)
    _set_wordings(data.records("wordings"))
    record = data.record("mandate")
    mandate = _mandate(record)
    seats, committees = record.records("seats"), record.records("committees")
    _seats(mandate, seats)
    _committees(mandate, committees)
    record.done()
    data.done()
    sync_positions()  # the members directory shows the roster's titles (bureau.positions)
    return {"seats": len(seats), "committees": len(committees)}
