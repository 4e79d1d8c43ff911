"""Issue 22's training journeys: register from the event page, cancel with a confirmation and
undo, the waiting-list position, session titles on the cards, messages worded for the member."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from events.models import Event, EventKind
from members.models import Person
from tests.training.factories import PersonFactory, RegistrationFactory, SessionFactory, member
from training import services
from training.models import UNDO_WINDOW, Registration

pytestmark = pytest.mark.django_db
Status = Registration.Status


def _messages(response):
    return [str(m) for m in get_messages(response.wsgi_request)][-1:]


def _woman(django_user_model, language="ar"):
    user = member(django_user_model, language=language)
    Person.objects.filter(user=user).update(gender=Person.Gender.FEMALE)
    user.person.refresh_from_db()
    return user


# Register from the event page --------------------------------------------------------------------


def test_event_page_of_a_session_registers_and_comes_back(client, django_user_model):
    session = SessionFactory(capacity=5)
    event_url = session.event.get_absolute_url()
    anonymous = client.get(event_url).content.decode()
    assert "التسجيل في هذه الدورة التكوينية" in anonymous
    assert f"{reverse('members:login')}?next={event_url}" in anonymous.replace("%2F", "/")

    client.force_login(member(django_user_model))
    page = client.get(event_url).content.decode()
    assert reverse("training:register", args=[session.pk]) in page
    assert f'name="next" value="{event_url}"' in page
    assert "تتبقى 5 مقاعد من أصل 5" in page
    response = client.post(reverse("training:register", args=[session.pk]), {"next": event_url})
    assert response.status_code == 302 and response["Location"] == event_url
    assert _messages(response) == ["أنت مسجل في هذه الدورة."]
    page = client.get(event_url).content.decode()
    assert "أنت مسجل." in page and reverse("training:register", args=[session.pk]) not in page
    assert session.registrations.get().status == Status.REGISTERED


def test_register_never_sends_back_to_another_site(client, django_user_model):
    session = SessionFactory()
    client.force_login(member(django_user_model))
    response = client.post(reverse("training:register", args=[session.pk]), {"next": "https://evil.example/"})
    assert response["Location"] == session.get_absolute_url()


def test_an_event_that_is_no_training_session_has_no_registration_block(client):
    event = Event.objects.create(
        kind=EventKind.objects.get(slug="training"),
        title_ar="ندوة",
        start_date=timezone.localdate() + datetime.timedelta(days=3),
        visibility=Event.Visibility.PUBLIC,
    )
    assert "التسجيل في هذه الدورة التكوينية" not in client.get(event.get_absolute_url()).content.decode()


def test_event_page_query_count_is_pinned(client, django_user_model, django_assert_max_num_queries):
    session = SessionFactory()
    RegistrationFactory.create_batch(3, session=session)
    url = session.event.get_absolute_url()
    client.get(url)  # warms the per-process caches
    # +4: the participants, the assembly's minutes hook and the menu's two content checks (issue 20)
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200
    client.force_login(member(django_user_model))
    client.get(url)
    with django_assert_max_num_queries(16):  # the same four more as above
        assert client.get(url).status_code == 200


# Cards ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("language", "title"), [("ar", "title_ar"), ("fr", "title_fr")])
def test_catalogue_cards_carry_the_sessions_title(client, language, title):
    session = SessionFactory()
    html = client.get(f"/{language}/training/").content.decode()
    card = html[html.index(f'id="session-{session.pk}"') :][:400]
    assert getattr(session.event, title) in card


# Cancel: confirmation, then undo --------------------------------------------------------------------


def test_cancel_asks_first_then_can_be_undone(client, django_user_model):
    session = SessionFactory(capacity=3)
    user = member(django_user_model)
    client.force_login(user)
    registration = services.registration_create(session=session, person=user.person)
    url = reverse("training:cancel", args=[registration.pk])

    confirm = client.get(url)
    assert confirm.status_code == 200
    html = confirm.content.decode()
    assert "إلغاء التسجيل؟" in html and 'method="post"' in html and session.event.title_ar in html
    registration.refresh_from_db()
    assert registration.status == Status.REGISTERED  # a GET changes nothing

    response = client.post(url)
    assert response["Location"] == f"{reverse('training:mine')}#registration-{registration.pk}"
    assert _messages(response) == ["تم إلغاء تسجيلكم. يمكنكم التراجع عن ذلك أدناه خلال 30 دقيقة."]
    registration.refresh_from_db()
    assert registration.status == Status.CANCELLED and registration.status_before_cancel == Status.REGISTERED
    mine = client.get(reverse("training:mine")).content.decode()
    assert reverse("training:restore", args=[registration.pk]) in mine

    response = client.post(reverse("training:restore", args=[registration.pk]))
    assert _messages(response) == ["أنت مسجل في هذه الدورة."]
    registration.refresh_from_db()
    assert registration.status == Status.REGISTERED and registration.cancelled_at is None


def test_undo_is_refused_once_the_seat_went_to_the_waiting_list(client, django_user_model):
    session = SessionFactory(capacity=1)
    user = member(django_user_model)
    client.force_login(user)
    mine = services.registration_create(session=session, person=user.person)
    waiting = services.registration_create(session=session, person=PersonFactory())
    client.post(reverse("training:cancel", args=[mine.pk]))
    waiting.refresh_from_db()
    assert waiting.status == Status.REGISTERED
    response = client.post(reverse("training:restore", args=[mine.pk]))
    assert "أُعطي المقعد في الأثناء للشخص التالي في لائحة الانتظار" in _messages(response)[0]
    mine.refresh_from_db()
    assert mine.status == Status.CANCELLED
    assert session.registrations.holding_seats().count() == 1


def test_undo_gives_back_the_place_on_the_waiting_list(django_user_model):
    session = SessionFactory(capacity=1)
    services.registration_create(session=session, person=PersonFactory())
    first = services.registration_create(session=session, person=PersonFactory())
    second = services.registration_create(session=session, person=PersonFactory())
    services.registration_cancel(registration=first)
    assert Registration.objects.with_waiting_position().get(pk=second.pk).waiting_position == 1
    services.registration_restore(registration=first)
    positions = dict(
        Registration.objects.with_waiting_position()
        .filter(status=Status.WAITING)
        .values_list("pk", "waiting_position")
    )
    assert positions == {first.pk: 1, second.pk: 2}


def test_undo_is_refused_after_the_window(django_user_model):
    session = SessionFactory()
    registration = services.registration_create(session=session, person=PersonFactory())
    services.registration_cancel(registration=registration, now=timezone.now() - UNDO_WINDOW)
    with pytest.raises(services.RegistrationError, match="فات أوان التراجع"):
        services.registration_restore(registration=registration)
    registration.refresh_from_db()
    assert registration.status == Status.CANCELLED


def test_nobody_undoes_someone_elses_cancellation(client, django_user_model):
    other = RegistrationFactory()
    services.registration_cancel(registration=other)
    client.force_login(member(django_user_model))
    assert client.post(reverse("training:restore", args=[other.pk])).status_code == 404
    assert client.get(reverse("training:cancel", args=[other.pk])).status_code == 404


def test_cancel_page_query_count_is_pinned(client, django_user_model, django_assert_max_num_queries):
    user = member(django_user_model)
    client.force_login(user)
    registration = RegistrationFactory(person=user.person)
    url = reverse("training:cancel", args=[registration.pk])
    client.get(url)
    # session, user, the registration; and the menu's two content checks (issue 20)
    with django_assert_max_num_queries(5):
        assert client.get(url).status_code == 200


# The waiting list ----------------------------------------------------------------------------------


def test_waiting_position_is_shown_and_moves_up_when_someone_ahead_cancels(client, django_user_model):
    session = SessionFactory(capacity=1)
    services.registration_create(session=session, person=PersonFactory())
    ahead = services.registration_create(session=session, person=PersonFactory())
    user = member(django_user_model)
    client.force_login(user)
    response = client.post(reverse("training:register", args=[session.pk]))
    assert _messages(response) == [
        "الدورة مكتملة: أنت في المرتبة 2 في لائحة الانتظار. سنراسلك إذا تحرر مقعد."
    ]
    assert "أنت في المرتبة 2 في لائحة الانتظار." in client.get(session.get_absolute_url()).content.decode()
    assert "المرتبة 2 في لائحة الانتظار" in client.get(reverse("training:mine")).content.decode()
    services.registration_cancel(registration=ahead)
    assert "أنت في المرتبة 1 في لائحة الانتظار." in client.get(session.get_absolute_url()).content.decode()
    assert (
        "أنت في المرتبة 1 في لائحة الانتظار." in client.get(session.event.get_absolute_url()).content.decode()
    )
    assert "المرتبة 1 في لائحة الانتظار" in client.get(reverse("training:mine")).content.decode()


# Worded for the member -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "woman", "man"),
    [
        ("ar", "أنتِ مسجلة في هذه الدورة.", "أنت مسجل في هذه الدورة."),
        ("fr", "Vous êtes inscrite à cette session.", "Vous êtes inscrit à cette session."),
    ],
)
def test_registration_messages_follow_the_members_gender(client, django_user_model, language, woman, man):
    session = SessionFactory()
    url = reverse("training:register", args=[session.pk]).replace("/ar/", f"/{language}/")
    client.force_login(_woman(django_user_model))
    assert _messages(client.post(url)) == [woman]
    client.force_login(member(django_user_model))
    assert _messages(client.post(url)) == [man]


@pytest.mark.parametrize(
    ("language", "woman", "man"),
    [
        ("ar", ("السيدة", "المحترمة", "أنتِ الآن مسجلة"), ("السيد", "المحترم،", "أنت الآن مسجل")),
        ("fr", ("Madame", "inscrite"), ("Monsieur", "inscrit.")),
    ],
)
def test_promotion_email_follows_the_members_gender_and_name_form(
    mailoutbox, django_capture_on_commit_callbacks, language, woman, man
):
    for gender, words in (("f", woman), ("m", man)):
        mailoutbox.clear()
        session = SessionFactory(capacity=1)
        holder = services.registration_create(session=session, person=PersonFactory())
        person = PersonFactory(
            gender=gender, preferred_language=language, name_ar="سلمى العلوي", name_fr="Salma Alaoui"
        )
        services.registration_create(session=session, person=person)
        with django_capture_on_commit_callbacks(execute=True):
            services.registration_cancel(registration=holder)
        body = mailoutbox[0].body
        assert body.startswith(words[0])
        assert ("Salma Alaoui" if language == "fr" else "سلمى العلوي") in body.splitlines()[0]
        assert "سلمى" not in body or language == "ar"
        for word in words[1:]:
            assert word in body


@pytest.mark.parametrize(
    ("language", "woman", "man"), [("ar", "مسجلة", "مسجل"), ("fr", "Inscrite", "Inscrit")]
)
def test_my_registrations_word_the_status_for_the_member(client, django_user_model, language, woman, man):
    for user, word in ((_woman(django_user_model), woman), (member(django_user_model), man)):
        client.force_login(user)
        RegistrationFactory(person=user.person)
        html = client.get(f"/{language}/training/mine/").content.decode()
        assert f"<td>{word}</td>" in html


@pytest.mark.parametrize(("language", "woman", "man"), [("ar", "ملغاة", "ملغى"), ("fr", "Annulée", "Annulé")])
def test_a_cancelled_registration_is_worded_for_the_member(client, django_user_model, language, woman, man):
    """Like "Inscrite" before it: a woman's cancelled registration reads "Annulée"."""
    for user, word in ((_woman(django_user_model), woman), (member(django_user_model), man)):
        client.force_login(user)
        services.registration_cancel(registration=RegistrationFactory(person=user.person))
        html = client.get(f"/{language}/training/mine/").content.decode()
        assert f"<td>{word}</td>" in html
