"""``/sitemap.xml``: every public page of the portal, in every language, with its alternates.

``/sitemap.xml`` is an index of sections (``/sitemap-press.xml``...), each in pages of at most
``PortalSitemap.limit`` addresses (``?p=2``): at a national association's size the portal has
tens of thousands of addresses, and one file of them all took 2.2 s and 6.6 MB (issue 8).

``SITEMAPS`` is the one dict ``config/urls.py`` serves. Another app adds its pages in its
``AppConfig.ready()``::

    from portal.sitemaps import register_sitemap
    register_sitemap("events", EventSitemap)

where ``EventSitemap`` subclasses ``PortalSitemap`` (``i18n`` and ``alternates`` on) and lists only what the public may see (``Event.objects.public()``...).
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse


class PortalSitemap(Sitemap):
    """Each page once per language, with its ``hreflang`` alternates.

    No ``x-default`` entry: Django would write the address without a language prefix, which
    only redirects here (every page has its prefix); the pages themselves declare x-default.
    """

    i18n = True
    alternates = True
    limit = 1000  # addresses (an item in each language) per page of a section


class RowSitemap(PortalSitemap):
    """A section of many rows read as ``(key, updated_at)`` tuples, not models.

    Django's sitemap lists every item of a section to page it, and its index reads every item's
    ``lastmod`` for the latest one: tuples cost little to build, and the latest is one
    ``MAX()`` query. Subclasses give ``rows()`` (a queryset) and ``url_name`` (reversed with the
    key).
    """

    url_name = None
    key = "pk"

    def rows(self):
        raise NotImplementedError

    def items(self):
        return self.rows().order_by("pk").values_list(self.key, "updated_at")

    def location(self, item):
        return reverse(self.url_name, kwargs={self.key: item[0]})

    def lastmod(self, item):
        return item[1]

    def get_latest_lastmod(self):
        return self.rows().aggregate(latest=Max("updated_at"))["latest"]


class PagesSitemap(PortalSitemap):
    """The portal's single pages (home, about, the press list...), which apps name in their
    ``AppConfig.ready()`` with ``register_page(url_name)``."""

    changefreq = "monthly"
    priority = 0.6
    pages = []

    def items(self):
        return self.pages

    def location(self, item):
        return reverse(item)


def register_page(url_name):
    """Add a page without arguments to the "pages" section; call it from ``AppConfig.ready()``."""
    if url_name not in PagesSitemap.pages:
        PagesSitemap.pages.append(url_name)


SITEMAPS = {"pages": PagesSitemap}


def register_sitemap(name, sitemap):
    """Add an app's sitemap section; call it from ``AppConfig.ready()``."""
    SITEMAPS[name] = sitemap
