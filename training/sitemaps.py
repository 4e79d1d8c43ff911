"""The public training catalogue's sections of ``/sitemap.xml``: one page per year, one per session."""

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from portal.sitemaps import PortalSitemap
from training.models import TrainingSession
from training.selectors import catalogue_years


class TrainingProgrammeSitemap(PortalSitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return catalogue_years(AnonymousUser())

    def location(self, year):
        return reverse("training:programme", args=[year])


class TrainingSessionSitemap(PortalSitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return (
            TrainingSession.objects.visible_to(AnonymousUser())
            .select_related("event")
            .only("pk", "event__updated_at")
            .order_by("pk")
        )

    def lastmod(self, session):
        return session.event.updated_at
