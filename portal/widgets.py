"""A rich-text input the secretariat can use without knowing HTML, with no third-party code.

The widget is a plain ``<textarea>`` (it still works without JavaScript); ``static/js/richtext.js``
turns it into a small ``contenteditable`` editor with bold, italic, headings, lists and links,
right to left for Arabic, that cleans what is pasted from Word. The server sanitises whatever
arrives anyway (``portal.richtext``): the editor is a convenience, not a defence.
"""

import json

from django import forms
from django.template.base import render_value_in_context
from django.template.context import Context
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import gettext as _

_CONTEXT = Context()  # autoescape on, like the widget templates


class RichTextWidget(forms.Textarea):
    class Media:
        css = {"all": ["css/richtext.css"]}
        js = ["js/richtext.js"]

    def __init__(self, attrs=None):
        super().__init__({"rows": 14, "class": "richtext-source", **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        labels = {
            "toolbar": _("Formatting"),
            "bold": _("Bold"),
            "italic": _("Italic"),
            "h2": _("Heading"),
            "h3": _("Subheading"),
            "p": _("Paragraph"),
            "ul": _("Bulleted list"),
            "ol": _("Numbered list"),
            "quote": _("Quotation"),
            "link": _("Link"),
            "unlink": _("Remove link"),
            "clear": _("Clear formatting"),
            "linkPrompt": _("Address of the link (https://…)"),
            "source": _("Show HTML"),
        }
        context["widget"]["attrs"]["data-richtext"] = json.dumps(labels, ensure_ascii=False)
        return context


def _attrs_html(attrs):
    """What django/forms/widgets/attrs.html renders, without a template."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        parts.append(f" {conditional_escape(name)}")
        if value is not True:
            parts.append(f'="{conditional_escape(_text(value))}"')
    return "".join(parts)


def _text(value):
    """``value|stringformat:'s'``: the text, still safe if the value was."""
    text = str(value)
    return mark_safe(text) if isinstance(value, SafeData) else text


class FastSelect(forms.Select):
    """A ``<select>`` rendered in Python, byte for byte as Django's select.html and select_option.html.

    The template version includes two templates per option: on the calendar's filters (about
    thirty options) that was a tenth of the page's render time (issue 8).
    """

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        out = [f'<select name="{conditional_escape(widget["name"])}"{_attrs_html(widget["attrs"])}>']
        for group_name, group_choices, _group_index in widget["optgroups"]:
            if group_name:
                out.append(f'\n  <optgroup label="{render_value_in_context(group_name, _CONTEXT)}">')
            for option in group_choices:
                value_html = conditional_escape(_text(option["value"]))
                label_html = render_value_in_context(option["label"], _CONTEXT)
                out.append(
                    f'\n  <option value="{value_html}"{_attrs_html(option["attrs"])}>{label_html}</option>\n'
                )
            if group_name:
                out.append("\n  </optgroup>")
        out.append("\n</select>")
        return mark_safe("".join(out))
