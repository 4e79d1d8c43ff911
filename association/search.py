"""The documents part of the portal search: the documents the visitor may download."""

from django.utils.translation import gettext_lazy as _

from association.models import Document
from portal.search import SearchResult, SearchResults, ranked


class DocumentSearchProvider:
    key = "documents"
    label = _("Documents")
    order = 60

    def search(self, query, *, language, user, limit, offset=0):
        rows, years = ranked(
            Document.objects.visible_to(user),
            query,
            name=f"documents:{getattr(user, 'pk', None) or 0}",
            date_field="published_on",
            title_field="",
        )
        results = []
        for document in rows[offset : offset + limit]:
            meta = document.get_kind_display()
            if document.year:
                meta = f"{meta} · {document.year}"
            results.append(
                SearchResult(
                    title=document.title,
                    url=document.get_absolute_url(),
                    summary=meta,
                    date=document.published_on,
                )
            )
        return SearchResults(results, total=rows.count(), years=years)
