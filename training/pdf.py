"""Training's PDF documents: certificates of attendance and sign-in sheets, laid out by the
shared :func:`portal.pdf.render_pdf` (WeasyPrint, tagged PDF/UA with Amiri and Noto Sans)."""

from portal.pdf import render_pdf
from training.exports import attach_councils


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
