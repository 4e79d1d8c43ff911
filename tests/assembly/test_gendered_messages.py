"""The sign-in screen's messages about a member follow her or his gender (issue 22)."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.utils import translation

from assembly import services
from assembly.pdf import letter_pdf, minutes_pdf
from bureau.models import Mandate, Seat
from bureau.titles import Office
from members.models import Person
from tests.pdfcheck import Pdf


def _message(response):
    return [str(m) for m in get_messages(response.wsgi_request)][-1]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "woman", "man"),
    [
        ("fr", "فاطمة est présente.", "أحمد est présent."),
        ("ar", "تم تسجيل حضور فاطمة.", "تم تسجيل حضور أحمد."),
    ],
)
def test_marked_present_in_her_or_his_gender(admin_client, assembly, language, woman, man):
    services.convene(assembly=assembly)
    url = f"/{language}/admin/assembly/assembly/{assembly.pk}/sign-in/"
    fatima = assembly.convocations.get(person__name_ar="فاطمة")
    ahmed = assembly.convocations.get(person__name_ar="أحمد")
    assert _message(admin_client.post(url, {"action": "present", "convocation": fatima.pk})) == woman
    assert _message(admin_client.post(url, {"action": "present", "convocation": ahmed.pk})) == man


@pytest.mark.django_db
def test_represented_in_her_gender(admin_client, assembly):
    services.convene(assembly=assembly)
    url = f"/fr/admin/assembly/assembly/{assembly.pk}/sign-in/"
    fatima = assembly.convocations.get(person__name_ar="فاطمة")
    ahmed = assembly.convocations.get(person__name_ar="أحمد")
    response = admin_client.post(url, {"action": "proxy", "convocation": fatima.pk, "holder": ahmed.pk})
    assert _message(response) == "فاطمة est représentée par أحمد."


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "woman", "man", "neutral"),
    [
        ("fr", "Sera présente", "Sera présent", "Présence confirmée"),
        ("ar", "ستحضر", "سيحضر", "حضور مؤكد"),
    ],
)
def test_the_convocations_list_gives_each_reply_in_the_members_gender(
    admin_client, assembly, language, woman, man, neutral
):
    """The list says "Sera présente" of a woman, never "Sera présent(e)"; the filter, which
    names a category and no one, uses a neutral noun."""
    services.convene(assembly=assembly)
    for name in ("فاطمة", "أحمد"):
        services.will_attend(convocation=assembly.convocations.get(person__name_ar=name))
    html = admin_client.get(f"/{language}/admin/assembly/convocation/").content.decode()
    assert f'<td class="field-reply_label">{woman}</td>' in html
    assert f'<td class="field-reply_label">{man}</td>' in html
    assert neutral in html and "présent(e)" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "present", "represented"),
    [("fr", "Présente", "Représentée par procuration"), ("ar", "حاضرة", "ممثَّلة بتوكيل")],
)
def test_the_sign_in_screen_states_attendance_in_the_members_gender(
    admin_client, assembly, language, present, represented
):
    services.convene(assembly=assembly)
    url = f"/{language}/admin/assembly/assembly/{assembly.pk}/sign-in/"
    fatima = assembly.convocations.get(person__name_ar="فاطمة")
    ahmed = assembly.convocations.get(person__name_ar="أحمد")
    admin_client.post(url, {"action": "present", "convocation": fatima.pk})
    admin_client.post(url, {"action": "present", "convocation": ahmed.pk})
    html = admin_client.get(url, {"q": "فاطمة"}).content.decode()
    assert f"<td>{present}</td>" in html
    admin_client.post(url, {"action": "proxy", "convocation": fatima.pk, "holder": ahmed.pk})
    html = admin_client.get(url, {"q": "فاطمة"}).content.decode()
    assert f"<td>{represented} – <bdi>أحمد</bdi></td>" in html  # the holder's name isolated
    listed = admin_client.get(f"/{language}/admin/assembly/attendance/").content.decode()
    assert represented in listed


@pytest.mark.django_db
def test_the_letters_and_minutes_are_signed_in_the_signatories_gender(assembly):
    """The signature lines name the current bureau's president and secretary-general as they
    are: الرئيسة, La présidente for a woman."""
    fatima = Person.objects.get(name_ar="فاطمة")
    ahmed = Person.objects.get(name_ar="أحمد")
    Mandate.objects.filter(is_current=True).update(is_current=False)
    mandate = Mandate.objects.create(is_current=True, start=datetime.date(2022, 1, 1))
    Seat.objects.create(mandate=mandate, office=Office.PRESIDENT, person=fatima)
    Seat.objects.create(mandate=mandate, office=Office.SECRETARY_GENERAL, person=ahmed)
    services.convene(assembly=assembly)
    convocation = assembly.convocations.get(person=ahmed)
    assert "الرئيسة" in Pdf(letter_pdf(convocation, language="ar")).text
    assert "La présidente" in Pdf(letter_pdf(convocation, language="fr")).text
    minutes = Pdf(minutes_pdf(services.generate_minutes(assembly=assembly), language="fr")).text
    assert "La présidente" in minutes and "Le secrétaire général" in minutes


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "gave", "holds"),
    [
        ("ar", "فاطمة منحت توكيلها ولا يمكنها أن تكون وكيلة.", "أحمد يحمل توكيلات ولا يمكنه منح توكيله."),
        ("fr", "فاطمة a donné sa propre procuration et ne peut pas en détenir.", None),
    ],
)
def test_a_refused_proxy_names_the_member_in_her_or_his_gender(assembly, language, gave, holds):
    services.convene(assembly=assembly)
    fatima, ahmed, khadija = (
        assembly.convocations.get(person__name_ar=n) for n in ("فاطمة", "أحمد", "خديجة")
    )
    services.give_proxy(convocation=fatima, holder=ahmed)
    with translation.override(language):
        with pytest.raises(services.AssemblyError) as refused:
            services.give_proxy(convocation=khadija, holder=fatima)
        assert refused.value.messages == [gave]
        if holds:
            with pytest.raises(services.AssemblyError) as refused:
                services.give_proxy(convocation=ahmed, holder=khadija)
            assert refused.value.messages == [holds]
