"""Template helpers for press pages: rich text, responsive images and fallback languages.

``richtext`` is the only way stored HTML reaches a page (it sanitises on the way out too).
Responsive images are built from easy-thumbnails aliases by name, without a database lookup per
image: the thumbnails are generated when the image is saved (``press.models``). The markup of
both tags is in ``templates/includes``.
"""

from django import template

from portal.images import RESPONSIVE_ALIASES, alias_width, thumbnail_url
from portal.richtext import render_richtext
from portal.templatetags import portal_i18n

register = template.Library()


@register.filter
def richtext(value):
    return render_richtext(value)


@register.inclusion_tag("includes/responsive_image.html")
def responsive_image(fieldfile, alt, sizes="100vw", css_class="", width=None, height=None, lazy=True):
    """An ``<img>`` with WebP thumbnails in three widths (``srcset``) and its description."""
    if not fieldfile:
        return {}
    candidates = {}
    for alias in RESPONSIVE_ALIASES:  # a small source gives one size, not three equal ones
        candidates.setdefault(alias_width(alias, width), thumbnail_url(fieldfile, alias))
    image = {
        "src": thumbnail_url(fieldfile, "press_medium"),
        "srcset": ", ".join(f"{url} {size}w" for size, url in candidates.items()),
        "sizes": sizes,
        "alt": alt,
        "css_class": css_class,
        "lazy": lazy,
    }
    if width and height:
        shown = alias_width("press_large", width)
        image.update(width=shown, height=round(height * shown / width))
    return {"image": image}


# Kept under the press library's name for the press templates; the rule lives in portal.
register.tag("fallback_lang", portal_i18n.register.tags["fallback_lang"])
register.tag("untranslated_notice", portal_i18n.register.tags["untranslated_notice"])
