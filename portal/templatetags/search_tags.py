"""``{{ text|highlight:terms }}``: the words of a result that match the query, in <mark>."""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from portal.text import analyse, search_terms

register = template.Library()

_WORDS = re.compile(r"(\w+)")


def _matches(word, terms):
    for term in [*analyse(word), *search_terms(word)]:
        for wanted in terms:
            if term == wanted or (len(wanted) >= 3 and term.startswith(wanted)):
                return True
    return False


@register.filter
def highlight(text, terms):
    """Escape ``text`` piece by piece and mark the words whose analysed form matches a query
    term: nothing of the text is ever output unescaped, whatever it holds."""
    if not text:
        return ""
    text = str(text)
    if not terms:
        return escape(text)
    pieces = []
    for i, piece in enumerate(_WORDS.split(text)):
        if i % 2 and _matches(piece, terms):
            pieces.append(f"<mark>{escape(piece)}</mark>")
        else:
            pieces.append(escape(piece))
    return mark_safe("".join(pieces))
