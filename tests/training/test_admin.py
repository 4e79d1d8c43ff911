"""The secretariat's tools: registrations per session, on someone's behalf, attendance, exports."""

import datetime
from io import BytesIO

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tests.training.factories import (
    EventFactory,
    PersonFactory,
    RegistrationFactory,
    SessionFactory,
    a_council,
    member,
)
from training.models import Registration

pytestmark = pytest.mark.django_db
Status = Registration.Status


def test_session_pages_list_registrations_per_session(admin_client):
    session = SessionFactory(capacity=2)
    first, second, third = (RegistrationFactory(session=session) for _ in range(3))
    third.status = Status.WAITING
    third.save()
    listing = admin_client.get(reverse("admin:training_trainingsession_changelist")).content.decode()
    assert reverse("admin:training_register_on_behalf", args=[session.pk]) in listing
    assert f"{reverse('admin:training_registration_changelist')}?session__id__exact={session.pk}" in listing
    change = admin_client.get(reverse("admin:training_trainingsession_change", args=[session.pk]))
    html = change.content.decode()
    assert change.status_code == 200
    for registration in (first, second, third):
        assert registration.person.name_ar in html
    filtered = admin_client.get(
        reverse("admin:training_registration_changelist"), {"session__id__exact": session.pk}
    )
    assert filtered.status_code == 200 and second.person.name_ar in filtered.content.decode()


def test_register_a_member_on_their_behalf(admin_client, superuser):
    session = SessionFactory(capacity=1)
    person = PersonFactory()
    url = reverse("admin:training_register_on_behalf", args=[session.pk])
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(url, {"person": person.pk, "language": "ar"})
    assert response.status_code == 302
    registration = Registration.objects.get(session=session, person=person)
    assert registration.status == Status.REGISTERED and registration.registered_by == superuser
    # A council's staff member, by name: the session is full, they wait.
    response = admin_client.post(
        url, {"participant_name": "سعاد العلمي", "council": a_council().pk, "language": "fr"}
    )
    assert "حدّدوا جنس الإطار." in response.content.decode()  # the gender the messages follow
    response = admin_client.post(
        url,
        {
            "participant_name": "سعاد العلمي",
            "participant_gender": "f",
            "council": a_council().pk,
            "language": "fr",
        },
    )
    staff = Registration.objects.get(session=session, participant_name="سعاد العلمي")
    assert staff.status == Status.WAITING and staff.language == "fr" and staff.participant_gender == "f"


