"""Template helpers every app uses; the markup itself stays in the templates.

``include_per_version`` is ``{% include %}`` kept as a fragment per content version
(``portal.content_version.per_version``): for the long loops of a page (fifty directory cards, fifteen
committee rosters), which cost more to write from a template than to read from the cache.

``json_ld`` is ``json_script`` for structured data: ``json_script`` writes
``type="application/json"``, search engines read ``type="application/ld+json"``, so the element
is written by ``includes/json_ld.html`` and only the escaped text comes from here.
"""

import hashlib
import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from portal.content_version import per_version

register = template.Library()


@register.filter
def json_ld(value):
    """``value`` as JSON, with ``<``, ``>`` and ``&`` escaped as ``json_script`` escapes them: the
    text can neither close the script element nor open a comment in it."""
    text = json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_json_script_escapes)
    return mark_safe(text)  # escaped just above


def _key_part(value):
    """Rows are named by their primary keys: their content is what the version covers."""
    if isinstance(value, str) or not hasattr(value, "__iter__"):
        return str(getattr(value, "pk", value))
    return ",".join(str(getattr(item, "pk", item)) for item in value)


@register.simple_tag(takes_context=True)
def include_per_version(context, template_name, *rows, **values):
    """``{% include template_name with values %}``, written once per content version.

    ``rows`` (the objects the fragment shows, and anything else it depends on besides the
    content and the language) are part of the key. Without a shared cache the fragment is written
    every time, as ``per_version`` computes every time.
    """
    key = repr((template_name, [_key_part(row) for row in rows], sorted(values.items())))
    name = f"fragment:{get_language()}:{hashlib.sha256(key.encode()).hexdigest()}"

    def render():
        with context.push(**values):
            return context.template.engine.get_template(template_name).render(context)

    return per_version(name, render)
