"""The portal search's members provider: people in the public directory and councils.

Only public facts come out: a person's name, their role on their council and their position in
the association, and their photo only when they consented to its publication, as in the
directory (never phone, e-mail or address); a council's name and where it lies. Only active
members are found, and only councils that have active members, so every result leads to a
directory page that lists someone.
"""

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from members.directory import DirectoryRows
from members.models import Council, CouncilSeat, Membership
from portal.content_version import per_version
from portal.search import MAX_QUERY_LENGTH, MAX_TERMS, SearchResult, SearchResults, close_words_in
from portal.text import search_terms


def _name_matches(field, terms):
    """Every term (or one of its close spellings) starts a word of the key (the directory's rule).

    ``terms`` is a list of alternatives per query word: ``[["محمد"], ["قاسمي", "قاسم"]]``.
    """
    condition = Q()
    for spellings in terms:
        either = Q()
        for term in spellings:
            either |= Q(**{f"{field}__startswith": term}) | Q(**{f"{field}__contains": f" {term}"})
        condition &= either
    return condition


def people_keys():
    """The name keys of the people the public finds: the directory's."""
    return [(Membership.objects.directory(), "person__search_key")]


def council_keys():
    return [(Council.objects.all(), "search_key")]


def key_vocabulary(name, keysets):
    """Every word of the keys of ``keysets`` (``[(queryset, field)]``), kept per content version
    under ``name``: what a query's word is looked up in, and, on SQLite, the words a misspelt name
    is compared with (``portal.search.close_words``)."""

    def compute():
        words = set()
        for queryset, field in keysets:
            for key in queryset.order_by().values_list(field, flat=True).distinct():
                words.update(key.split())
        return frozenset(words)

    return per_version(f"search:{name}", compute)


def name_vocabulary():
    """The words of the directory's names and of the councils' keys."""
    return key_vocabulary("names:people", people_keys()) | key_vocabulary("names:councils", council_keys())


def close_names(term, keysets, name, n=3):
    """The words of the keys of ``keysets`` spelt closest to ``term``: pg_trgm on PostgreSQL,
    the same similarity in Python elsewhere (``portal.search.close_words_in``)."""
    return close_words_in(term, keysets, vocabulary=lambda: key_vocabulary(name, keysets), n=n)


def name_terms(text):
    """The words of a name typed in a search box (normalised, particles stripped), each once, at
    most eight (``portal.search.MAX_TERMS``): a pasted page is not eight hundred lookups."""
    return list(dict.fromkeys(search_terms((text or "")[:MAX_QUERY_LENGTH])))[:MAX_TERMS]


def name_match(queryset, field, names, keysets, name, *, rows=None):
    """``(rows, count)``: the rows of ``queryset`` whose key (``field``) holds every word of
    ``names`` at a word's start; when none does, those holding every word or one of its close
    spellings among the keys of ``keysets`` (a misspelt name: "زلمت" finds "زلمط").

    The one rule of the portal search, the members directory and the admin's person pickers.
    ``rows`` wraps a queryset into what is counted and returned (the directory's ``DirectoryRows``,
    whose count is its plan); ``name`` names the key sets' words kept per content version.
    """
    rows = rows or (lambda found: found)
    exact = rows(queryset.filter(_name_matches(field, [[term] for term in names])))
    count = exact.count()
    if count or not names:
        return exact, count
    spelt = [[term, *close_names(term, keysets, name)] for term in names]
    if all(len(spellings) == 1 for spellings in spelt):
        return exact, 0  # no word has a close spelling: nothing more to find
    found = rows(queryset.filter(_name_matches(field, spelt)))
    return found, found.count()


class MembersSearchProvider:
    key = "members"
    label = _("Members and councils")
    order = 30

    def vocabulary(self):
        return name_vocabulary()

    def close_words(self, word):
        """Names' words spelt close to ``word`` (normalised), after the particles typed before it:
        "الناصيري" gives "الناصري" (the keys hold "ناصري")."""
        terms = search_terms(word)
        if len(terms) != 1 or not word.endswith(terms[0]):
            return []
        typed_before = word[: len(word) - len(terms[0])]
        keysets = people_keys() + council_keys()
        return [
            typed_before + close for close in close_words_in(terms[0], keysets, vocabulary=name_vocabulary)
        ]

    def search(self, query, *, language, user, limit, offset=0):
        if query.year or not query.names:
            return SearchResults()  # people and councils have no year
        # People by the people's words, councils by the councils' (and their places'): a
        # misspelt name is not "corrected" into the name of a commune. In the directory's order,
        # through its plan (kept per content version): the count is the plan's, and only the
        # rows of the first councils are read and sorted.
        people, total = name_match(
            Membership.objects.directory(),
            "person__search_key",
            query.names,
            people_keys(),
            "names:people",
            rows=DirectoryRows,
        )
        directory = reverse("members:directory")
        roles = dict(CouncilSeat.Role.choices)
        results = []
        for membership in people[offset : offset + limit]:
            person, council = membership.person, membership.council
            # A membership may have no council recorded (the directory lists it apart).
            facts = [str(roles[membership.council_role]) if membership.council_role else ""]
            if council:
                facts.append(council.name)
            if membership.position:
                facts.append(membership.position)
            results.append(
                SearchResult(
                    title=person.name,
                    url=f"{directory}?{urlencode({'q': person.name_ar})}",
                    summary=" · ".join(fact for fact in facts if fact),
                    image=person.public_photo_url,
                )
            )
        room = limit - len(results)
        skip = max(0, offset - total)
        with_members = Membership.objects.active().filter(council=OuterRef("pk"), person__isnull=False)
        councils, council_count = name_match(
            Council.objects.with_area().filter(Exists(with_members)),
            "search_key",
            query.names,
            council_keys(),
            "names:councils",
        )
        councils = councils.order_by(Council.level_rank(), "name_ar", "pk")
        found = list(councils[skip : skip + room]) if room > 0 else []
        for council in found:
            where = council.area_province or council.area_region
            results.append(
                SearchResult(
                    title=council.name,
                    url=council.get_absolute_url(),  # its page: members, networks, activities
                    summary=f"{council.get_level_display()} · {where.name}" if where else "",
                )
            )
        return SearchResults(results, total=total + council_count)
