from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssemblyConfig(AppConfig):
    name = "assembly"
    verbose_name = _("General assembly")

    def ready(self):
        from assembly import selectors
        from assembly.sitemaps import MinutesSitemap
        from portal import registry
        from portal.roles import register_models
        from portal.sitemaps import register_sitemap

        # The statutes' rules and versions are settings: the secretariat sees them, the bureau
        # changes them (an amendment the assembly adopts adds its version through the decision).
        register_models(app=self.label, settings=("assemblyrules", "statutesversion"))
        # The minutes made public, for search engines.
        register_sitemap("assembly-minutes", MinutesSitemap)
        # The assembly's page in the calendar links to its minutes, for whoever may read them.
        registry.register_section(
            "event.related",
            "assembly-minutes",
            selectors.minutes_of_event,
            label=_("Minutes of the general assembly"),
            order=10,
        )
        # "My account" links to the member's convocations and agenda requests.
        registry.register_account_link("assembly:mine", _("My general assemblies"), order=20)
