"""Convocation letters and minutes as accessible PDF, like the certificates (issue 22, item 5):
tagged, in the letter's language, titled, and with Arabic that extracts in logical order."""

import pytest

from assembly import services
from assembly.pdf import letter_pdf, minutes_pdf
from tests.pdfcheck import assert_accessible

pytestmark = pytest.mark.django_db


def test_convocation_letter_in_arabic_and_french(assembly):
    services.convene(assembly=assembly)
    convocation = assembly.convocations.get(person__name_ar="فاطمة")
    pdf = assert_accessible(
        letter_pdf(convocation, language="ar", base_url="https://example.org/"),
        language="ar",
        title="الاستدعاء — فاطمة",
        fonts={"Amiri", "Amiri-Bold"},
        phrases=["المصادقة على التقرير الأدبي", "تجديد المكتب"],
    )
    # The personal link, isolated from the Arabic around it, copies as typed (it may wrap).
    assert "https://example.org/ar/assembly/c/" in pdf.text
    assert convocation.token in pdf.text
    assert_accessible(
        letter_pdf(convocation, language="fr"),
        language="fr",
        title="Convocation",
        fonts={"Noto-Sans"},
        phrases=["Assemblée générale"],
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
