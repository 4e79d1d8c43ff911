"""Sitemap sections for the members pages: the directory (each of its pages) and the form; the
councils' and the organisations' public pages."""

import math

from django.db.models import Exists, OuterRef
from django.urls import reverse

from members.directory import directory_count
from members.models import Council, Membership, NetworkMembership, Organisation
from members.views import DirectoryView
from portal.sitemaps import PortalSitemap, written_in, written_languages


class MembersSitemap(PortalSitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        members = directory_count()  # the directory's plan, kept per content version
        pages = max(1, math.ceil(members / DirectoryView.paginate_by))
        return [("members:directory", page) for page in range(1, pages + 1)] + [("members:apply", 1)]

    def location(self, item):
        name, page = item
        return reverse(name) + (f"?page={page}" if page > 1 else "")


class TranslatedRowsSitemap(PortalSitemap):
    """Rows without an ``updated_at`` read as ``(pk, written_ar, written_fr...)`` tuples."""

    url_name = None
    translated_fields = ("name",)

    def rows(self):
        raise NotImplementedError

    def items(self):
        flags = written_in(self.translated_fields)
        return self.rows().order_by("pk").annotate(**flags).values_list("pk", *flags)

    def location(self, item):
        return reverse(self.url_name, args=[item[0]])

    def translated_languages(self, item):
        return written_languages(item)


class CouncilSitemap(TranslatedRowsSitemap):
    """The pages of the councils the portal says something of: those with an active member of
    the association or in a network. The other councils of the HCP territory (some 1,600) have a
    page too, but one with nothing of their own to show."""

    changefreq = "monthly"
    priority = 0.4
    url_name = "members:council"

    def rows(self):
        members = Membership.objects.active().filter(council=OuterRef("pk"))
        networks = NetworkMembership.objects.filter(council=OuterRef("pk"))
        return Council.objects.filter(Exists(members) | Exists(networks))


class OrganisationSitemap(TranslatedRowsSitemap):
    changefreq = "monthly"
    priority = 0.5
    url_name = "members:organisation"
    translated_fields = ("name", "description")

    def rows(self):
        return Organisation.objects.all()
