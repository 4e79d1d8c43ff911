"""The press part of the portal search: published items, ranked by ``portal.search.ranked``."""

from django.utils.translation import gettext_lazy as _

from portal.search import SearchResult, SearchResults, fallback_language, ranked, title_vocabulary
from press.models import PressRelease


class PressSearchProvider:
    key = "press"
    label = _("Press releases and news")
    order = 10

    def vocabulary(self):
        return title_vocabulary("press", PressRelease.objects.published(), ["title_ar", "title_fr"])

    def search(self, query, *, language, user, limit, offset=0):
        rows, years = ranked(PressRelease.objects.published(), query, name="press", date_field="publish_at")
        results = [
            SearchResult(
                title=item.title,
                url=item.get_absolute_url(),
                summary=item.display_summary,
                date=item.publish_at,
                language=fallback_language(item, "title", language),
            )
            for item in rows.select_related("category").defer("search_key", "search_title")[
                offset : offset + limit
            ]
        ]
        return SearchResults(results, total=rows.count(), years=years)
