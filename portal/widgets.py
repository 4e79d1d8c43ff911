"""A rich-text input the secretariat can use without knowing HTML, with no third-party code.

The widget is a plain ``<textarea>`` (it still works without JavaScript); ``static/js/richtext.js``
turns it into a small ``contenteditable`` editor with bold, italic, headings, lists and links,
right to left for Arabic, that cleans what is pasted from Word. The server sanitises whatever
arrives anyway (``portal.richtext``): the editor is a convenience, not a defence.
"""

import json

from django import forms
from django.utils.translation import gettext as _


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


class FastSelect(forms.Select):
    """Django's ``Select``, written by one template loop (``portal/widgets/select.html``).

    Django's template includes another template per option: for the membership form's 1,590
    councils that took 100 ms, and a tenth of the calendar's time for its filters (issue 8).
    The HTML is the same as Django's.
    """

    template_name = "portal/widgets/select.html"
