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
without the index, so both databases return the same results in the same order. A word
that matches nothing is tried in its close spellings (``close_words_in``): pg_trgm's
``similarity()`` in the database on PostgreSQL, the same number in Python elsewhere.

A provider may offer ``vocabulary()`` (the words a query is compared with for "did you mean":
a set, or ``{normalised: as written}``) and ``close_words(word)`` (its own close spellings).

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

import math
import re
import struct
from dataclasses import dataclass, field
from datetime import date, datetime

from django.conf import settings
from django.contrib.postgres.lookups import TrigramWordSimilar
from django.db import connections, transaction
from django.db.models import Case, Count, F, FloatField, Q, Value, When
from django.db.models.functions import ExtractYear
from django.utils.translation import get_language_info

from portal.content_version import per_version
from portal.text import analyse, normalize, search_terms

MIN_TERM_LENGTH = 2
MAX_TERMS = 8
MAX_QUERY_LENGTH = 200


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
        return "rtl" if get_language_info(self.language)["bidi"] else "ltr"


@dataclass
class SearchResults:
    results: list = field(default_factory=list)
    total: int = 0
    # {year: number of results}, for the year filter (empty for what has no date).
    years: dict = field(default_factory=dict)


@dataclass
class SearchGroup:
    key: str
    label: str
    results: list
    total: int
    years: dict = field(default_factory=dict)


@dataclass(frozen=True)
class SearchQuery:
    """What providers are asked: the analysed terms, the name terms, and the reader's filters.

    ``terms`` (``portal.text.analyse``) match content keys; ``names`` (``portal.text.search_terms``:
    normalised, particles stripped, no suffix stemming, since حسن and حسنة are two people) match
    people's and councils' keys. ``order`` is "relevance" or "date"; ``year`` an int or None.
    """

    text: str
    terms: tuple
    names: tuple
    year: int | None = None
    order: str = "relevance"

    def __bool__(self):
        return bool(self.terms or self.names)


_providers = {}


def register_search_provider(provider):
    """Add (or replace, by ``key``) a provider of search results."""
    _providers[provider.key] = provider


def search_providers():
    return sorted(_providers.values(), key=lambda provider: getattr(provider, "order", 50))


def _unique(terms):
    kept = []
    for term in terms:
        if len(term) >= MIN_TERM_LENGTH and term not in kept:
            kept.append(term)
    return tuple(kept[:MAX_TERMS])


def query_terms(query):
    """The query's analysed terms, without one-letter words and duplicates, at most eight."""
    return _unique(analyse((query or "")[:MAX_QUERY_LENGTH]))


def make_query(text, *, year=None, order="relevance"):
    text = (text or "")[:MAX_QUERY_LENGTH]
    return SearchQuery(
        text=text,
        terms=query_terms(text),
        names=_unique(search_terms(text)),
        year=year,
        order="date" if order == "date" else "relevance",
    )


def term_condition(term, field="search_key"):
    """A stored key (``portal.text.index_key``) holds ``term`` as a word, or as a word's start
    for terms of three letters or more ("منتخب" finds "منتخبين" when a stem was left longer)."""
    if len(term) < 3:
        return Q(**{f"{field}__contains": f" {term} "})
    return Q(**{f"{field}__contains": f" {term}"})


def matching(queryset, terms, field="search_key"):
    """Rows whose key holds at least one of the terms: a result need not hold every word."""
    condition = Q()
    for term in terms:
        condition |= term_condition(term, field)
    return queryset.filter(condition) if terms else queryset.none()


def term_weights(queryset, terms, field="search_key", name=""):
    """Each term's inverse document frequency over the rows ``queryset`` may return.

    ``log(1 + N / df)``: a word in every row ("الجمعية" on an association's portal) weighs about
    0.7, a word in one row of a thousand about 7. Counted in one query per provider and term
    set, kept per content version (``name`` names the queryset, e.g. "press").
    """

    def compute():
        counts = queryset.order_by().aggregate(
            rows=Count("pk"),
            **{f"t{i}": Count("pk", filter=term_condition(term, field)) for i, term in enumerate(terms)},
        )
        rows = counts["rows"] or 1
        return {term: math.log(1 + rows / max(counts[f"t{i}"], 1)) for i, term in enumerate(terms)}

    if not name:
        return compute()
    return per_version(f"search:idf:{name}:{field}:{'|'.join(terms)}", compute)


def rank_expression(terms, weights, title_field="search_title", field="search_key"):
    """The sum of the weights of the terms a row holds, a half more for those in its title.

    The same arithmetic in SQL on SQLite and PostgreSQL, so both return the same results in the
    same order (ties broken by the providers' date then primary key).
    """
    rank = Value(0.0, output_field=FloatField())
    for term in terms:
        weight = round(weights.get(term, 1.0), 6)
        rank = rank + Case(
            When(term_condition(term, field), then=Value(weight)),
            default=Value(0.0),
            output_field=FloatField(),
        )
        if title_field and title_field != field:
            rank = rank + Case(
                When(term_condition(term, title_field), then=Value(weight / 2)),
                default=Value(0.0),
                output_field=FloatField(),
            )
    return rank