def test_register_on_behalf_refuses_bad_input_and_keeps_it(admin_client):
    session = SessionFactory()
    url = reverse("admin:training_register_on_behalf", args=[session.pk])
    response = admin_client.post(url, {"participant_name": "سعاد العلمي", "language": "ar"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "المرجو اختيار عضو، أو إدخال اسم المشارك ومجلسه." in html
    assert 'value="سعاد العلمي"' in html
    person = PersonFactory()
    admin_client.post(url, {"person": person.pk, "language": "ar"})
    again = admin_client.post(url, {"person": person.pk, "language": "ar"})
    # The secretariat is told about the member, not addressed as if it were them.
    assert f"{person.name_ar} مسجل من قبل في هذه الدورة." in again.content.decode()
    past = SessionFactory(event=EventFactory(start_date=timezone.localdate() - datetime.timedelta(days=1)))
    refused = admin_client.post(
        reverse("admin:training_register_on_behalf", args=[past.pk]), {"person": person.pk, "language": "ar"}
    )
    assert "لقد انعقدت هذه الدورة من قبل." in refused.content.decode()
    assert Registration.objects.count() == 1


def test_register_on_behalf_needs_the_permission(client, django_user_model):
    session = SessionFactory()
    clerk = django_user_model.objects.create_user(
        "clerk", "c@example.org", "a-long-test-password", is_staff=True
    )
    client.force_login(clerk)
    assert client.get(reverse("admin:training_register_on_behalf", args=[session.pk])).status_code == 403


def test_mark_attendance_in_bulk(admin_client):
    session = SessionFactory(capacity=3)
    came = [RegistrationFactory(session=session) for _ in range(2)]
    missed = RegistrationFactory(session=session)
    waiting = RegistrationFactory(session=session, status=Status.WAITING)
    url = reverse("admin:training_registration_changelist")
    response = admin_client.post(
        url, {"action": "mark_attended", "_selected_action": [r.pk for r in [*came, waiting]]}
    )
    assert response.status_code == 302
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["تم تسجيل الحضور لتسجيلين."]
    admin_client.post(url, {"action": "mark_absent", "_selected_action": [missed.pk]})
    statuses = dict(Registration.objects.values_list("pk", "status"))
    assert [statuses[r.pk] for r in came] == [Status.ATTENDED, Status.ATTENDED]
    assert statuses[missed.pk] == Status.ABSENT
    assert statuses[waiting.pk] == Status.WAITING
    assert Registration.objects.get(pk=came[0].pk).attendance_marked_at is not None


def test_cancel_from_the_admin_promotes_the_waiting_list(admin_client, django_capture_on_commit_callbacks):
    session = SessionFactory(capacity=1)
    seat = RegistrationFactory(session=session)
    waiting = RegistrationFactory(session=session, status=Status.WAITING)
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("admin:training_registration_changelist"),
            {"action": "cancel_registrations", "_selected_action": [seat.pk]},
        )
    waiting.refresh_from_db()
    assert waiting.status == Status.REGISTERED


def test_attendance_export_xlsx_has_names_and_councils_but_no_contact_details(
    admin_client, django_user_model
):
    session = SessionFactory()
    user = member(django_user_model)
    RegistrationFactory(session=session, person=user.person, status=Status.ATTENDED)
    Registration.objects.create(
        session=session, participant_name="سعاد العلمي", council=a_council(), email="souad@example.org"
    )
    RegistrationFactory(session=session, status=Status.CANCELLED)
    response = admin_client.post(
        reverse("admin:training_trainingsession_changelist"),
        {"action": "export_attendance", "_selected_action": [session.pk]},
    )
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(BytesIO(response.content)).active
    rows = [[c for c in row] for row in sheet.iter_rows(values_only=True)]
    assert sheet.sheet_view.rightToLeft
    assert rows[3] == ["الرقم", "الاسم", "المجلس", "الحالة"]
    body = rows[4:]
    assert [r[1] for r in body] == [user.person.name_ar, "سعاد العلمي"]
    council = a_council()
    assert body[0][2] == council.name and body[1][2] == council.name
    assert [r[3] for r in body] == ["حاضر", "مسجل"]
    flat = " ".join(str(c) for row in rows for c in row if c)
    assert "@" not in flat


def test_sign_in_sheet_pdf_for_one_session(admin_client):
    session = SessionFactory()
    RegistrationFactory.create_batch(3, session=session)
    url = reverse("admin:training_trainingsession_changelist")
    response = admin_client.post(url, {"action": "print_sign_in_sheet", "_selected_action": [session.pk]})
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    two = admin_client.post(
        url, {"action": "print_sign_in_sheet", "_selected_action": [session.pk, SessionFactory().pk]}
    )
    assert two.status_code == 302
    assert [str(m) for m in get_messages(two.wsgi_request)] == ["المرجو اختيار دورة واحدة فقط."]


def test_dashboard_shows_attendance_per_session_and_region(admin_client):
    session = SessionFactory(event=EventFactory(start_date=timezone.localdate() - datetime.timedelta(days=3)))
    for status in (Status.ATTENDED, Status.ATTENDED, Status.ATTENDED, Status.ABSENT):
        Registration.objects.create(
            session=session, participant_name="إطار", council=a_council(), status=status
        )
    response = admin_client.get(reverse("admin:training_dashboard"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "75%" in html
    assert a_council().area_region.name in html


@pytest.mark.parametrize("model", ["trainingsession", "registration"])
def test_admin_lists_keep_a_constant_query_count(admin_client, model):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse(f"admin:training_{model}_changelist")

    def queries():
        with CaptureQueriesContext(connection) as context:
            assert admin_client.get(url).status_code == 200
        return len(context.captured_queries)

    RegistrationFactory()
    queries()  # warms the caches
    small = queries()
    for _ in range(4):
        RegistrationFactory.create_batch(2, session=SessionFactory())
    assert queries() == small
