"""Form widgets: the admin's rich-text editor, and a fast ``<select>``.

``RichTextWidget`` is django-prose-editor's (ProseMirror through Tiptap; BSD licence, its built
assets shipped in the wheel, maintained by FeinCMS's authors). It was chosen over django-tinymce
because it needs no third-party CDN nor TinyMCE's GPL or commercial licence (TinyMCE 7+), its
output is plain structural HTML that ``portal.richtext`` keeps as it is, and it runs under the
portal's Content-Security-Policy without an inline script (``static/js/prose-editor.js`` loads it
without the package's import map). It writes Arabic right to left in an Arabic field. The server
sanitises whatever arrives (``portal.richtext``, nh3): the editor is a convenience, not a defence.
"""

from django import forms
from django.template.base import render_value_in_context
from django.template.context import Context
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, mark_safe
from django_prose_editor.widgets import ProseEditorWidget
from js_asset import Script

_CONTEXT = Context()  # autoescape on, like the widget templates


class RichTextWidget(ProseEditorWidget):
    """A ``<textarea>`` (usable without JavaScript) that the editor replaces in the admin."""

    def __init__(self, attrs=None):
        super().__init__(attrs={"rows": 14, **(attrs or {})}, preset="portal", config={"types": None})

    @property
    def media(self):
        return forms.Media(
            css={
                "all": [
                    "django_prose_editor/material-icons.css",
                    "django_prose_editor/editor.css",
                    "django_prose_editor/overrides.css",
                ]
            },
            js=[Script("js/prose-editor.js", type="module")],
        )


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
