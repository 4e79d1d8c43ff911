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

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import BooleanField, Case, Max, Q, Value, When
from django.urls import reverse


def written_in(fields):
    """``{"written_<code>": expression}`` for each language: whether a row is really written in
    it, as ``portal.language.translated_languages`` judges one object (each of ``fields`` that
    has a text in some language has one in this language), read in the rows' query."""
    codes = [code for code, _name in settings.LANGUAGES]
    annotations = {}
    for code in codes:
        condition = Q()
        for field in fields:
            has_text = Q(**{f"{field}_{code}__gt": ""})
            nowhere = Q()
            for other in codes:
                nowhere &= Q(**{f"{field}_{other}__isnull": True}) | Q(**{f"{field}_{other}": ""})
            condition &= has_text | nowhere
        annotations[f"written_{code}"] = Case(
            When(condition, then=Value(True)), default=Value(False), output_field=BooleanField()
        )
    return annotations


def written_languages(row):
    """The languages a row read with ``written_in``'s annotations last is written in."""
    codes = [code for code, _name in settings.LANGUAGES]
    return [code for code, written in zip(codes, row[-len(codes) :], strict=True) if written]


class PortalSitemap(Sitemap):
    """Each page once per language, with its ``hreflang`` alternates.

    Alternates only between real translations (issue 20): every page is listed in every
    language (its interface is translated), but a page whose content is written in one language
    only (``translated_languages``) is announced as no other page's alternate, and declares none,
    as the page itself does (``portal.language.set_alternates``). Search engines ignore hreflang
    that the page and the sitemap do not both state, and treat it as a claim of translation.

    No ``x-default`` entry: Django would write the address without a language prefix, which
    only redirects here (every page has its prefix); the pages themselves declare x-default.
    """

    i18n = True
    alternates = True
    limit = 1000  # addresses (an item in each language) per page of a section

    def translated_languages(self, item):
        """The languages ``item``'s content is really written in; None: every language."""
        return None

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            item, code = url["item"]
            written = self.translated_languages(item)
            if written is None:
                continue
            if code not in written or len(written) < 2:
                url["alternates"] = []
            else:
                url["alternates"] = [alt for alt in url["alternates"] if alt["lang_code"] in written]
        return urls


class RowSitemap(PortalSitemap):
    """A section of many rows read as ``(key, updated_at)`` tuples, not models.

    Django's sitemap lists every item of a section to page it, and its index reads every item's
    ``lastmod`` for the latest one: tuples cost little to build, and the latest is one
    ``MAX()`` query. Subclasses give ``rows()`` (a queryset) and ``url_name`` (reversed with the
    key).
    """

    url_name = None
    key = "pk"
    # More columns ``location()`` reads, after the key and ``updated_at``.
    columns = ()
    # The translated fields whose texts tell the languages a row is written in (its hreflang).
    translated_fields = ()

    def rows(self):
        raise NotImplementedError

    def items(self):
        flags = written_in(self.translated_fields) if self.translated_fields else {}
        return (
            self.rows()
            .order_by("pk")
            .annotate(**flags)
            .values_list(self.key, "updated_at", *self.columns, *flags)
        )

    def translated_languages(self, item):
        return written_languages(item) if self.translated_fields else None

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
