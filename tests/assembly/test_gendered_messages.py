"""The sign-in screen's messages about a member follow her or his gender (issue 22)."""

import pytest
from django.contrib.messages import get_messages

from assembly import services


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
