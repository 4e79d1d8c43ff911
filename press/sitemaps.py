from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language

from portal.sitemaps import RowSitemap
from press.models import PressRelease


class PressSitemap(RowSitemap):
    changefreq = "yearly"
    priority = 0.8
    url_name = "press:detail"
    key = "slug"
    columns = ("latin_slug",)
    translated_fields = ("title", "body")  # as the page judges it (``press.views``)

    def rows(self):
        return PressRelease.objects.published()

    def location(self, item):
        # Django activates each language in turn: French addresses have their Latin slug.
        slug = item[0] if get_language() == settings.LANGUAGE_CODE or not item[2] else item[2]
        return reverse(self.url_name, kwargs={"slug": slug})
