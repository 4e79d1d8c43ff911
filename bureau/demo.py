"""Demo bureaus transcribed from ``shared/seeds`` (names and offices only, nothing invented).

AMPCP (``002_...``): the executive bureau of 17 elected by the ordinary general assembly of
29 January 2022, and its 15 permanent committees with their chairs (the source gives no
missions, so none is written). Its secretary-general is written "كاتب عام الجمعية" there, so
that wording is set. Tangier-Tetouan (``000_...``): the administrative bureau of 15 from the
founding press release, whose vice-presidents are "النائب الأول" without "للرئيس", and which
lists two third vice-presidents (kept as the source has them). The press release gives no date
for the founding assembly, so that mandate has none.

The people themselves come from ``members.demo`` (run before this module); idempotent: rows
are only saved when something differs, so loading twice adds no history.
"""

import datetime

from bureau.models import Committee, CommitteeSeat, Mandate, OfficeWording, Seat
from bureau.titles import Office
from members import demo as members_demo
from members.models import CouncilSeat, Person

SOURCES = {"ampcp": "002_3645a366a02511d6", "tanger-tetouan": "000_563c0486eaa49622"}

WORDINGS = {
    "ampcp": {
        Office.SECRETARY_GENERAL: ("كاتب عام الجمعية", "الكاتبة العامة للجمعية", "Secrétaire général", "Secrétaire générale"),
        Office.DEPUTY_SECRETARY_GENERAL: (
            "نائب كاتب عام الجمعية",
            "نائبة كاتب عام الجمعية",
            "Secrétaire général adjoint",
            "Secrétaire générale adjointe",
        ),
    },
    "tanger-tetouan": {
        Office.VICE_PRESIDENT: ("النائب {ordinal}", "النائبة {ordinal}", "{ordinal} vice-président",
                                "{ordinal} vice-présidente"),
    },
}  # fmt: skip

# Offices of the AMPCP bureau in the order of the source (members_demo.AMPCP_BUREAU).
AMPCP_OFFICES = [(Office.PRESIDENT, None)] + [(Office.VICE_PRESIDENT, n) for n in range(1, 13)] + [
    (Office.SECRETARY_GENERAL, None),
    (Office.DEPUTY_SECRETARY_GENERAL, None),
    (Office.TREASURER, None),
    (Office.DEPUTY_TREASURER, None),
]  # fmt: skip

# Tangier-Tetouan, in the order of the source: two third vice-presidents.
TANGIER_OFFICES = [
    (Office.PRESIDENT, None),
    (Office.VICE_PRESIDENT, 1),
    (Office.VICE_PRESIDENT, 2),
    (Office.VICE_PRESIDENT, 3),
    (Office.VICE_PRESIDENT, 3),
    (Office.SECRETARY_GENERAL, None),
    (Office.DEPUTY_SECRETARY_GENERAL, None),
    (Office.TREASURER, None),
    (Office.DEPUTY_TREASURER, None),
] + [(Office.COUNCILLOR, None)] * 6


def _upsert(model, lookup, values):
    """get-or-create on ``lookup``; save only when a value differs (no needless history)."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **values)
    changed = [field for field, value in values.items() if getattr(obj, field) != value]
    for field in changed:
        setattr(obj, field, values[field])
    if changed:
        obj.save()
    return obj


def _set_wordings(key):
    wanted = WORDINGS.get(key, {})
    for office, (ar_male, ar_female, fr_male, fr_female) in wanted.items():
        _upsert(
            OfficeWording,
            {"office": office},
            {"ar_male": ar_male, "ar_female": ar_female, "fr_male": fr_male, "fr_female": fr_female},
        )
    OfficeWording.objects.exclude(office__in=list(wanted)).delete()


def _person(name_ar):
    return Person.objects.get(name_ar=name_ar)


def _council(person):
    seat = CouncilSeat.objects.filter(person=person).select_related("council").first()
    return seat.council if seat else None


def _mandate(key, **values):
    note = f"Source: shared/seeds/{SOURCES[key]}.txt"
    mandate = Mandate.objects.filter(body=Mandate.Body.EXECUTIVE_BUREAU, note=note).first()
    Mandate.objects.filter(is_current=True).exclude(pk=getattr(mandate, "pk", None)).update(is_current=False)
    return _upsert(
        Mandate, {"body": Mandate.Body.EXECUTIVE_BUREAU, "note": note}, {"is_current": True, **values}
    )


def _assembly_event(day):
    """The general assembly of ``day`` in the calendar's demo (``events.demo`` runs first)."""
    from events.models import Event

    return Event.objects.filter(kind__slug="general-assembly", start_date=day).first()


def _seats(mandate, names, offices):
    for order, (name_ar, (office, rank)) in enumerate(zip(names, offices, strict=True), start=1):
        person = _person(name_ar)
        _upsert(
            Seat,
            {"mandate": mandate, "person": person, "office": office},
            {"rank": rank, "order": order, "council": _council(person)},
        )


def load(association_key="ampcp"):
    _set_wordings(association_key)
    if association_key == "tanger-tetouan":
        mandate = _mandate(association_key, start=None, assembly_date=None)
        names = [row[0] for row in members_demo.TANGIER_TETOUAN_BUREAU]
        _seats(mandate, names, TANGIER_OFFICES)
        return {"seats": len(names), "committees": 0}
    assembly = datetime.date(2022, 1, 29)
    mandate = _mandate(
        association_key, start=assembly, assembly_date=assembly, assembly=_assembly_event(assembly)
    )
    names = [row[0] for row in members_demo.AMPCP_BUREAU]
    _seats(mandate, names, AMPCP_OFFICES)
    chairs = members_demo.AMPCP_COMMITTEE_CHAIRS
    for order, (name_ar, _name_fr, committee_ar, committee_fr) in enumerate(chairs, start=1):
        committee = _upsert(
            Committee,
            {"mandate": mandate, "name_ar": f"لجنة {committee_ar}"},
            {"name_fr": f"commission {committee_fr}", "order": order},
        )
        person = _person(name_ar)
        _upsert(
            CommitteeSeat,
            {"committee": committee, "person": person, "role": CommitteeSeat.Role.CHAIR},
            {"order": 1, "council": _council(person)},
        )
    return {"seats": len(names), "committees": len(chairs)}
