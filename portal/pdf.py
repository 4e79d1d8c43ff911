"""PDF documents rendered by WeasyPrint: the shared part of every document the portal writes
(training's certificates and sign-in sheets, the assembly's convocation letters and minutes, the
calendar's action programme).

WeasyPrint lays text out with Pango/HarfBuzz, so Arabic is shaped (joined letters) and runs
right to left. The fonts are the project's own files (``static/fonts``, SIL OFL), embedded
through ``@font-face`` with ``file://`` URLs under their real names (Amiri, Noto Sans: the
template ``portal/pdf/_fonts.html``), so the result does not depend on the fonts of the server.
Every PDF is PDF/UA-1: tagged (structure tree, ``/MarkInfo``), with the document language
(``/Lang`` from ``<html lang>``) and its title (``<title>``, shown by readers instead of the file
name), so screen readers, copy and search get the Arabic text in logical order.

The kernel imports no app: what every document shows of the association (its name, its logo) is
added by the association app through :func:`register_document_context`.
"""

import base64
import mimetypes
from collections.abc import Callable
from pathlib import Path

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation

FONTS = {
    "amiri_regular": "fonts/Amiri-Regular.ttf",
    "amiri_bold": "fonts/Amiri-Bold.ttf",
    "sans_regular": "fonts/noto-sans-latin-400-normal.woff2",
    "sans_bold": "fonts/noto-sans-latin-700-normal.woff2",
    "sans_ext": "fonts/noto-sans-latin-ext-400-normal.woff2",
}

_document_context: list[Callable[[], dict]] = []


def register_document_context(function):
    """``function()`` → a dict added to the context of every document, called in the document's
    language (the association app adds its profile and logo)."""
    if function not in _document_context:
        _document_context.append(function)


def file_url(path):
    return Path(path).resolve().as_uri() if path else ""


def font_urls():
    return {key: file_url(finders.find(name)) for key, name in FONTS.items()}


def stored_file_url(fieldfile):
    """A stored file (a logo) as WeasyPrint fetches it: its file on this disk, or, when it is in
    a bucket (no path), its bytes in a ``data:`` URL, so that WeasyPrint needs no access to the
    storage. "" without a file, or when it cannot be read."""
    if not fieldfile:
        return ""
    try:
        path = fieldfile.path
    except NotImplementedError:
        try:
            with fieldfile.open("rb") as handle:
                content = handle.read()
        except OSError:
            return ""
        kind = mimetypes.guess_type(fieldfile.name)[0] or "image/png"
        return f"data:{kind};base64,{base64.b64encode(content).decode('ascii')}"
    return file_url(path) if Path(path).exists() else ""


def render_html(template, context, *, language):
    """The HTML that :func:`render_pdf` lays out, in ``language`` (tests read it too)."""
    with translation.override(language):
        shared = {}
        for function in _document_context:
            shared.update(function())
        return render_to_string(
            template,
            {
                **shared,
                **context,
                "fonts": font_urls(),
                "LANGUAGE_CODE": language,
                "LANGUAGE_BIDI": translation.get_language_bidi(),
            },
        )


def html_to_pdf(html):
    # Imported when a PDF is made, not at start: WeasyPrint loads Pango and its fonts (about a
    # second and 60 MB), which every web worker and command would otherwise pay for nothing.
    from weasyprint import HTML  # noqa: PLC0415

    return HTML(string=html, base_url=str(Path(__file__).resolve().parent)).write_pdf(pdf_variant="pdf/ua-1")


def render_pdf(template, context, *, language):
    return html_to_pdf(render_html(template, context, language=language))
