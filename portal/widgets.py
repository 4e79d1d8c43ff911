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
from django_prose_editor.widgets import ProseEditorWidget
from js_asset import Script


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


class FastSelect(forms.Select):
    """Django's ``Select``, written by one template loop (``portal/widgets/select.html``).

    Django's template includes another template per option: for the membership form's 1,590
    councils that took 100 ms, and a tenth of the calendar's time for its filters (issue 8).
    The HTML is the same as Django's.
    """

    template_name = "portal/widgets/select.html"
