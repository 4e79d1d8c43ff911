"""What an organisation's public page (members app) shows of the calendar (``portal.registry``,
slot "organisation")."""

from django.db.models import F

ORGANISATION_PAGE_EVENTS = 30


def _listed(request, events):
    events = (
        events.visible_to(request.user)
        .order_by(F("start_date").desc(nulls_last=True), "-pk")
        .only("title_ar", "title_fr", "start_date")[:ORGANISATION_PAGE_EVENTS]
    )
    return [
        {"title": event.title, "url": event.get_absolute_url(), "date": event.start_date} for event in events
    ]


def events_organised_by(request, organisation):
    """The activities ``organisation`` organised that this visitor may see, newest first. One query."""
    return _listed(request, organisation.organised_events.all())


def events_partnered_by(request, organisation):
    """The activities ``organisation`` was a partner of that this visitor may see. One query."""
    return _listed(request, organisation.partnered_events.all())
