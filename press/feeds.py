"""RSS and Atom feeds of the press releases and news, one per language (``/ar/…``, ``/fr/…``).

Relayed news (another organisation's, ``PressRelease.source_organisation``) says so in each
format's own element: RSS 2.0 ``<source url="…">name</source>`` and ``<author>``, Atom
``<author><name>`` and ``<source>``. The ``own`` feeds carry the association's news only.
"""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from association.models import AssociationProfile
from press.models import PressRelease

FEED_LENGTH = 20


class SourceRssFeed(Rss201rev2Feed):
    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("source_name"):
            # RSS's <source> needs an address: the original, the organisation's site, or the item.
            url = item["source_link"] or item["link"]
            handler.addQuickElement("source", item["source_name"], {"url": url})


class SourceAtomFeed(Atom1Feed):
    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("source_name"):
            handler.startElement("source", {})
            handler.addQuickElement("title", item["source_name"])
            if item.get("source_website"):
                handler.addQuickElement("link", "", {"rel": "alternate", "href": item["source_website"]})
            handler.endElement("source")


class PressRssFeed(Feed):
    feed_type = SourceRssFeed
    own_only = False

    def title(self):
        name = AssociationProfile.get_solo().name
        return (
            _("Press releases and news of %(name)s") % {"name": name}
            if name
            else _("Press releases and news")
        )

    def link(self):
        return reverse("press:list") + ("?origin=own" if self.own_only else "")

    def description(self):
        if self.own_only:
            return _("The latest press releases and news of the association, without relayed news.")
        return _("The latest press releases and news of the association.")

    def items(self):
        items = PressRelease.objects.published()
        if self.own_only:
            items = items.own()
        return items.for_list()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Readers treat a description as HTML: the plain-text summary is escaped for them.
        return escape(item.display_summary)

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.category.name] if item.category_id else []

    def item_author_name(self, item):
        return item.source_organisation.name if item.source_organisation_id else None

    def item_author_link(self, item):
        if item.source_organisation_id:
            return item.source_organisation.website or None
        return None

    def item_extra_kwargs(self, item):
        if not item.source_organisation_id:
            return {}
        website = item.source_organisation.website
        return {
            "source_name": item.source_organisation.name,
            "source_link": item.source_url or website,
            "source_website": website,
        }


class PressAtomFeed(PressRssFeed):
    feed_type = SourceAtomFeed

    def subtitle(self):
        return self.description()


class OwnPressRssFeed(PressRssFeed):
    own_only = True


class OwnPressAtomFeed(PressAtomFeed):
    own_only = True
