"""Template helpers every app uses; the markup itself stays in the templates.

``json_ld`` is ``json_script`` for structured data: ``json_script`` writes
``type="application/json"``, search engines read ``type="application/ld+json"``, so the element
is written by ``includes/json_ld.html`` and only the escaped text comes from here.
"""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def json_ld(value):
    """``value`` as JSON, with ``<``, ``>`` and ``&`` escaped as ``json_script`` escapes them: the
    text can neither close the script element nor open a comment in it."""
    text = json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_json_script_escapes)
    return mark_safe(text)  # escaped just above
