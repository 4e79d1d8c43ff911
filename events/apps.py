from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Activity calendar")

    def ready(self):
        from events.models import has_published_programme
        from events.search import EventSearchProvider, connect_signals
        from events.sitemaps import CalendarPagesSitemap, EventSitemap
        from events.views import home_section_context
        from portal import registry
        from portal.roles import register_models
        from portal.search import register_search_provider
        from portal.sitemaps import register_sitemap

        register_models(app=self.label)

        from events.councils import events_in_council_territory
        from events.organisations import events_organised_by, events_partnered_by

        # A council's public page lists the activities held in its territory.
        registry.register_section(
            "council", "events", events_in_council_territory, label=_("Activities held in this territory")
        )
        # An organisation's public page lists the activities it organised or partnered.
        registry.register_section(
            "organisation", "organised", events_organised_by, label=_("Activities it organised"), order=30
        )
        registry.register_section(
            "organisation",
            "partnered",
            events_partnered_by,
            label=_("Activities it was a partner of"),
            order=40,
        )

        registry.register_nav("events:calendar", _("Calendar"), order=30)
        registry.register_nav(
            "events:programme", _("Action programme"), order=35, has_content=has_published_programme
        )
        registry.register_section(
            "home", "events", home_section_context, template="events/home_section.html", order=20
        )
        register_search_provider(EventSearchProvider())
        connect_signals()
        register_sitemap("calendar", CalendarPagesSitemap)
        register_sitemap("events", EventSitemap)
