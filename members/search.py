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
from portal.search import SearchResult, SearchResults


def _name_matches(field, terms):
    """Every term starts a word of the key (the directory's own rule)."""
    condition = Q()
    for term in terms:
        condition &= Q(**{f"{field}__startswith": term}) | Q(**{f"{field}__contains": f" {term}"})
    return condition


class MembersSearchProvider:
    key = "members"
    label = _("Members and councils")
    order = 30

    def search(self, terms, *, language, user, limit):
        directory = reverse("members:directory")
        roles = dict(CouncilSeat.Role.choices)
        # In the directory's order, through its plan (kept per content version): the count is
        # the plan's, and only the rows of the first councils are read and sorted.
        people = DirectoryRows(
            Membership.objects.directory().filter(_name_matches("person__search_key", terms))
        )
        results = []
        for membership in people[:limit]:
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
        if room > 0:
            with_members = Membership.objects.active().filter(council=OuterRef("pk"), person__isnull=False)
            councils = (
                Council.objects.with_area()
                .filter(_name_matches("search_key", terms))
                .filter(Exists(with_members))
                .order_by(Council.level_rank(), "name_ar", "pk")
            )
            found = list(councils[:room])
            for council in found:
                where = council.area_province or council.area_region
                results.append(
                    SearchResult(
                        title=council.name,
                        url=f"{directory}?{urlencode({'council': council.pk})}",
                        summary=f"{council.get_level_display()} · {where.name}" if where else "",
                    )
                )
            total += councils.count() if len(found) == room else len(found)
        return SearchResults(results, total=total)
