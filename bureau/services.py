"""Writes on mandates and seats: renewal after a general assembly, replacement, rank order.

Keyword-only arguments; every write that touches several rows runs in one transaction.
"""

import datetime
from collections import Counter, defaultdict

from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from bureau.models import CommitteeSeat, Mandate, OfficeKind, Seat
from bureau.titles import Office


@transaction.atomic
def mandate_renew(*, mandate, start, assembly_date=None, copy_roster=True):
    """Start a new current mandate after ``mandate`` (elected on ``assembly_date``).

    The old mandate becomes history: it ends the day before ``start`` (unless it already has an
    end) and stops being current; its seats and committees are never touched. With
    ``copy_roster`` the seats still held and the committees (with their held seats) are copied
    into the new mandate as a starting point for the secretariat to edit.
    """
    if mandate.start and start <= mandate.start:
        raise ValueError(_("The new mandate must start after the current one."))
    mandate.is_current = False
    if mandate.end is None:
        mandate.end = start - datetime.timedelta(days=1)
    mandate.save()
    new = Mandate.objects.create(
        body=mandate.body, start=start, assembly_date=assembly_date or start, is_current=True
    )
    if copy_roster:
        for seat in mandate.seats.held().order_by("order", "pk"):
            Seat.objects.create(
                mandate=new,
                office=seat.office,
                rank=seat.rank,
                person_id=seat.person_id,
                council_id=seat.council_id,
                order=seat.order,
            )
        for committee in mandate.committees.order_by("order", "pk"):
            held = list(committee.seats.held().order_by("order", "pk"))
            committee.pk = None
            committee.id = None
            committee._state.adding = True
            committee.mandate = new
            committee.save()
            for seat in held:
                CommitteeSeat.objects.create(
                    committee=committee,
                    role=seat.role,
                    person_id=seat.person_id,
                    council_id=seat.council_id,
                    order=seat.order,
                )
    return new


@transaction.atomic
def replace_seat(*, seat, person, on, council=None):
    """``person`` takes over ``seat`` on ``on``: the old holder keeps the seat until the day before.

    Returns the new seat (same office, rank and place in the roster).
    """
    if seat.start and on <= seat.start:
        raise ValueError(_("A replacement must start after the seat it replaces."))
    new = type(seat)(
        person=person,
        council=council,
        start=on,
        end=seat.end,
        order=seat.order,
    )
    if isinstance(seat, Seat):
        new.mandate_id, new.office, new.rank = seat.mandate_id, seat.office, seat.rank
    else:
        new.committee_id, new.role = seat.committee_id, seat.role
    seat.end = on - datetime.timedelta(days=1)
    seat.save()
    new.save()
    return new


def align_ranks_with_order(*, mandate, ranks_edited=False):
    """Keep ranked offices' ranks and the roster order telling the same story.

    After a drag and drop in the admin the order wins: the vice-presidents' ranks (including a
    duplicate, as real rosters have) are handed out again in the new order. When the
    secretariat typed ranks, the ranks win and the order follows them.
    """
    seats = [s for s in mandate.seats.held().order_by("order", "pk") if s.office in Office.RANKED]
    by_office = defaultdict(list)
    for seat in seats:
        by_office[seat.office].append(seat)
    changed = []
    for group in by_office.values():
        if any(seat.rank is None for seat in group):
            continue
        if ranks_edited:
            slots = sorted(seat.order for seat in group)
            for seat, order in zip(sorted(group, key=lambda s: (s.rank, s.order, s.pk)), slots, strict=True):
                if seat.order != order:
                    seat.order = order
                    changed.append(seat)
        else:
            ranks = sorted(seat.rank for seat in group)
            for seat, rank in zip(group, ranks, strict=True):
                if seat.rank != rank:
                    seat.rank = rank
                    changed.append(seat)
    for seat in changed:
        seat.save(update_fields=["rank", "order"])
    return changed


