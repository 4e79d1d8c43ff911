"""``/sitemap.xml``: every public page of the portal, in every language, with its alternates.

``SITEMAPS`` is the one dict ``config/urls.py`` serves. Another app adds its pages in its
``AppConfig.ready()``::

    from association.sitemaps import register_sitemap
    register_sitemap("events", EventSitemap)

where ``EventSitemap`` subclasses ``PortalSitemap`` (``i18n`` and ``alternates`` on) and lists only what the public may see (``Event.objects.public()``...).
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from association.press import PressRelease


class PortalSitemap(Sitemap):
    """Each page once per language, with its ``hreflang`` alternates.

    No ``x-default`` entry: Django would write the address without a language prefix, which
    only redirects here (every page has its prefix); the pages themselves declare x-default.
    """

    i18n = True
    alternates = True


class AssociationPagesSitemap(PortalSitemap):
    changefreq = "monthly"
    priority = 0.6
    pages = [
        "association:home",
        "association:about",
        "association:partners",
        "association:documents",
        "association:contact",
        "association:press-list",
    ]

    def items(self):
        return self.pages

    def location(self, item):
        return reverse(item)


class PressSitemap(PortalSitemap):
    changefreq = "yearly"
    priority = 0.8

    def items(self):
        return PressRelease.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {
    "pages": AssociationPagesSitemap,
    "press": PressSitemap,
}


def register_sitemap(name, sitemap):
    """Add an app's sitemap section; call it from ``AppConfig.ready()``."""
    SITEMAPS[name] = sitemap
