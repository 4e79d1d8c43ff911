"""The public catalogue, one-click registration, a member's registrations and certificates."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events.models import Event
from tests.pdfcheck import Pdf
from tests.training.factories import (
    EventFactory,
    PersonFactory,
    ProgrammeFactory,
    RegistrationFactory,
    SessionFactory,
    a_council,
    member,
)
from tests.urlwalk import sitemap_text
from training.models import Registration
from training.pdf import certificate_pdf
from training.services import send_reminder_email

pytestmark = pytest.mark.django_db
Status = Registration.Status


def _messages(response):
    """The messages this response left (earlier ones, not shown since, come first)."""
    return [str(m) for m in get_messages(response.wsgi_request)][-1:]


def test_catalogue_shows_the_years_programme_with_topics_and_seats_left(client):
    session = SessionFactory(capacity=18)
    RegistrationFactory.create_batch(3, session=session)
    RegistrationFactory(session=session, status=Status.CANCELLED)
    response = client.get(reverse("training:catalogue"))
    html = response.content.decode()
    assert response.status_code == 200
    assert session.programme.title_ar in html
    for topic in session.topic_list:
        assert topic.name_ar in html
    assert "يتبقى 15 مقعدا" in html
    assert reverse("training:session", args=[session.pk]) in html
    # Not signed in: a link to sign in, no registration form.
    assert reverse("members:login") in html
    assert reverse("training:register", args=[session.pk]) not in html


def test_catalogue_in_french_and_by_year(client):
    this_year = SessionFactory()
    old = SessionFactory(
        event=EventFactory(start_date=datetime.date(2022, 3, 17)),
        programme=ProgrammeFactory(year=2022, title_fr="Programme 2022"),
    )
    response = client.get(reverse("training:programme", args=[2022]).replace("/ar/", "/fr/"))
    html = response.content.decode()
    assert "Programme 2022" in html and "17 mars 2022" in html
    # A past session shows its attendance (here only the planned number), never seats left.
    assert "18 participants prévus ; la participation effective n'est pas enregistrée." in html
    assert "places restantes" not in html
    assert this_year.get_absolute_url() not in html
    assert old.get_absolute_url().replace("/ar/", "/fr/") in html
    assert client.get(reverse("training:programme", args=[1999])).status_code == 404


def test_private_and_unpublished_sessions_stay_hidden(client):
    hidden = SessionFactory(event=EventFactory(visibility=Event.Visibility.MEMBERS))
    draft = SessionFactory(programme=ProgrammeFactory(year=2030, published=False))
    html = client.get(reverse("training:catalogue")).content.decode()
    assert hidden.get_absolute_url() not in html
    assert client.get(draft.get_absolute_url()).status_code == 404


def _catalogue_queries(client):
    with CaptureQueriesContext(connection) as context:
        response = client.get(reverse("training:catalogue"))
    assert response.status_code == 200
    return len(context.captured_queries)


def test_catalogue_query_count_does_not_grow_with_sessions(client, django_user_model):
    user = member(django_user_model)
    client.force_login(user)
    person = user.person
    SessionFactory()
    _catalogue_queries(client)  # warms the caches (association profile, navigation)
    small = _catalogue_queries(client)
    for _ in range(6):
        session = SessionFactory()
        RegistrationFactory.create_batch(2, session=session)
        RegistrationFactory(session=session, person=person)
    SessionFactory(programme=ProgrammeFactory(audience="staff"))
    large = _catalogue_queries(client)
    assert small == large


def test_session_detail_query_count_is_small(client):
    session = SessionFactory()
    RegistrationFactory.create_batch(5, session=session)
    with CaptureQueriesContext(connection) as context:
        assert client.get(session.get_absolute_url()).status_code == 200
    assert len(context.captured_queries) <= 12


def test_member_registers_in_one_click_then_joins_the_waiting_list(client, django_user_model):
    session = SessionFactory(capacity=1)
    first, second = member(django_user_model), member(django_user_model, language="fr")
    client.force_login(first)
    page = client.get(session.get_absolute_url()).content.decode()
    assert reverse("training:register", args=[session.pk]) in page
    response = client.post(reverse("training:register", args=[session.pk]))
    assert response.status_code == 302
    assert _messages(response) == ["أنت مسجل في هذه الدورة."]
    client.force_login(second)
    page = client.get(session.get_absolute_url()).content.decode()
    assert "الانضمام إلى لائحة الانتظار" in page
    response = client.post(reverse("training:register", args=[session.pk]))
    assert "لائحة الانتظار" in _messages(response)[0]
    assert list(session.registrations.values_list("status", flat=True).order_by("created_at")) == [
        Status.REGISTERED,
        Status.WAITING,
    ]
    # Registering again is refused with a sentence, and nothing changes.
    response = client.post(reverse("training:register", args=[session.pk]))
    assert _messages(response) == ["أنت مسجل من قبل في هذه الدورة."]
    assert session.registrations.count() == 2


def test_register_needs_a_post_a_login_and_a_membership(client, django_user_model):
    session = SessionFactory()
    url = reverse("training:register", args=[session.pk])
    assert client.post(url)["Location"].startswith(reverse("members:login"))
    outsider = django_user_model.objects.create_user("outsider", "o@example.org", "a-long-test-password")
    client.force_login(outsider)
    assert client.get(url).status_code == 405
    response = client.post(url)
    assert _messages(response) == ["التسجيل في الدورات التكوينية مخصص لأعضاء الجمعية فقط."]
    assert not session.registrations.exists()


def test_past_and_closed_sessions_refuse_with_a_clear_message(client, django_user_model):
    client.force_login(member(django_user_model))
    past = SessionFactory(event=EventFactory(start_date=timezone.localdate() - datetime.timedelta(days=2)))
    closed = SessionFactory(registration_closes_at=timezone.now() - datetime.timedelta(hours=2))
    page = client.get(past.get_absolute_url()).content.decode()
    assert "لقد انعقدت هذه الدورة من قبل." in page
    assert reverse("training:register", args=[past.pk]) not in page
    response = client.post(reverse("training:register", args=[past.pk]))
    assert _messages(response) == ["لقد انعقدت هذه الدورة من قبل."]
    response = client.post(reverse("training:register", args=[closed.pk]).replace("/ar/", "/fr/"))
    assert _messages(response)[0].startswith("Les inscriptions à cette session ont été closes le")
    assert not Registration.objects.exists()


def test_my_registrations_and_cancel_promotes_the_first_waiting(
    client, django_user_model, mailoutbox, django_capture_on_commit_callbacks
):
    session = SessionFactory(capacity=1)
    user = member(django_user_model)
    client.force_login(user)
    client.post(reverse("training:register", args=[session.pk]))
    waiting_fr = Registration.objects.create(
        session=session, person=PersonFactory(preferred_language="fr"), status=Status.WAITING
    )
    mine = client.get(reverse("training:mine"))
    html = mine.content.decode()
    assert session.event.title_ar in html and "مسجل" in html
    registration = Registration.objects.get(session=session, person__user=user)
    assert reverse("training:cancel", args=[registration.pk]) in html
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("training:cancel", args=[registration.pk]))
    assert _messages(response) == ["تم إلغاء تسجيلكم. يمكنكم التراجع عن ذلك أدناه خلال 30 دقيقة."]
    registration.refresh_from_db()
    waiting_fr.refresh_from_db()
    assert registration.status == Status.CANCELLED
    assert waiting_fr.status == Status.REGISTERED
    assert len(mailoutbox) == 1 and mailoutbox[0].subject.startswith("Une place est libre pour vous")
    assert "ملغى" in client.get(reverse("training:mine")).content.decode()


def test_nobody_cancels_someone_elses_registration(client, django_user_model):
    other = RegistrationFactory()
    client.force_login(member(django_user_model))
    assert client.post(reverse("training:cancel", args=[other.pk])).status_code == 404
    other.refresh_from_db()
    assert other.status == Status.REGISTERED


def test_my_registrations_needs_a_login(client):
    assert client.get(reverse("training:mine")).status_code == 302


@pytest.fixture
def attended(django_user_model):
    user = member(django_user_model)
    session = SessionFactory(event=EventFactory(start_date=timezone.localdate() - datetime.timedelta(days=5)))
    registration = RegistrationFactory(session=session, person=user.person, status=Status.ATTENDED)
    return user, registration


def test_certificate_for_the_member_who_attended_in_arabic_and_french(client, attended):
    user, registration = attended
    client.force_login(user)
    url = reverse("training:certificate", args=[registration.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "-ar.pdf" in response["Content-Disposition"]
    french = client.get(url + "?lang=fr")
    assert french.status_code == 200 and "-fr.pdf" in french["Content-Disposition"]
    assert client.get(url + "?lang=xx").status_code == 404
    assert f"{url}?lang=fr" in client.get(reverse("training:mine")).content.decode()


def test_certificate_refused_to_others_and_for_registrations_not_attended(
    client, attended, django_user_model
):
    _user, registration = attended
    url = reverse("training:certificate", args=[registration.pk])
    assert client.get(url).status_code == 302  # anonymous: sign in first
    client.force_login(member(django_user_model))
    assert client.get(url).status_code == 404
    absent = RegistrationFactory(session=SessionFactory(), person=_user.person, status=Status.ABSENT)
    absent_url = reverse("training:certificate", args=[absent.pk])
    client.force_login(_user)
    assert client.get(absent_url).status_code == 404


def test_secretariat_downloads_any_certificate(admin_client, attended):
    _user, registration = attended
    response = admin_client.get(reverse("training:certificate", args=[registration.pk]))
    assert response.status_code == 200


def test_sitemap_lists_the_public_catalogue(client):
    session = SessionFactory()
    hidden = SessionFactory(event=EventFactory(visibility=Event.Visibility.MEMBERS))
    xml = sitemap_text(client)
    assert session.get_absolute_url() in xml
    assert reverse("training:programme", args=[session.programme.year]) in xml
    assert hidden.get_absolute_url() not in xml


def test_certificate_carries_the_association_logo_and_the_members_council(attended, tmp_path):
    from io import BytesIO

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from association.models import AssociationProfile
    from training.pdf import certificate_pdf

    _user, registration = attended
    without_logo = certificate_pdf(registration, language="ar")
    assert b"/Subtype /Image" not in without_logo
    assert registration.participant_council.pk == _user.person.seats.get().council_id
    buffer = BytesIO()
    Image.new("RGB", (60, 60), "#0b5d3b").save(buffer, "PNG")
    profile = AssociationProfile.get_solo()
    profile.logo = SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")
    profile.save()
    assert b"/Subtype /Image" in certificate_pdf(registration, language="ar")


@pytest.fixture
def representative(django_user_model):
    """A council president whose council is the member: they register the council's staff."""
    from members.models import Membership

    person = PersonFactory()
    user = django_user_model.objects.create_user("president", person.email, "a-long-test-password")
    person.user = user
    person.save()
    Membership.objects.create(
        holder=Membership.Holder.COUNCIL, council=a_council(), person=person, status=Membership.Status.ACTIVE
    )
    return user


