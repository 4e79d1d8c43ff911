"""One search over the whole portal, fed by providers that each app registers.

A provider is any object with ``key`` (a short name), ``label`` (what the results are, shown as
the heading of their group), ``order`` (position of the group) and
``search(terms, *, language, user, limit)``: it returns a ``SearchResults`` of ``SearchResult``
already ranked, containing only what ``user`` may see. ``terms`` are
``portal.text.search_terms(query)``: normalised (أ إ آ → ا، ة → ه، ى → ي, no diacritics or
tatweel, French without accents or case) and stripped of attached particles, so "الاقاليم"
finds "والأقاليم" and "الجهه" finds "بالجهة".

Each searchable model stores ``search_key = portal.text.search_key(...)`` of its texts in
every language, updated on save, and matches with ``matching(queryset, terms)``: every term
must occur in the key (``LIKE '%term%'``). On PostgreSQL the key has a trigram GIN index
(``pg_trgm``, migration 0004), which serves these substring matches. SQLite runs the same filter
without the index, so both databases return the same results in the same order.

Adding a provider from another app (members, events), in its ``AppConfig.ready()``::

    from portal.search import register_search_provider
    from events.search import EventSearchProvider

    register_search_provider(EventSearchProvider())

where ``EventSearchProvider.search`` does, for example::

    qs = matching(Event.objects.visible_to(user), terms)
    qs = qs.annotate(rank=rank_expression(terms, title_field="search_title"))
    return SearchResults(
        [SearchResult(title=e.title, url=e.get_absolute_url(), summary=..., date=e.starts_at)
         for e in qs.order_by("-rank", "-starts_at")[:limit]],
        total=qs.count(),
    )
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Case, FloatField, IntegerField, Q, Value, When
from django.db.models.functions import Cast

from portal.text import search_terms

MIN_TERM_LENGTH = 2
MAX_TERMS = 8


@dataclass(frozen=True)
class SearchResult:
    title: str
    url: str
    summary: str = ""
    date: date | datetime | None = None
    # The language of title and summary when it is not the page's (a translation fell back).
    language: str = ""
    # A small picture beside the result (a member's photo, only with their consent), or "".
    image: str = ""

    @property
    def direction(self):
        if not self.language:
            return ""
        from django.utils.translation import get_language_info

        return "rtl" if get_language_info(self.language)["bidi"] else "ltr"


@dataclass
class SearchResults:
    results: list = field(default_factory=list)
    total: int = 0


@dataclass
class SearchGroup:
    key: str
    label: str
    results: list
    total: int


_providers = {}


def register_search_provider(provider):
    """Add (or replace, by ``key``) a provider of search results."""
    _providers[provider.key] = provider


def search_providers():
    return sorted(_providers.values(), key=lambda provider: getattr(provider, "order", 50))


def query_terms(query):
    """The query's normalised terms, without one-letter words and duplicates, at most eight."""
    terms = []
    for term in search_terms(query or ""):
        if len(term) >= MIN_TERM_LENGTH and term not in terms:
            terms.append(term)
    return terms[:MAX_TERMS]


def matching(queryset, terms, field="search_key"):
    """Rows whose normalised key contains every term."""
    condition = Q()
    for term in terms:
        condition &= Q(**{f"{field}__contains": term})
    return queryset.filter(condition)


def rank_expression(terms, title_field="search_title", field="search_key"):
    """A portable rank: terms found in the title count three, the whole query in the title five.

    Ties are broken by the providers' own order (newest first for press and events), not by a
    full-text rank: on PostgreSQL, ``ts_rank`` over a vector built for every matching row cost
    about 30 ms when a common word ("بلاغ") matched all 5,000 press releases of the benchmark,
    twice the page's budget, for an order readers of a news portal expect by date anyway.
    ``field`` is kept for providers that rank on another column.
    """
    rank = Value(0, output_field=IntegerField())
    for term in terms:
        rank = rank + Case(
            When(**{f"{title_field}__contains": term}, then=Value(3)),
            default=Value(0),
            output_field=IntegerField(),
        )
    if len(terms) > 1:
        rank = rank + Case(
            When(**{f"{title_field}__contains": " ".join(terms)}, then=Value(5)),
            default=Value(0),
            output_field=IntegerField(),
        )
    return Cast(rank, FloatField())


GROUP_LIMIT = 20
ONE_TYPE_LIMIT = 100


def search(query, *, language, user, limit=GROUP_LIMIT, only=None):
    """Every provider's results for ``query``, as groups in provider order (empty ones left out).

    ``only`` (a provider's key) asks that provider alone, e.g. for "all the results of a type".
    """
    terms = query_terms(query)
    if not terms:
        return []
    groups = []
    providers = [p for p in search_providers() if only is None or p.key == only]
    for provider in providers:  # any object with key, label, order and search()
        found = provider.search(terms, language=language, user=user, limit=limit)
        if found.results:
            groups.append(SearchGroup(provider.key, str(provider.label), found.results, found.total))
    return groups


def fallback_language(instance, field, language):
    """The language whose text a translated field shows, when it is not ``language``; or ""."""
    from django.conf import settings

    if getattr(instance, f"{field}_{language}", None):
        return ""
    for code, _name in settings.LANGUAGES:
        if code != language and getattr(instance, f"{field}_{code}", None):
            return code
    return ""
