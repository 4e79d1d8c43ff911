"""Writes with side effects for the calendar."""

import datetime

from django.db import transaction
from django.utils import timezone

from events.models import CalendarToken, Event, ProgrammeLine


def calendar_token_get_or_issue(*, user):
    """The member's private feed key, created on first use."""
    token, _created = CalendarToken.objects.get_or_create(user=user)
    return token


@transaction.atomic
def calendar_token_revoke(*, user):
    """Invalidate the member's private feed URL and issue a new one.

    Phones subscribed with the old URL stop receiving updates (and members-only events).
    """
    CalendarToken.objects.filter(user=user).delete()
    return CalendarToken.objects.create(user=user)


def programme_line_schedule(*, line: ProgrammeLine, visibility=Event.Visibility.PUBLIC):
    """Create (or return) the calendar event for a line of the action programme.

    The event is *planned*, on the line's days; a line without a date gives a "date to be
    set" event in the programme's year, never an invented day.
    """
    if line.event_id:
        return line.event
    title = line.content.splitlines()[0] if line.content else line.label
    fields = {
        "kind": line.kind,
        "status": Event.Status.PLANNED,
        "visibility": visibility,
        "summary_ar": line.content_ar or "",
        "summary_fr": line.content_fr or "",
        "title_ar": (line.activity_ar or title)[:255],
        "title_fr": (line.activity_fr or line.activity_ar or title)[:255],
        "schedule_note_ar": line.date_note_ar or "",
        "schedule_note_fr": line.date_note_fr or "",
    }
    if line.kind_id is None:
        raise ValueError("A programme line needs a kind before it can be put in the calendar.")
    if line.start_date is None:
        fields.update(schedule=Event.Schedule.TO_BE_SET, intended_year=line.programme.year)
    elif line.start_time:
        starts_at = timezone.make_aware(datetime.datetime.combine(line.start_date, line.start_time))
        fields.update(schedule=Event.Schedule.TIMED, starts_at=starts_at)
    else:
        fields.update(schedule=Event.Schedule.DAYS, start_date=line.start_date, end_date=line.end_date)
    with transaction.atomic():
        event = Event.objects.create(**fields)
        line.event = event
        line.save(update_fields=["event"])
    return event


def calendar_token_touch(*, token):
    """Note when a private feed was last fetched (at most one write an hour per member)."""
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > datetime.timedelta(hours=1):
        CalendarToken.objects.filter(pk=token.pk).update(last_used_at=now)
