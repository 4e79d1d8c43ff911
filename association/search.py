from django.db.models import F
from django.utils.translation import gettext_lazy as _

from association.models import Document
from portal.search import SearchResult, SearchResults, matching, rank_expression


class DocumentSearchProvider:
    key = "documents"
    label = _("Documents")
    order = 60

    def search(self, terms, *, language, user, limit):
        queryset = matching(Document.objects.visible_to(user), terms)
        ranked = queryset.annotate(rank=rank_expression(terms, title_field="search_key")).order_by(
            "-rank", F("year").desc(nulls_last=True), "pk"
        )
        results = []
        for document in ranked[:limit]:
            meta = document.get_kind_display()
            if document.year:
                meta = f"{meta} · {document.year}"
            results.append(SearchResult(title=document.title, url=document.get_absolute_url(), summary=meta))
        return SearchResults(results, total=queryset.count() if len(results) == limit else len(results))