def ranked(queryset, query, *, name, date_field, title_field="search_title", field="search_key"):
    """``queryset``'s rows matching ``query``, ranked, and their count per year.

    Returns ``(rows, years)``: rows ordered by rank then date (or by date when the reader asked),
    filtered by ``query.year``; ``years`` is ``{year: count}`` before the year filter, so the
    filter shows what the other years hold.
    """
    found = matching(queryset, query.terms, field)
    years = {}
    if date_field:
        by_year = (
            found.order_by()
            .annotate(search_year=ExtractYear(date_field))
            .values("search_year")
            .annotate(rows=Count("pk"))
            .values_list("search_year", "rows")
        )
        years = {year: rows for year, rows in by_year if year}
        if query.year:
            found = found.filter(**{f"{date_field}__year": query.year})
    weights = term_weights(queryset, query.terms, field, name=name)
    found = found.annotate(rank=rank_expression(query.terms, weights, title_field, field))
    newest = F(date_field).desc(nulls_last=True) if date_field else F("pk").desc()
    ordering = [newest, "-rank", "-pk"] if query.order == "date" else ["-rank", newest, "-pk"]
    return found.order_by(*ordering), years


# --- Close spellings: pg_trgm's similarity ----------------------------------------------------
#
# A word spelt close to another shares most of its trigrams (pg_trgm: each word padded with two
# spaces before and one after, cut into every run of three characters): similarity is the
# shared trigrams over all of them, the number pg_trgm's ``similarity()`` gives. PostgreSQL
# computes it in the database (``close_words_in``: the trigram GIN index on the keys finds the
# rows, ``similarity()`` the words); SQLite gets the same number from ``similarity`` below, over
# the same words, so both find the same close spellings. pg_trgm stores a trigram of non-ASCII
# letters as a 3-byte checksum (two different trigrams may, very rarely, count as one there);
# ``tests/search/test_close_spellings.py`` compares the two on PostgreSQL.

# pg_trgm's own default (``pg_trgm.similarity_threshold``): one letter missed, added or changed
# in a name of five letters or more ("ناصيري" / "ناصري" 0.44, "zaidi" / "zahidi" 0.44).
SIMILARITY = 0.3


def trigrams(text):
    """pg_trgm's trigrams of the words of ``text`` (normalised: lower case, words between spaces)."""
    grams = set()
    for word in text.split():
        padded = f"  {word} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return grams


def _real(number):
    """``number`` as PostgreSQL's ``real`` (4 bytes), the type ``similarity()`` returns."""
    return struct.unpack("f", struct.pack("f", number))[0]


def similarity(a, b):
    """pg_trgm's ``similarity(a, b)``: shared trigrams over all trigrams, as a ``real``."""
    ta, tb = trigrams(a), trigrams(b)
    if not ta or not tb:
        return 0.0
    shared = len(ta & tb)
    return _real(shared / (len(ta) + len(tb) - shared))


def close_words(term, vocabulary, n=3, threshold=SIMILARITY):
    """The (at most ``n``) words of ``vocabulary`` closest to ``term`` by ``similarity``, at least
    ``threshold``, best first (ties in code point order, as ``close_words_in`` sorts them)."""
    if len(term) < 3:
        return []
    grams = trigrams(term)
    runs = [term[i : i + 3] for i in range(len(term) - 2)]
    first, last = term[0], term[-1]
    scored = []
    for word in vocabulary:
        # Only a word sharing a trigram can score, and it shares one only if it has the same
        # first letter ("  x", " xy"), the same last letter ("yz ") or a run of three letters
        # of the term: the others are passed over without building their trigrams.
        if word[0] != first and word[-1] != last and not any(run in word for run in runs):
            continue
        word_grams = trigrams(word)
        shared = len(grams & word_grams)
        score = _real(shared / (len(grams) + len(word_grams) - shared))
        if score >= threshold:
            scored.append((-score, word))
    return [word for _score, word in sorted(scored)[:n]]


