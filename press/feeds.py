"""RSS and Atom feeds of the press releases and news, one per language (``/ar/…``, ``/fr/…``)."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from association.models import AssociationProfile
from press.models import PressRelease

FEED_LENGTH = 20


class PressRssFeed(Feed):
    def title(self):
        name = AssociationProfile.get_solo().name
        return (
            _("Press releases and news of %(name)s") % {"name": name}
            if name
            else _("Press releases and news")
        )

    def link(self):
        return reverse("press:list")

    def description(self):
        return _("The latest press releases and news of the association.")

    def items(self):
        return PressRelease.objects.published().for_list()[:FEED_LENGTH]

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


class PressAtomFeed(PressRssFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()
