"""Free text of the calendar, isolated for bidirectional display.

A venue or a city may be written in Latin letters on an Arabic page (``فندق Palm Plaza``,
``Sofitel Rabat``) or in Arabic on a French one (a translation fell back): each part goes in
its own ``<bdi>`` so that neither reorders the punctuation and the text around it.
"""

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

register = template.Library()


@register.simple_tag
def event_place(event):
    """``event.place`` (venue, city) with the venue and the city each in a ``<bdi>``."""
    venue = format_html("<bdi>{}</bdi>", event.venue) if event.venue else ""
    city = format_html("<bdi>{}</bdi>", event.city) if event.city else ""
    if venue and city:
        # The same translated pattern as Event.place, so both read alike in every language.
        return mark_safe(conditional_escape(gettext("%(venue)s, %(city)s")) % {"venue": venue, "city": city})
    return venue or city
