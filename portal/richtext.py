"""Rich text written by the secretariat: one sanitiser, the only way such HTML reaches a page.

Press bodies come from the editor widget or are pasted from Word, so they may carry anything:
``<script>``, ``onerror=`` handlers, ``javascript:`` links, Word's ``mso-`` styles, ``MsoNormal``
classes, ``<o:p>`` tags and conditional comments. ``sanitize_html`` keeps a short list of
structural tags (paragraphs, headings, lists, links, emphasis, quotes, simple tables) and the
text direction, and drops everything else. Models call it on save, and templates render rich
text only through the ``richtext`` filter, which sanitises again: there is no ``|safe`` on
stored HTML anywhere in the templates.
"""

import html as html_lib
import re

import nh3
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

from portal.text import strip_bidi_controls

ALLOWED_TAGS = {
    "p", "br", "strong", "b", "em", "i", "u", "s", "sub", "sup",
    "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "a", "hr",
    "table", "thead", "tbody", "tr", "th", "td", "caption",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "*": {"lang"},
}
DIRECTIONS = {"rtl", "ltr", "auto"}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Word wraps its generated blocks in these; their content is never text the author wrote.
DROPPED_WITH_CONTENT = {
    "script",
    "style",
    "xml",
    "template",
    "iframe",
    "object",
    "embed",
    "noscript",
    "title",
}

_EMPTY_PARAGRAPH = re.compile(r"<p(?: [^>]*)?>(?:\s|&nbsp;|\u00a0|<br>)*</p>")


def _attribute_filter(tag, attribute, value):
    if attribute == "dir":
        value = value.strip().lower()
        return value if value in DIRECTIONS else None
    if attribute == "lang":
        # Word writes lang="AR-MA"; keep a plausible language tag only.
        return value if re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*", value) else None
    return value


def sanitize_html(html):
    """Return ``html`` reduced to the allowed tags and attributes, safe to show as is."""
    if not html:
        return ""
    attributes = {tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()}
    for tag in ALLOWED_TAGS:
        attributes.setdefault(tag, set()).add("dir")
    cleaned = nh3.clean(
        str(html),
        tags=ALLOWED_TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=attributes,
        attribute_filter=_attribute_filter,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    cleaned = strip_bidi_controls(_EMPTY_PARAGRAPH.sub("", cleaned))
    return cleaned.strip()


def render_richtext(html):
    """The single path from stored rich text to a safe string for a template."""
    return mark_safe(sanitize_html(html))  # sanitised just above


def plain_text(html):
    """Rich text as plain text, for search keys, summaries, feeds and meta descriptions."""
    if not html:
        return ""
    text = re.sub(r"<(?:br|/p|/li|/h[2-4]|/tr|/blockquote)[^>]*>", "\n", str(html))
    text = strip_tags(text)
    text = html_lib.unescape(text)
    return re.sub(r"[ \t\u00a0]+", " ", re.sub(r"\n\s*\n+", "\n", text)).strip()
