"""iCalendar (RFC 5545) feeds, built with the ``icalendar`` library (after pretix's ical.py).

- Timed events are written in UTC, so every calendar shows the right local hour whatever
  Morocco's offset that day (UTC+1, UTC+0 during Ramadan): the time zone database did the
  conversion when the aware datetime was stored.
- All-day events use ``VALUE=DATE`` with an exclusive ``DTEND`` (the day after the last day).
- The ``UID`` is the event's UUID, stable across edits, hosts and database copies;
  ``SEQUENCE`` and ``LAST-MODIFIED`` follow the edits; cancelled events say ``STATUS:CANCELLED``.
- "Date to be set" events are never in a feed: they have no day to be placed on.
"""

import datetime

from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar
from icalendar import Event as ICalEvent

from events.models import Event

PRODID = "-//Association portal//Activity calendar//AR"
STATUS = {
    Event.Status.PLANNED: "TENTATIVE",
    Event.Status.POSTPONED: "TENTATIVE",
    Event.Status.CONFIRMED: "CONFIRMED",
    Event.Status.HELD: "CONFIRMED",
    Event.Status.CANCELLED: "CANCELLED",
}


def _utc(value):
    return value.astimezone(datetime.UTC)


def _participant_line(participant):
    """ "Speaker: name – capacity", one line per person at the event."""
    who = " – ".join(part for part in (participant.display_name, participant.capacity) if part)
    return f"{participant.role_title}: {who}"


def event_component(event, request):
    entry = ICalEvent()
    entry.add("uid", f"{event.uid}@events")
    entry.add("summary", event.title)
    entry.add("dtstamp", _utc(event.updated_at or timezone.now()))
    entry.add("last-modified", _utc(event.updated_at or timezone.now()))
    entry.add("created", _utc(event.created_at or timezone.now()))
    entry.add("sequence", event.sequence)
    entry.add("status", STATUS[event.status])
    url = request.build_absolute_uri(event.get_absolute_url())
    entry.add("url", url)
    if event.is_timed:
        entry.add("dtstart", _utc(event.starts_at))
        if event.ends_at:
            entry.add("dtend", _utc(event.ends_at))
    else:
        entry.add("dtstart", event.start_date)
        entry.add("dtend", event.end_date + datetime.timedelta(days=1))
        entry.add("transp", "TRANSPARENT")
    location = event.place
    if location:
        entry.add("location", location)
    people = "\n".join(_participant_line(participant) for participant in event.participants.all())
    description = "\n\n".join(part for part in (strip_tags(event.summary), people, url) if part)
    entry.add("description", description)
    entry.add("categories", [event.kind.name])
    if event.online_url:
        entry.add("conference", event.online_url, parameters={"VALUE": "URI"})
    return entry


def calendar_for(events, request, *, name):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", timezone.get_current_timezone_name())
    calendar.add("refresh-interval", datetime.timedelta(hours=6), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT6H")
    for event in events:
        if event.is_to_be_set:
            continue
        calendar.add_component(event_component(event, request))
    return calendar


def ical_response(events, request, *, name, filename, public=False):
    """The calendar as a response; ``public`` for the feeds that are the same for everyone.

    Those are left to the page cache, which stores them and gives them an ``ETag`` and a public
    ``Cache-Control`` (a big feed costs hundreds of milliseconds to write, and every subscribed
    phone re-reads it). The others (a member's secret feed, one event's download, which depends
    on who asks) are private and never stored.
    """
    body = calendar_for(events, request, name=name).to_ical()
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    if not public:
        response["Cache-Control"] = "private, max-age=900"
    return response
