"""PDF documents (certificates of attendance, sign-in sheets, and through :func:`render_pdf` the
convocation letters and minutes of ``assembly``) rendered by WeasyPrint.

WeasyPrint lays text out with Pango/HarfBuzz, so Arabic is shaped (joined letters) and runs
right to left. The fonts are the project's own files (``static/fonts``, SIL OFL), embedded
through ``@font-face`` with ``file://`` URLs under their real names (Amiri, Noto Sans), so the
result does not depend on the fonts of the server. Every PDF is PDF/UA-1: tagged (structure tree,
``/MarkInfo``), with the document language (``/Lang`` from ``<html lang>``) and its title
(``<title>``, shown by readers instead of the file name), so screen readers, copy and search get
the Arabic text in logical order.
"""

import base64
import mimetypes
from pathlib import Path

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation

from association.models import AssociationProfile
from training.exports import attach_councils

FONTS = {
    "amiri_regular": "fonts/Amiri-Regular.ttf",
    "amiri_bold": "fonts/Amiri-Bold.ttf",
    "sans_regular": "fonts/noto-sans-latin-400-normal.woff2",
    "sans_bold": "fonts/noto-sans-latin-700-normal.woff2",
    "sans_ext": "fonts/noto-sans-latin-ext-400-normal.woff2",
}


def _file_url(path):
    return Path(path).resolve().as_uri() if path else ""


def font_urls():
    return {key: _file_url(finders.find(name)) for key, name in FONTS.items()}


def _logo_url(profile):
    """The logo's file on this disk, or, when it is in a bucket (no path), its bytes in a
    ``data:`` URL: WeasyPrint then needs no access to the storage."""
    if not profile.logo:
        return ""
    try:
        path = profile.logo.path
    except NotImplementedError:
        try:
            with profile.logo.open("rb") as handle:
                content = handle.read()
        except OSError:
            return ""
        kind = mimetypes.guess_type(profile.logo.name)[0] or "image/png"
        return f"data:{kind};base64,{base64.b64encode(content).decode('ascii')}"
    return _file_url(path) if Path(path).exists() else ""


def render_html(template, context, *, language):
    """The HTML that :func:`render_pdf` lays out, in ``language`` (tests read it too)."""
    with translation.override(language):
        profile = AssociationProfile.get_solo()
        return render_to_string(
            template,
            {
                **context,
                "association": profile,
                "logo_url": _logo_url(profile),
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


def certificate_pdf(registration, *, language):
    attach_councils([registration])
    session = registration.session
    return render_pdf(
        "training/pdf/certificate.html",
        {"registration": registration, "session": session, "topics": session.topic_list},
        language=language,
    )


def sign_in_sheet_pdf(session, registrations, *, language="ar"):
    return render_pdf(
        "training/pdf/sign_in_sheet.html",
        {"session": session, "registrations": registrations, "topics": session.topic_list},
        language=language,
    )
