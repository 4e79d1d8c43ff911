"""Responsive images from easy-thumbnails aliases (``settings.THUMBNAIL_ALIASES``), in WebP.

Thumbnails are generated when an image is saved, and their addresses are computed from the
alias by name, so a list page showing many images makes no database query per image.
"""

from easy_thumbnails.alias import aliases
from easy_thumbnails.files import get_thumbnailer

RESPONSIVE_ALIASES = ("press_small", "press_medium", "press_large")


def _thumbnailer_and_options(fieldfile, alias):
    return get_thumbnailer(fieldfile), aliases.get(alias, target=None)


def thumbnail_url(fieldfile, alias):
    thumbnailer, options = _thumbnailer_and_options(fieldfile, alias)
    return thumbnailer.thumbnail_storage.url(thumbnailer.get_thumbnail_name(options))


def alias_width(alias, source_width=None):
    """The width of an alias's thumbnail: the alias's, or the source's when it is smaller."""
    wanted = aliases.get(alias, target=None)["size"][0]
    return min(wanted, source_width) if source_width else wanted


def ensure_thumbnails(fieldfile):
    """Generate the responsive sizes of an image once, when it is saved."""
    if not fieldfile:
        return
    for alias in RESPONSIVE_ALIASES:
        thumbnailer, options = _thumbnailer_and_options(fieldfile, alias)
        if not thumbnailer.thumbnail_storage.exists(thumbnailer.get_thumbnail_name(options)):
            thumbnailer.get_thumbnail(options, save=True, generate=True)
