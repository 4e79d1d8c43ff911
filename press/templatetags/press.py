"""Template helpers for press pages: rich text, JSON-LD and responsive images.

``richtext`` is the only way stored HTML reaches a page (it sanitises on the way out too).
Responsive images are built from easy-thumbnails aliases by name, without a database lookup
per image: the thumbnails are generated when the image is saved (``press.models``).
"""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import _json_script_escapes, format_html
from django.utils.safestring import mark_safe

from portal.images import RESPONSIVE_ALIASES, alias_width, thumbnail_url
from portal.richtext import render_richtext

register = template.Library()


@register.filter
def richtext(value):
    return render_richtext(value)


@register.filter
def jsonld(data):
    """A ``<script type="application/ld+json">`` block, escaped as ``json_script`` does."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_json_script_escapes)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # escaped above


@register.simple_tag
def responsive_image(fieldfile, alt, sizes="100vw", css_class="", width=None, height=None, lazy=True):
    """An ``<img>`` with WebP thumbnails in three widths (``srcset``) and its description."""
    if not fieldfile:
        return ""
    candidates = {}
    for alias in RESPONSIVE_ALIASES:  # a small source gives one size, not three equal ones
        candidates.setdefault(alias_width(alias, width), thumbnail_url(fieldfile, alias))
    srcset = ", ".join(f"{url} {size}w" for size, url in candidates.items())
    ratio = ""
    if width and height:
        shown = alias_width("press_large", width)
        ratio = format_html(' width="{}" height="{}"', shown, round(height * shown / width))
    return format_html(
        '<img src="{}" srcset="{}" sizes="{}" alt="{}" class="{}"{}{} decoding="async">',
        thumbnail_url(fieldfile, "press_medium"),
        srcset,
        sizes,
        alt,
        css_class,
        ratio,
        mark_safe(' loading="lazy"') if lazy else "",
    )


@register.simple_tag(takes_context=True)
def fallback_lang(context, instance, field):
    """``lang``/``dir`` attributes when a translated field shows another language's text.

    A French page whose item has no French body shows the Arabic one (modeltranslation's
    fallback): that text must still be marked Arabic and right to left, and the reverse.
    """
    from django.conf import settings
    from django.utils.translation import get_language, get_language_info

    current = get_language() or settings.LANGUAGE_CODE
    if getattr(instance, f"{field}_{current}", None):
        return ""
    for code in (settings.LANGUAGE_CODE, *(code for code, _name in settings.LANGUAGES)):
        if code != current and getattr(instance, f"{field}_{code}", None):
            direction = "rtl" if get_language_info(code)["bidi"] else "ltr"
            return format_html(' lang="{}" dir="{}"', code, direction)
    return ""
