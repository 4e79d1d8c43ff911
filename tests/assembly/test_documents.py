"""Convocation letters and minutes as accessible PDF, like the certificates (issue 22, item 5):
tagged, in the letter's language, titled, and with Arabic that extracts in logical order."""

import pytest

from assembly import services
from assembly.pdf import letter_html, letter_pdf, minutes_pdf
from tests.pdfcheck import assert_accessible

pytestmark = pytest.mark.django_db


def test_convocation_letter_in_arabic_and_french(assembly):
    services.convene(assembly=assembly)
    convocation = assembly.convocations.get(person__name_ar="فاطمة")
    # A key with hyphens (token_urlsafe makes them): the line must not break after one.
    convocation.token = "e-C41rYIHl0uiECX7Uq4016-WV30sCZSGkRCm0YZVko8"
    convocation.save(update_fields=["token"])
    pdf = assert_accessible(
        letter_pdf(convocation, language="ar", base_url="https://example.org/"),
        language="ar",
        title="الاستدعاء — فاطمة",
        fonts={"Amiri", "Amiri-Bold"},
        phrases=["المصادقة على التقرير الأدبي", "تجديد المكتب"],
    )
    # The personal link, on a line of its own, copies as typed.
    assert f"https://example.org/ar/assembly/c/{convocation.token}/" in pdf.text
    assert_accessible(
        letter_pdf(convocation, language="fr"),
        language="fr",
        title="Convocation",
        fonts={"Noto-Sans"},
        phrases=["Assemblée générale"],
    )


def test_the_letters_names_and_place_are_isolated(assembly):
    """Mixed text in the letter is isolated: the greeting's name, the addressee and her council,
    the place and the agenda, in <bdi>, so an Arabic name in the French letter (and a Latin one
    in the Arabic) neither moves nor carries the punctuation around it."""
    services.convene(assembly=assembly)
    convocation = assembly.convocations.get(person__name_ar="فاطمة")
    arabic = letter_html(convocation, language="ar")
    assert "السيدة <bdi>فاطمة</bdi> المحترمة،" in arabic
    assert "<p><bdi>فاطمة</bdi><br><bdi>" in arabic
    assert "في <bdi>مقر الجمعية، الرباط</bdi>" in arabic
    french = letter_html(convocation, language="fr")
    assert "Madame <bdi>فاطمة</bdi>," in french
    assert "<li><bdi>المصادقة على التقرير الأدبي</bdi></li>" in french
    # The French PDF sets the Arabic name in its own font and extracts it whole, in its place.
    assert_accessible(
        letter_pdf(convocation, language="fr"),
        language="fr",
        title="Convocation",
        fonts={"Noto-Sans", "Amiri"},
        phrases=["Madame فاطمة", "Ordre du jour"],
    )


def test_minutes_in_arabic(assembly):
    minutes = services.generate_minutes(assembly=assembly)
    assert_accessible(
        minutes_pdf(minutes, language="ar"),
        language="ar",
        title="محضر الجمع العام — الجمع العام العادي",
        fonts={"Amiri"},
        phrases=["محضر الجمع العام", "المصادقة على التقرير المالي"],
    )
