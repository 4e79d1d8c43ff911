"""The calendar's sections of ``/sitemap.xml``: its pages and the public events only."""

from django.urls import reverse

from events.models import ActionProgramme, Event
from portal.sitemaps import PortalSitemap, RowSitemap


class CalendarPagesSitemap(PortalSitemap):
    changefreq = "weekly"
    priority = 0.6
    pages = ["events:calendar", "events:agenda", "events:past", "events:unscheduled", "events:subscribe"]

    def items(self):
        # The programme page answers 404 until a programme is published: leave it out until then.
        if ActionProgramme.objects.filter(published=True).exists():
            return [*self.pages, "events:programme"]
        return self.pages

    def location(self, item):
        return reverse(item)


class EventSitemap(RowSitemap):
    changefreq = "monthly"
    priority = 0.7
    url_name = "events:detail"
    translated_fields = ("title", "summary", "body")  # as the page judges it (``events.views``)

    def rows(self):
        return Event.objects.filter(visibility=Event.Visibility.PUBLIC)
