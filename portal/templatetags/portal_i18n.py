"""Pages whose content exists in one language only: mark each part, and say so.

``{% fallback_lang item "body" %}`` gives the ``lang``/``dir`` attributes of the text a
translated field shows (nothing when it is the page's own language); ``{% untranslated_notice
item "body" %}`` says, in the page's language, that the text below is only in another one.
"""

from django import template
from django.utils.translation import get_language, get_language_info

from portal.language import text_language

register = template.Library()


def _attributes(code):
    return {"code": code, "direction": "rtl" if get_language_info(code)["bidi"] else "ltr"}


@register.inclusion_tag("includes/fallback_lang.html")
def fallback_lang(instance, field):
    """``lang``/``dir`` attributes when a translated field shows another language's text."""
    code = text_language(instance, field)
    return _attributes(code) if code != get_language() else {}


@register.inclusion_tag("includes/untranslated_notice.html")
def untranslated_notice(instance, field):
    """A note, in the page's language, that ``field`` is shown in the language it exists in."""
    code = text_language(instance, field)
    return {"only_in": code} if code != get_language() else {}
