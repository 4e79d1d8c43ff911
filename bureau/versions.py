"""Versions of a roster (a mandate's bureau or a committee), saved and restored as a whole.

A roster is every seat of a mandate (``Seat``) or of a committee (``CommitteeSeat``). Each save
records one ``RosterVersion`` with a snapshot of all its seats, in the save's transaction; a
revert restores every seat of a version in one transaction and records a new version, so the
history is never rewritten. The digest fingerprints what an edit can change: the admin page
carries it, and a save from a page opened before someone else's save is refused.
"""

import datetime
import hashlib
import json

from django.db import transaction
from django.utils.translation import gettext as _

from bureau.models import Committee, CommitteeSeat, Mandate, RosterVersion, Seat
from members.models import Council, Person
from portal.admin_history import field_label, listed_changes, readable_value

# While a roster is rewritten, seats being moved are parked out of the single-holder rule
# (which only counts seats without an end date); every parked seat gets its real end back.
PARKED = datetime.date.max


def seats_of(roster):
    return roster.seats.select_related("person", "council").order_by("order", "pk")


def _office(seat):
    return seat.role if isinstance(seat, CommitteeSeat) else seat.office


def _seat_data(seat):
    return {
        "id": seat.pk,
        "office": _office(seat),
        "rank": getattr(seat, "rank", None),
        "person": {
            "id": seat.person_id,
            "name": {"ar": seat.person.name_ar or seat.person.name, "fr": seat.person.name_fr or ""},
            "gender": seat.person.gender,
        },
        "council": seat.council_id,
        "council_name": seat.council.name if seat.council_id else "",
        "start": seat.start.isoformat() if seat.start else None,
        "end": seat.end.isoformat() if seat.end else None,
        "order": seat.order,
    }


def snapshot(roster):
    """Every seat of ``roster``, in roster order, as JSON-ready dicts."""
    if roster is None or roster.pk is None:
        return []
    return [_seat_data(seat) for seat in seats_of(roster)]


def digest(seats):
    """A fingerprint of what an edit changes (not the people's names, edited elsewhere)."""
    keys = ("id", "office", "rank", "council", "start", "end", "order")
    rows = [[seat[key] for key in keys] + [seat["person"]["id"]] for seat in seats]
    return hashlib.sha256(json.dumps(rows, sort_keys=True).encode()).hexdigest()


def _roster_filter(roster):
    return {"committee": roster} if isinstance(roster, Committee) else {"mandate": roster}


def versions_of(roster):
    return RosterVersion.objects.filter(**_roster_filter(roster)).select_related("author")


def lock(roster):
    """Hold the roster's row until the end of the transaction: saves of one roster queue up."""
    type(roster).objects.select_for_update().filter(pk=roster.pk).first()


def record(roster, *, author=None, comment="", before=None, reverted_from=None):
    """Record the roster as it now stands, unless it is what the latest version holds.

    ``before`` is the snapshot taken before the save: the first save of a roster that has no
    version yet records it first, so the history starts from the state the secretariat found.
    """
    seats = snapshot(roster)
    latest = versions_of(roster).first()
    if latest is None and before is not None and digest(before) != digest(seats):
        RosterVersion.objects.create(
            **_roster_filter(roster),
            snapshot=before,
            digest=digest(before),
            comment=_("State before the first recorded change"),
        )
    elif latest is not None and latest.digest == digest(seats) and reverted_from is None:
        return latest
    return RosterVersion.objects.create(
        **_roster_filter(roster),
        author=author if author is not None and author.pk else None,
        snapshot=seats,
        digest=digest(seats),
        comment=comment,
        reverted_from=reverted_from,
    )


def park(model, pks):
    """Take seats out of the single-holder rule until they are saved again (same transaction)."""
    if pks:
        model.objects.filter(pk__in=pks).update(end=PARKED)


class RevertError(Exception):
    pass


@transaction.atomic
def revert(roster, version, *, author=None):
    """Make ``roster`` what ``version`` holds, every seat at once, and record it as a new version."""
    if version.mandate_id != (roster.pk if isinstance(roster, Mandate) else None) or version.committee_id != (
        roster.pk if isinstance(roster, Committee) else None
    ):
        raise RevertError(_("This version belongs to another roster."))
    lock(roster)
    model = CommitteeSeat if isinstance(roster, Committee) else Seat

    people = set(
        Person.objects.filter(pk__in={s["person"]["id"] for s in version.snapshot}).values_list(
            "pk", flat=True
        )
    )
    councils = set(
        Council.objects.filter(pk__in={s["council"] for s in version.snapshot if s["council"]}).values_list(
            "pk", flat=True
        )
    )
    missing = [s["person"]["name"]["ar"] for s in version.snapshot if s["person"]["id"] not in people]
    if missing:
        raise RevertError(
            _("This version names people no longer in the register: %(names)s.")
            % {"names": "، ".join(missing)}
        )
    current = {seat.pk: seat for seat in roster.seats.all()}
    wanted = {seat["id"] for seat in version.snapshot}
    model.objects.filter(pk__in=[pk for pk in current if pk not in wanted]).delete()
    park(model, [pk for pk in current if pk in wanted])
    for data in version.snapshot:
        seat = current.get(data["id"]) or model(**_roster_filter(roster))
        if isinstance(seat, CommitteeSeat):
            seat.role = data["office"]
        else:
            seat.office, seat.rank = data["office"], data["rank"]
        seat.person_id = data["person"]["id"]
        seat.council_id = data["council"] if data["council"] in councils else None
        seat.start = datetime.date.fromisoformat(data["start"]) if data["start"] else None
        seat.end = datetime.date.fromisoformat(data["end"]) if data["end"] else None
        seat.order = data["order"]
        seat.save()
    return record(
        roster,
        author=author,
        comment=_("Reverted to the version of %(date)s")
        % {"date": version.created_at.strftime("%Y-%m-%d %H:%M")},
        reverted_from=version,
    )


def detail_changes(roster, limit=50):
    """The changes to a roster's own fields (a mandate's dates and note, a committee's name and
    mission), newest first.

    django-simple-history keeps them (``Mandate.history``, ``Committee.history``); a roster
    without such a history has none. Each entry: the historical record, whether it created the
    row, and ``(label, old, new)`` for every field that changed, as the secretariat reads them
    (``portal.admin_history``: the field's name with its language for a translated one, the
    choice's label, the date written out, the linked event's name).
    """
    manager = getattr(roster, "history", None)
    if manager is None or roster.pk is None:
        return []
    records = list(
        manager.select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1]
    )
    entries = []
    for index, record in enumerate(records[:limit]):
        previous = records[index + 1] if index + 1 < len(records) else None
        if previous is None:
            entries.append({"record": record, "created": True, "changes": []})
            continue
        delta = record.diff_against(previous, foreign_keys_are_objs=False)
        changes = []
        for change in listed_changes(type(roster), delta.changes):
            field = roster._meta.get_field(change.field)
            changes.append(
                (field_label(field), readable_value(field, change.old), readable_value(field, change.new))
            )
        if changes:
            entries.append({"record": record, "created": False, "changes": changes})
    return entries