def _held_twice(held, messages):
    """A message once for each person in more than one of the ``held`` seats, worded for them:
    ``messages`` is the pair (about a woman, about a man)."""
    people = Counter(seat.person_id for seat in held)
    warnings = []
    for seat in held:
        if people[seat.person_id] > 1:
            message = messages[0] if seat.person.gender == "f" else messages[1]
            warnings.append(message % {"person": seat.person})
            people[seat.person_id] = 0
    return warnings


def _outside_warnings(seats, mandate):
    """One warning for each seat whose own dates reach outside its mandate's."""
    return [
        _("The seat of %(person)s has dates outside the mandate (%(mandate)s).")
        % {"person": seat.person, "mandate": mandate}
        for seat in seats
        if (seat.start and mandate.start and seat.start < mandate.start)
        or (seat.end and mandate.end and seat.end > mandate.end)
        or (seat.start and mandate.end and seat.start > mandate.end)
    ]


def office_choices():
    """Every office and committee role with its label (for messages)."""
    return OfficeKind.choices


def roster_warnings(mandate, held=None):
    """What looks wrong in a roster but the statutes may allow: shown before saving, never refused.

    ``held`` are the seats still held as the form would save them (unsaved instances); by
    default the stored ones.
    """
    warnings = []
    if held is None:
        held = list(mandate.seats.held().select_related("person").order_by("order", "pk"))
        seats = mandate.seats.select_related("person")
    else:
        seats = held
    labels = dict(Seat._meta.get_field("office").choices)
    for office in Office.EXPECTED:
        if held and not any(seat.office == office for seat in held):
            warnings.append(_("No one holds the office “%(office)s”.") % {"office": labels[office]})
    ranks = Counter((seat.office, seat.rank) for seat in held if seat.rank)
    for (office, rank), count in sorted(ranks.items(), key=lambda item: (item[0][0], item[0][1])):
        if count > 1:
            warnings.append(
                ngettext(
                    "%(count)d seat has rank %(rank)d of the office “%(office)s”.",
                    "%(count)d seats share rank %(rank)d of the office “%(office)s”.",
                    count,
                )
                % {"count": count, "rank": rank, "office": labels[office]}
            )
    for seat in held:
        if seat.office in Office.RANKED and not seat.rank:
            warnings.append(
                _("%(person)s has no rank: the title cannot be numbered.") % {"person": seat.person}
            )
    warnings += _held_twice(
        held,
        (
            pgettext("female", "%(person)s holds more than one office in this bureau."),
            pgettext("male", "%(person)s holds more than one office in this bureau."),
        ),
    )
    warnings += _outside_warnings(seats, mandate)
    return warnings


def committee_warnings(committee, held=None):
    """What looks wrong in a committee's roster: no chair, one person in two seats, dates
    outside the mandate. Shown before saving in the admin, never refused (the statutes or an
    interim may explain it); two chairs at once are refused (database and form)."""
    warnings = []
    if held is None:
        held = list(committee.seats.held().select_related("person").order_by("order", "pk"))
        seats = committee.seats.select_related("person")
    else:
        seats = held
    chairs = [seat for seat in held if seat.role == CommitteeSeat.Role.CHAIR]
    if held and not chairs:
        warnings.append(_("The committee “%(committee)s” has no chair.") % {"committee": committee})
    warnings += _held_twice(
        held,
        (
            pgettext("female", "%(person)s holds more than one seat in this committee."),
            pgettext("male", "%(person)s holds more than one seat in this committee."),
        ),
    )
    warnings += _outside_warnings(seats, committee.mandate)
    return warnings


def describe_dates(holding):
    """ "from 1 March 2023", "until …", "1 March 2023 – …" for a seat's own dates ("" if none)."""
    start = date_format(holding.start, "DATE_FORMAT") if holding.start else None
    end = date_format(holding.end, "DATE_FORMAT") if holding.end else None
    if start and end:
        return _("%(start)s – %(end)s") % {"start": start, "end": end}
    if start:
        return _("from %(start)s") % {"start": start}
    if end:
        return _("until %(end)s") % {"end": end}
    return ""
