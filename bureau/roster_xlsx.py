"""A roster as ``.xlsx`` in the shape a secretariat types it: office, rank, name, gender, council.

Import is all or nothing: every row is checked first (office known, rank a number, the person
found in the members register by any spelling of the name, gender matching the register, the
council found); if any row is wrong nothing is saved and every error is listed with its row.
A row whose person already holds that office in the mandate updates the seat (rank, council,
order); other rows add seats.
"""

from django.db import transaction
from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import override
from openpyxl import load_workbook

from bureau.models import BUREAU_OFFICES, Seat, protocol_key
from members.models import Council, Person
from portal.integers import integer_limits, whole_number
from portal.spreadsheets import table_xlsx
from portal.text import search_key, search_terms


class RosterImportError(Exception):
    def __init__(self, errors):
        super().__init__("\n".join(errors))
        self.errors = errors


def headers():
    return [_("office"), _("rank"), _("name"), _("gender"), _("council represented")]


def _gender_labels():
    return {str(label): value for value, label in Person.Gender.choices}


def export_roster(mandate):
    """The seats held in ``mandate``, in protocol order, as .xlsx bytes (labels in the active language)."""
    offices = dict(BUREAU_OFFICES)
    genders = dict(Person.Gender.choices)
    seats = sorted(mandate.seats.held().select_related("person", "council"), key=protocol_key)
    rows = [
        [
            str(offices[seat.office]),
            seat.rank,
            seat.person.name,
            str(genders.get(seat.person.gender, "")),
            seat.council.name if seat.council else "",
        ]
        for seat in seats
    ]
    return table_xlsx(headers(), rows, title=capfirst(_("roster")))


def _office_lookup():
    """Office labels in Arabic and French, and the codes, to the office code."""
    lookup = {}
    for code, label in BUREAU_OFFICES:
        lookup[search_key(code)] = code
        for language in ("ar", "fr"):
            with override(language):
                lookup[search_key(str(label))] = code
    return lookup


def _gender_lookup():
    lookup = {}
    for value, label in Person.Gender.choices:
        lookup[search_key(value)] = value
        for language in ("ar", "fr"):
            with override(language):
                lookup[search_key(str(label))] = value
    return lookup


def _find(model, text):
    """Rows whose names hold every word of ``text`` (any spelling), at most two (to tell ambiguity)."""
    queryset = model.objects.all()
    terms = search_terms(text)
    if not terms:
        return []
    for term in terms:
        queryset = queryset.filter(Q(search_key__startswith=term) | Q(search_key__contains=f" {term}"))
    return list(queryset[:2])


def import_roster(*, mandate, upload):
    """Check every row, then save them all in one transaction; ``RosterImportError`` otherwise."""
    try:
        workbook = load_workbook(upload, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise RosterImportError([_("The file could not be read as an Excel workbook.")]) from exc
    rows = list(workbook.active.iter_rows(values_only=True))
    if not rows:
        raise RosterImportError([_("The file is empty.")])
    offices, genders = _office_lookup(), _gender_lookup()
    rank_field = Seat._meta.get_field("rank")
    _lowest, rank_maximum = integer_limits(rank_field)
    errors, planned = [], []
    for number, row in enumerate(rows[1:], start=2):
        cells = [("" if value is None else str(value).strip()) for value in (*row, "", "", "", "", "")[:5]]
        if not any(cells):
            continue
        office_text, rank_text, name, gender_text, council_text = cells
        office = offices.get(search_key(office_text))
        if office is None:
            errors.append(
                _("Row %(row)d: unknown office “%(value)s”.") % {"row": number, "value": office_text}
            )
        rank = None
        if rank_text:
            try:
                rank = whole_number(rank_text, rank_field)
                if rank < 1:
                    raise ValueError(rank)
            except ValueError:
                rank = None
                errors.append(
                    _("Row %(row)d: the rank “%(value)s” is not a whole number from 1 to %(maximum)d.")
                    % {"row": number, "value": rank_text, "maximum": rank_maximum}
                )
        people = _find(Person, name) if name else []
        person = people[0] if len(people) == 1 else None
        if not name:
            errors.append(_("Row %(row)d: the name is missing.") % {"row": number})
        elif not people:
            errors.append(
                _("Row %(row)d: “%(value)s” is not in the members register.") % {"row": number, "value": name}
            )
        elif len(people) > 1:
            errors.append(
                _("Row %(row)d: several people in the register are named “%(value)s”.")
                % {"row": number, "value": name}
            )
        if gender_text:
            gender = genders.get(search_key(gender_text))
            if gender is None:
                errors.append(
                    _("Row %(row)d: unknown gender “%(value)s”.") % {"row": number, "value": gender_text}
                )
            elif person is not None and person.gender != gender:
                errors.append(
                    _("Row %(row)d: the gender differs from the members register for “%(value)s”.")
                    % {"row": number, "value": name}
                )
        council = None
        if council_text:
            councils = _find(Council, council_text)
            if len(councils) != 1:
                errors.append(
                    _("Row %(row)d: the council “%(value)s” was not found.")
                    % {"row": number, "value": council_text}
                )
            else:
                council = councils[0]
        planned.append((office, rank, person, council))
    if errors:
        raise RosterImportError(errors)
    if not planned:
        raise RosterImportError([_("The file has no roster rows.")])
    with transaction.atomic():
        for order, (office, rank, person, council) in enumerate(planned, start=1):
            seat = mandate.seats.held().filter(person=person, office=office).first()
            if seat is None:
                Seat.objects.create(
                    mandate=mandate, office=office, rank=rank, person=person, council=council, order=order
                )
            else:
                seat.rank, seat.council, seat.order = rank, council, order
                seat.save()
    return len(planned)
