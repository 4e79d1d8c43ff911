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
from portal.search import SearchResult, SearchResults, close_words


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


def name_vocabulary():
    """Every word of the directory's names and of the councils' keys, kept per content version:
    the words a misspelt name is compared with (``portal.search.close_words``)."""

    def compute():
        words = set()
        keys = Membership.objects.directory().values_list("person__search_key", flat=True).distinct()
        for key in [*keys, *Council.objects.values_list("search_key", flat=True)]:
            words.update(key.split())
        return frozenset(words)

    return per_version("search:names", compute)


def _spellings(names):
    """Each query word with, when the names hold no word starting with it, its close spellings."""
    vocabulary = name_vocabulary()
    spellings = []
    for term in names:
        if any(word.startswith(term) for word in vocabulary):
            spellings.append([term])
        else:
            spellings.append([term, *close_words(term, vocabulary)])
    return spellings


class MembersSearchProvider:
    key = "members"
    label = _("Members and councils")
    order = 30

    def vocabulary(self):
        return name_vocabulary()

    def search(self, query, *, language, user, limit, offset=0):
        if query.year or not query.names:
            return SearchResults()  # people and councils have no year
        terms = _spellings(query.names)
        directory = reverse("members:directory")
        roles = dict(CouncilSeat.Role.choices)
        # In the directory's order, through its plan (kept per content version): the count is
        # the plan's, and only the rows of the first councils are read and sorted.
        people = DirectoryRows(
            Membership.objects.directory().filter(_name_matches("person__search_key", terms))
        )
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
                    image=person.public_photo.url if person.public_photo else "",
                )
            )
        total = people.count()  # from the plan: no query
        room = limit - len(results)
        skip = max(0, offset - total)
        with_members = Membership.objects.active().filter(council=OuterRef("pk"), person__isnull=False)
        councils = (
            Council.objects.with_area()
            .filter(_name_matches("search_key", terms))
            .filter(Exists(with_members))
            .order_by(Council.level_rank(), "name_ar", "pk")
        )
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
        total += councils.count()
        return SearchResults(results, total=total)
