"""Sitemap section for the members pages: the directory (each of its pages) and the form."""

import math

from django.urls import reverse

from members.directory import directory_count
from members.views import DirectoryView
from portal.sitemaps import PortalSitemap


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
