"""``{{ person.name|initials }}`` for monograms, ``{{ pk|palette:6 }}`` for a stable colour slot."""

from django import template

from portal import identity

register = template.Library()


@register.filter
def initials(name):
    return identity.initials(str(name or ""))


@register.filter
def palette(value, size=6):
    """A slot from 0 to ``size - 1`` for ``value`` (a category's id): the same one every time."""
    try:
        return int(value) % int(size)
    except (TypeError, ValueError):
        return 0