def test_council_registers_its_staff_for_a_staff_session(client, representative):
    session = SessionFactory(capacity=1, programme=ProgrammeFactory(audience="staff"), audience="staff")
    client.force_login(representative)
    page = client.get(session.get_absolute_url()).content.decode()
    assert "تسجيل أحد أطر مجلسكم" in page
    assert reverse("training:register", args=[session.pk]) not in page
    url = reverse("training:register-staff", args=[session.pk])
    data = {
        "participant_name": "  سعاد   العلمي ",
        "gender": "f",
        "council": a_council().pk,
        "email": "",
        "language": "ar",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    assert _messages(response) == ["سعاد العلمي مسجلة في هذه الدورة."]
    response = client.post(url, {**data, "participant_name": "كريم بناني", "gender": "m", "language": "fr"})
    assert _messages(response) == ["الدورة مكتملة: سُجّل كريم بناني في لائحة الانتظار."]
    staff = list(session.registrations.order_by("created_at"))
    assert [
        (r.participant_name, r.participant_gender, r.council, r.status, r.registered_by) for r in staff
    ] == [
        ("سعاد العلمي", "f", a_council(), Status.REGISTERED, representative),
        ("كريم بناني", "m", a_council(), Status.WAITING, representative),
    ]
    # They appear on the representative's registrations page and can be cancelled from there.
    mine = client.get(reverse("training:mine")).content.decode()
    assert "سعاد العلمي" in mine and "كريم بناني" in mine
    client.post(reverse("training:cancel", args=[staff[0].pk]))
    staff[1].refresh_from_db()
    assert staff[1].status == Status.REGISTERED


def test_staff_form_refuses_bad_input_and_keeps_it(client, representative):
    session = SessionFactory(programme=ProgrammeFactory(audience="staff"), audience="staff")
    client.force_login(representative)
    url = reverse("training:register-staff", args=[session.pk])
    response = client.post(
        url, {"participant_name": "   ", "council": a_council().pk, "email": "x@", "language": "ar"}
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "هذا الحقل مطلوب" in html or "المرجو إدخال الاسم الكامل للإطار." in html
    assert 'value="x@"' in html
    # Without the staff member's gender the messages could not address them: asked for, kept.
    response = client.post(
        url, {"participant_name": "سعاد العلمي", "council": a_council().pk, "email": "", "language": "ar"}
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "حدّدوا جنس الإطار." in html and 'value="سعاد العلمي"' in html
    assert not session.registrations.exists()


def test_only_a_councils_representative_registers_staff(client, django_user_model):
    session = SessionFactory(programme=ProgrammeFactory(audience="staff"), audience="staff")
    client.force_login(member(django_user_model))
    page = client.get(session.get_absolute_url()).content.decode()
    assert "هذه الدورة مخصصة لأطر المجالس: يسجلهم مجلسهم." in page
    response = client.post(
        reverse("training:register-staff", args=[session.pk]),
        {"participant_name": "سعاد العلمي", "gender": "f", "council": a_council().pk, "language": "ar"},
    )
    assert _messages(response) == ["لا يمكن تسجيل أطر مجلس إلا من طرف ممثله."]
    response = client.post(reverse("training:register", args=[session.pk]))
    assert _messages(response) == ["هذه الدورة مخصصة لأطر المجالس: يسجلهم مجلسهم."]
    assert not session.registrations.exists()


@pytest.mark.parametrize(
    ("language", "gender", "registered", "waiting"),
    [
        (
            "fr",
            "f",
            "Souad El Alami est inscrite à cette session.",
            "Souad El Alami est inscrite sur la liste",
        ),
        ("fr", "m", "Souad El Alami est inscrit à cette session.", "Souad El Alami est inscrit sur la liste"),
        ("ar", "f", "Souad El Alami مسجلة في هذه الدورة.", "سُجّلت Souad El Alami في لائحة الانتظار"),
        ("ar", "m", "Souad El Alami مسجل في هذه الدورة.", "سُجّل Souad El Alami في لائحة الانتظار"),
    ],
)
def test_staff_registration_messages_agree_with_the_staff_members_gender(
    client, representative, language, gender, registered, waiting
):
    """The representative is told about the person registered, in that person's gender."""
    session = SessionFactory(capacity=1, programme=ProgrammeFactory(audience="staff"), audience="staff")
    client.force_login(representative)
    url = reverse("training:register-staff", args=[session.pk]).replace("/ar/", f"/{language}/")
    data = {
        "participant_name": "Souad El Alami",
        "gender": gender,
        "council": a_council().pk,
        "language": "fr",
    }
    assert _messages(client.post(url, data)) == [registered]
    assert waiting in _messages(client.post(url, data))[0]
    page = client.get(session.get_absolute_url().replace("/ar/", f"/{language}/")).content.decode()
    status = {("fr", "f"): "Inscrite", ("fr", "m"): "Inscrit", ("ar", "f"): "مسجلة", ("ar", "m"): "مسجل"}
    assert (
        f"<bdi>Souad El Alami</bdi> · <bdi>{a_council().name}</bdi> · {status[language, gender]}</li>" in page
    )


def test_a_staff_womans_reminder_and_certificate_speak_to_her(client, representative):
    session = SessionFactory(programme=ProgrammeFactory(audience="staff"), audience="staff")
    client.force_login(representative)
    url = reverse("training:register-staff", args=[session.pk])
    data = {
        "participant_name": "سعاد العلمي",
        "gender": "f",
        "council": a_council().pk,
        "email": "souad@example.org",
        "language": "ar",
    }
    client.post(url, data)
    registration = session.registrations.get()
    send_reminder_email(registration)
    body = mail.outbox[-1].body
    assert body.splitlines()[0] == "السيدة سعاد العلمي المحترمة،"
    assert "بأنكِ مسجلة" in body
    registration.status = Status.ATTENDED
    registration.save()
    assert "قد حضرت الدورة التكوينية" in Pdf(certificate_pdf(registration, language="ar")).text


def test_representative_downloads_the_certificate_of_the_staff_they_registered(
    client, representative, django_user_model
):
    session = SessionFactory(event=EventFactory(start_date=timezone.localdate() - datetime.timedelta(days=3)))
    staff = Registration.objects.create(
        session=session,
        participant_name="سعاد العلمي",
        council=a_council(),
        registered_by=representative,
        status=Status.ATTENDED,
    )
    url = reverse("training:certificate", args=[staff.pk])
    client.force_login(representative)
    assert client.get(url).status_code == 200
    assert url in client.get(reverse("training:mine")).content.decode()
    client.force_login(member(django_user_model))
    assert client.get(url).status_code == 404


def test_session_page_says_when_registration_closes(client):
    from django.utils import formats

    session = SessionFactory()
    html = client.get(session.get_absolute_url()).content.decode()
    assert "إغلاق التسجيل" in html
    assert formats.date_format(timezone.localtime(session.deadline), "DATETIME_FORMAT") in html
    past = SessionFactory(event=EventFactory(start_date=timezone.localdate() - datetime.timedelta(days=1)))
    assert "إغلاق التسجيل" not in client.get(past.get_absolute_url()).content.decode()


def test_my_registrations_query_count_does_not_grow(client, django_user_model):
    user = member(django_user_model)
    client.force_login(user)
    RegistrationFactory(person=user.person)

    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get(reverse("training:mine")).status_code == 200
        return len(context.captured_queries)

    queries()  # warms the caches
    small = queries()
    for status in (Status.REGISTERED, Status.WAITING, Status.ATTENDED, Status.CANCELLED, Status.ABSENT):
        RegistrationFactory(person=user.person, status=status)
    assert queries() == small
