from portal.sitemaps import RowSitemap
from press.models import PressRelease


class PressSitemap(RowSitemap):
    changefreq = "yearly"
    priority = 0.8
    url_name = "press:detail"
    key = "slug"

    def rows(self):
        return PressRelease.objects.published()
