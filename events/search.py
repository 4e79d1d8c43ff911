"""The calendar's part of the portal search: events the visitor may see (public ones for the
public), ranked by the shared expression of ``portal.search``."""

from django.db.models import F
from django.utils.translation import gettext_lazy as _

from events.models import Event
from portal.search import SearchResult, SearchResults, matching, rank_expression


class EventSearchProvider:
    key = "events"
    label = _("Activities")
    order = 20

    def search(self, terms, *, language, user, limit):
        queryset = matching(Event.objects.visible_to(user), terms)
        ranked = (
            queryset.select_related("kind")
            .defer("search_key", "search_title")
            .annotate(rank=rank_expression(terms))
            .order_by("-rank", F("start_date").desc(nulls_last=True), "-pk")
        )
        results = [
            SearchResult(
                title=event.title,
                url=event.get_absolute_url(),
                summary=event.summary or event.kind.name,
                date=event.start_date,
            )
            for event in ranked[:limit]
        ]
        return SearchResults(results, total=queryset.count() if len(results) == limit else len(results))
