"""The calendar's part of the portal search: events the visitor may see (public ones for the
public), with their agenda items; training sessions are training's part (``training.search``)."""

from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from events.models import AgendaItem, Event, EventParticipant
from portal.search import SearchResult, SearchResults, ranked, title_vocabulary


def visible_events(user):
    return Event.objects.visible_to(user).filter(training_session__isnull=True)


class EventSearchProvider:
    key = "events"
    label = _("Activities")
    order = 20

    def vocabulary(self):
        return title_vocabulary("events", Event.objects.visible_to(None), ["title_ar", "title_fr"])

    def search(self, query, *, language, user, limit, offset=0):
        rows, years = ranked(
            visible_events(user),
            query,
            name=f"events:{getattr(user, 'pk', None) or 0}",
            date_field="start_date",
        )
        results = [
            SearchResult(
                title=event.title,
                url=event.get_absolute_url(),
                summary=event.summary or event.kind.name,
                date=event.start_date,
            )
            for event in rows.select_related("kind").defer("search_key", "search_title")[
                offset : offset + limit
            ]
        ]
        return SearchResults(results, total=rows.count(), years=years)


def _agenda_changed(sender, instance, raw=False, **kwargs):
    """An agenda item (or a participant's name) is part of its event's search key."""
    if raw:
        return
    event = Event.objects.filter(pk=instance.event_id).first()
    if event:
        event.refresh_search_key()


def connect_signals():
    post_save.connect(_agenda_changed, sender=AgendaItem, dispatch_uid="events-search-agenda-save")
    post_delete.connect(_agenda_changed, sender=AgendaItem, dispatch_uid="events-search-agenda-delete")
    post_save.connect(_agenda_changed, sender=EventParticipant, dispatch_uid="events-search-people-save")
    post_delete.connect(_agenda_changed, sender=EventParticipant, dispatch_uid="events-search-people-delete")
