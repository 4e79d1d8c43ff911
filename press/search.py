from django.db.models import F
from django.utils.translation import gettext_lazy as _

from portal.search import SearchResult, SearchResults, fallback_language, matching, rank_expression
from press.models import PressRelease


class PressSearchProvider:
    key = "press"
    label = _("Press releases and news")
    order = 10

    def search(self, terms, *, language, user, limit):
        queryset = matching(PressRelease.objects.published(), terms)
        ranked = (
            queryset.for_list()
            .annotate(rank=rank_expression(terms))
            .order_by("-rank", F("publish_at").desc(nulls_last=True), "-pk")
        )
        results = [
            SearchResult(
                title=item.title,
                url=item.get_absolute_url(),
                summary=item.display_summary,
                date=item.publish_at,
                language=fallback_language(item, "title", language),
            )
            for item in ranked[:limit]
        ]
        return SearchResults(results, total=queryset.count() if len(results) == limit else len(results))
