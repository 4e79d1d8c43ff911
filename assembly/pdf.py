"""The convocation letter and the minutes as PDF, in Arabic or French (WeasyPrint, shaped
Arabic with the embedded Amiri: ``portal.pdf.render_pdf``)."""

from django.utils import translation

from assembly.selectors import signatories
from portal.pdf import html_to_pdf, render_html, render_pdf


def letter_html(convocation, *, language, base_url=""):
    """The letter's HTML in ``language``: what :func:`letter_pdf` lays out."""
    assembly = convocation.assembly
    rules = assembly.rule
    with translation.override(language):
        url = base_url.rstrip("/") + convocation.get_absolute_url()
    return render_html(
        "assembly/pdf/letter.html",
        {
            "convocation": convocation,
            "assembly": assembly,
            "items": assembly.items.all(),
            "proxies_allowed": rules.proxies_allowed,
            "max_proxies": rules.max_proxies,
            "url": url,
            "signatories": signatories(),
        },
        language=language,
    )


def letter_pdf(convocation, *, language, base_url=""):
    return html_to_pdf(letter_html(convocation, language=language, base_url=base_url))


def minutes_pdf(minutes, *, language):
    text = getattr(minutes, f"text_{language}", "") or minutes.text_ar or minutes.text
    return render_pdf(
        "assembly/pdf/minutes.html",
        {"minutes": minutes, "assembly": minutes.assembly, "text": text, "signatories": signatories()},
        language=language,
    )