def close_words_in(term, keysets, *, vocabulary, n=3, threshold=SIMILARITY):
    """The words of stored keys closest to ``term``, as ``close_words`` finds them.

    ``keysets`` is a list of ``(queryset, field)``: the keys (words between spaces) of those
    rows. On PostgreSQL, pg_trgm in one query: ``key %> term`` (word similarity, served by the
    key's trigram GIN index) keeps the rows holding a word at least that close (a word's own
    similarity is never above the key's word similarity), then ``similarity()`` ranks their
    words. Elsewhere ``close_words`` over ``vocabulary()``, the same words.
    """
    if len(term) < 3:
        return []
    database = keysets[0][0].db
    if connections[database].vendor != "postgresql":
        return close_words(term, vocabulary(), n=n, threshold=threshold)
    selects, params = [], []
    for queryset, key in keysets:
        keys = queryset.filter(TrigramWordSimilar(F(key), Value(term))).order_by().values_list(key, flat=True)
        sql, key_params = keys.query.sql_with_params()
        selects.append(f"({sql})")
        params.extend(key_params)
    sql = (
        "SELECT word FROM (SELECT DISTINCT regexp_split_to_table(k.key, ' ') AS word "
        f"FROM ({' UNION '.join(selects)}) AS k(key)) AS words "
        "WHERE similarity(word, %s) >= %s::float8 "
        'ORDER BY similarity(word, %s) DESC, word COLLATE "C" LIMIT %s'
    )
    params += [term, threshold, term, n]
    with transaction.atomic(using=database), connections[database].cursor() as cursor:
        # For this transaction only: the threshold of ``%>`` (pg_trgm's default is 0.6).
        cursor.execute("SELECT set_config('pg_trgm.word_similarity_threshold', %s, true)", [str(threshold)])
        cursor.execute(sql, params)
        return [word for (word,) in cursor.fetchall()]


def suggestions(query):
    """ "Did you mean": the query with each word unknown to every provider's vocabulary (titles'
    words, names) replaced by the closest known one; [] when there is nothing better to offer.

    A provider with ``close_words(word)`` finds its own (the members' names through pg_trgm on
    PostgreSQL); the others are compared with ``close_words`` over their ``vocabulary()``.
    """
    providers = [provider for provider in search_providers() if hasattr(provider, "vocabulary")]
    vocabularies = [(provider, provider.vocabulary()) for provider in providers]
    known = set().union(*(words for _provider, words in vocabularies))
    written = {}
    for _provider, words in vocabularies:
        if isinstance(words, dict):
            written.update(words)
    words = query.text.split()
    changed, tried = False, 0
    for i, typed in enumerate(words):
        word = normalize(typed)
        if word in known or not word.isalpha() or tried == MAX_TERMS:
            continue
        tried += 1
        close = []
        for provider, vocabulary in vocabularies:
            if hasattr(provider, "close_words"):
                close += provider.close_words(word)
            else:
                close += close_words(word, vocabulary, n=1)
        if close:
            best = min(close, key=lambda candidate: (-similarity(word, candidate), candidate))
            words[i] = written.get(best, best)
            changed = True
    return [" ".join(words)] if changed else []


_WORD = re.compile(r"[^\W\d_]+")


def _written(form, normalised):
    """Which of two spellings of a word to show: one written out (hamza, ة, accents) before the
    folded one, then the first in code point order (the same on every database)."""
    return (form == normalised, form)


def title_vocabulary(name, queryset, fields):
    """The words of ``fields`` over ``queryset``: ``{normalised: as written}``, kept per content
    version. The keys are what queries are compared with; the values what a suggestion shows
    ("الدبلوماسية", "coopération", not their folded forms)."""

    def compute():
        words = {}
        for values in queryset.values_list(*fields):
            for value in values:
                for form in _WORD.findall(value or ""):
                    form = form.casefold()
                    normalised = normalize(form)
                    if not normalised.isalpha():
                        continue
                    known = words.get(normalised)
                    if known is None or _written(form, normalised) < _written(known, normalised):
                        words[normalised] = form
        return words

    return per_version(f"search:words:{name}", compute)


GROUP_LIMIT = 5
PAGE_SIZE = 20


def search(query, *, language, user, limit=GROUP_LIMIT, offset=0, only=None, keep_empty=False):
    """Every provider's results for ``query`` (a ``SearchQuery``, or text), as groups in provider
    order (empty ones left out, unless ``keep_empty``: a type with nothing in the chosen year
    still has its counts per year for the year filter). ``only`` (a provider's key) asks that
    provider alone, e.g. for a page of the results of one type.
    """
    if isinstance(query, str):
        query = make_query(query)
    if not query:
        return []
    groups = []
    providers = [p for p in search_providers() if only is None or p.key == only]
    for provider in providers:  # any object with key, label, order and search()
        found = provider.search(query, language=language, user=user, limit=limit, offset=offset)
        if found.total or (keep_empty and found.years):
            groups.append(
                SearchGroup(provider.key, str(provider.label), found.results, found.total, found.years)
            )
    return groups


def fallback_language(instance, field, language):
    """The language whose text a translated field shows, when it is not ``language``; or ""."""
    if getattr(instance, f"{field}_{language}", None):
        return ""
    for code, _name in settings.LANGUAGES:
        if code != language and getattr(instance, f"{field}_{code}", None):
            return code
    return ""
