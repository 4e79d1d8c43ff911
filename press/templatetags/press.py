"""Template helpers for press pages: rich text, responsive images and fallback languages.

``richtext`` is the only way stored HTML reaches a page (it sanitises on the way out too).
Responsive images are built from easy-thumbnails aliases by name, without a database lookup per
image: the thumbnails are generated when the image is saved (``press.models``). The markup of
both tags is in ``templates/includes``.
"""

from django import template
from django.conf import settings
from django.utils.translation import get_language, get_language_info

from portal.images import RESPONSIVE_ALIASES, alias_width, thumbnail_url
from portal.richtext import render_richtext

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


@register.inclusion_tag("includes/fallback_lang.html")
def fallback_lang(instance, field):
    """``lang``/``dir`` attributes when a translated field shows another language's text.

    A French page whose item has no French body shows the Arabic one (modeltranslation's
    fallback): that text must still be marked Arabic and right to left, and the reverse.
    """
    current = get_language() or settings.LANGUAGE_CODE
    if getattr(instance, f"{field}_{current}", None):
        return {}
    for code in (settings.LANGUAGE_CODE, *(code for code, _name in settings.LANGUAGES)):
        if code != current and getattr(instance, f"{field}_{code}", None):
            return {"code": code, "direction": "rtl" if get_language_info(code)["bidi"] else "ltr"}
    return {}
