"""Certificates and sign-in sheets as documents people can read, copy, search and hear: tagged
PDF/UA with the document's language and title, Amiri and Noto Sans embedded under their names,
and Arabic that extracts as the same letters in the same order (issue 22, item 5)."""

import datetime

import pytest
from django.utils import timezone

from tests.pdfcheck import assert_accessible
from tests.training.factories import EventFactory, RegistrationFactory, SessionFactory, TopicFactory, member
from training.exports import session_registrations
from training.models import Registration
from training.pdf import certificate_pdf, sign_in_sheet_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def registration(django_user_model):
    person = member(django_user_model).person
    person.name_ar, person.name_fr, person.gender = "فاطمة الزهراء بنعلي", "Fatima Zahra Benali", "f"
    person.save()
    session = SessionFactory(
        event=EventFactory(start_date=timezone.localdate() - datetime.timedelta(days=5)),
        topics=[TopicFactory(name_ar="الديمقراطية التشاركية", name_fr="La démocratie participative")],
    )
    return RegistrationFactory(session=session, person=person, status=Registration.Status.ATTENDED)


def test_arabic_certificate_is_tagged_and_its_arabic_text_extracts_in_logical_order(registration):
    pdf = assert_accessible(
        certificate_pdf(registration, language="ar"),
        language="ar",
        title="شهادة حضور — فاطمة الزهراء بنعلي",
        fonts={"Amiri", "Amiri-Bold"},
        phrases=["شهادة حضور", "فاطمة الزهراء بنعلي", "المجلس الإقليمي لخريبكة", "الديمقراطية التشاركية"],
    )
    # The name is a line of its own, letter for letter (no dotless bodies, no lost dots).
    assert "فاطمة الزهراء بنعلي" in pdf.lines
    assert "/L" in pdf.structure  # the topics are a list for screen readers


def test_french_certificate_is_tagged_in_french_with_noto_sans(registration):
    assert_accessible(
        certificate_pdf(registration, language="fr"),
        language="fr",
        title="Attestation de présence — Fatima Zahra Benali",
        fonts={"Noto-Sans", "Noto-Sans-Bold"},
        phrases=["Fatima Zahra Benali", "Conseil provincial de Khouribga", "La démocratie participative"],
    )


def test_sign_in_sheet_is_tagged_with_its_table(registration):
    session = registration.session
    pdf = assert_accessible(
        sign_in_sheet_pdf(session, session_registrations(session), language="ar"),
        language="ar",
        title="ورقة التوقيع — التكوين المستمر لمنتخبي مجالس العمالات والأقاليم",
        fonts={"Amiri"},
        phrases=["ورقة التوقيع", "فاطمة الزهراء بنعلي", "المجلس الإقليمي لخريبكة"],
    )
    assert {"/Table", "/TH", "/TD"} <= set(pdf.structure)
