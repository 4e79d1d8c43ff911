"""The general assembly's section of ``/sitemap.xml``: the minutes the bureau made public, and
their list once there is one. Drafts, and minutes kept for members, are never listed."""

from django.urls import reverse

from assembly.models import Minutes
from portal.sitemaps import PortalSitemap


class MinutesSitemap(PortalSitemap):
    changefreq = "yearly"
    priority = 0.5

    def items(self):
        minutes = list(
            Minutes.objects.approved().filter(public=True).order_by("pk").values_list("pk", "approved_at")
        )
        return [("assembly:minutes-list", None), *minutes] if minutes else []

    def location(self, item):
        key, _approved_at = item
        if key == "assembly:minutes-list":
            return reverse(key)
        return reverse("assembly:minutes-page", args=[key])

    def lastmod(self, item):
        return item[1]
