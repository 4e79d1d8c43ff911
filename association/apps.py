from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssociationConfig(AppConfig):
    name = "association"
    verbose_name = _("The association")

    def ready(self):
        from portal import registry

        registry.register_nav("association:about", _("About"), order=10)
        registry.register_nav("association:press-list", _("Press and news"), order=20)
        registry.register_nav("association:partners", _("Partners"), order=80)
        registry.register_nav("association:documents", _("Documents"), order=85)
        registry.register_nav("association:contact", _("Contact"), order=90)
        registry.register_nav("association:search", _("Search"), order=95)
        registry.register_home_section("association/press/home_section.html", latest_press_section, order=20)

        from portal.search import DocumentSearchProvider, PressSearchProvider, register_search_provider

        register_search_provider(PressSearchProvider())
        register_search_provider(DocumentSearchProvider())

        # An activity's page lists the published press releases and news about it.
        from events import hooks

        hooks.register_related(
            "press", press_about_event, label=_("Press releases and news about this activity")
        )


HOME_PRESS_ITEMS = 3


def latest_press_section(request):
    """The home page's latest press releases and news, or nothing when none is published."""
    from press.models import PressRelease

    items = list(PressRelease.objects.published().for_list()[:HOME_PRESS_ITEMS])
    return {"items": items} if items else None


def press_about_event(request, event):
    """The published press releases and news related to ``event``, newest first, in one query
    whatever their number; drafts, withdrawn items and items scheduled for later never appear."""
    from press.models import PressRelease

    releases = PressRelease.objects.published().filter(related_events=event).for_links()
    return [
        {"title": release.title, "url": release.get_absolute_url(), "date": release.publish_at}
        for release in releases
    ]
