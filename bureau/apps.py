from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BureauConfig(AppConfig):
    name = "bureau"
    verbose_name = _("Bureau and committees")

    def ready(self):
        from portal import registry
        from portal.sitemaps import register_sitemap
        from bureau.sitemaps import BureauSitemap

        registry.register_nav("bureau:current", _("Bureau"), order=15)
        register_sitemap("bureau", BureauSitemap)
