from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PressConfig(AppConfig):
    name = "press"
    verbose_name = _("Press releases and news")

    def ready(self):
        from portal import content_version, registry, roles
        from portal.search import register_search_provider
        from portal.sitemaps import register_page, register_sitemap
        from press import search, selectors, sitemaps

        roles.register_models(
            communication=["pressrelease", "pressimage", "pressattachment", "category"], app="press"
        )
        registry.register_nav("press:list", _("Press and news"), order=20)
        registry.register_section(
            "home", "press", selectors.latest_press_section, template="press/home_section.html", order=20
        )
        register_page("press:list")
        register_sitemap("press", sitemaps.PressSitemap)
        register_search_provider(search.PressSearchProvider())
        # A new content version when the next scheduled item appears.
        content_version.register_scheduled(selectors.scheduled_after)
        # An activity's page lists the published press releases and news about it.
        registry.register_section(
            "event.related",
            "press",
            selectors.press_about_event,
            label=_("Press releases and news about this activity"),
        )
        # An organisation's page lists the news relayed from it ("نقلا عن …").
        registry.register_section(
            "organisation",
            "press",
            selectors.press_relayed_from,
            label=_("News relayed from this organisation"),
            order=20,
        )
