import datetime

import pytest
from django.core import mail
from django.db import IntegrityError
from django.utils import timezone

from tests.training.factories import (
    EventFactory,
    PersonFactory,
    RegistrationFactory,
    SessionFactory,
    a_council,
)
from training.models import Registration
from training.services import (
    RegistrationError,
    registration_cancel,
    registration_create,
    registration_mark_attendance,
    reminders_send,
    waiting_list_promote,
)

pytestmark = pytest.mark.django_db
Status = Registration.Status


def test_seats_then_waiting_list_in_arrival_order():
    session = SessionFactory(capacity=2)
    people = PersonFactory.create_batch(4)
    results = [registration_create(session=session, person=p) for p in people]
    assert [r.status for r in results] == [
        Status.REGISTERED,
        Status.REGISTERED,
        Status.WAITING,
        Status.WAITING,
    ]
    assert list(session.registrations.waiting()) == results[2:]


def test_nobody_twice():
    session = SessionFactory()
    person = PersonFactory()
    registration_create(session=session, person=person)
    with pytest.raises(RegistrationError, match="أنت مسجل من قبل"):
        registration_create(session=session, person=person)
    assert session.registrations.count() == 1


def test_database_refuses_a_second_open_registration():
    registration = RegistrationFactory()
    with pytest.raises(IntegrityError):
        RegistrationFactory(session=registration.session, person=registration.person, status=Status.WAITING)


def test_register_again_after_cancelling():
    session = SessionFactory()
    person = PersonFactory()
    registration_cancel(registration=registration_create(session=session, person=person))
    again = registration_create(session=session, person=person)
    assert again.status == Status.REGISTERED


def test_closed_and_past_sessions_refuse_with_a_message():
    past = SessionFactory(event=EventFactory(start_date=timezone.localdate() - datetime.timedelta(days=1)))
    with pytest.raises(RegistrationError, match="انعقدت هذه الدورة"):
        registration_create(session=past, person=PersonFactory())
    closed = SessionFactory(registration_closes_at=timezone.now() - datetime.timedelta(hours=1))
    with pytest.raises(RegistrationError, match="أغلق التسجيل"):
        registration_create(session=closed, person=PersonFactory())
    not_yet = SessionFactory(registration_opens_at=timezone.now() + datetime.timedelta(days=1))
    with pytest.raises(RegistrationError, match="يفتح التسجيل"):
        registration_create(session=not_yet, person=PersonFactory())
    same_day = SessionFactory(event=EventFactory(start_date=timezone.localdate()))
    with pytest.raises(RegistrationError, match="أغلق التسجيل"):
        registration_create(session=same_day, person=PersonFactory())


def test_closed_message_in_french():
    from django.utils import translation

    past = SessionFactory(event=EventFactory(start_date=timezone.localdate() - datetime.timedelta(days=3)))
    with translation.override("fr"), pytest.raises(RegistrationError) as error:
        registration_create(session=past, person=PersonFactory())
    assert "déjà eu lieu" in error.value.messages[0]


def test_secretariat_may_register_after_closing_but_not_for_a_past_session(superuser):
    closed = SessionFactory(registration_closes_at=timezone.now() - datetime.timedelta(hours=1))
    assert (
        registration_create(session=closed, person=PersonFactory(), by=superuser).status == Status.REGISTERED
    )
    past = SessionFactory(event=EventFactory(start_date=timezone.localdate() - datetime.timedelta(days=1)))
    with pytest.raises(RegistrationError):
        registration_create(session=past, person=PersonFactory(), by=superuser)


def test_staff_member_registered_by_name_and_council():
    session = SessionFactory(programme__audience="staff")
    registration = registration_create(
        session=session, participant_name="  سعاد العلمي ", council=a_council(), email="s@example.org"
    )
    assert registration.name == "سعاد العلمي"
    with pytest.raises(RegistrationError):
        registration_create(session=session, participant_name="بدون مجلس")


def test_unlimited_session_never_waits():
    session = SessionFactory(capacity=None)
    assert {registration_create(session=session, person=PersonFactory()).status for _ in range(5)} == {
        Status.REGISTERED
    }


def test_cancel_promotes_first_waiting_and_tells_them_in_their_language(django_capture_on_commit_callbacks):
    session = SessionFactory(capacity=1)
    first = registration_create(session=session, person=PersonFactory())
    waiting_fr = registration_create(session=session, person=PersonFactory(preferred_language="fr"))
    waiting_ar = registration_create(session=session, person=PersonFactory(preferred_language="ar"))
    with django_capture_on_commit_callbacks(execute=True):
        registration_cancel(registration=first)
    waiting_fr.refresh_from_db()
    waiting_ar.refresh_from_db()
    assert waiting_fr.status == Status.REGISTERED and waiting_fr.promoted_at
    assert waiting_ar.status == Status.WAITING
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [waiting_fr.person.email]
    assert "Une place" in message.subject or "place" in message.body
    assert "inscrit" in message.body


def test_cancelling_a_waiting_registration_promotes_nobody(django_capture_on_commit_callbacks):
    session = SessionFactory(capacity=1)
    registration_create(session=session, person=PersonFactory())
    waiting = registration_create(session=session, person=PersonFactory())
    with django_capture_on_commit_callbacks(execute=True):
        registration_cancel(registration=waiting)
    assert mail.outbox == []
    assert session.registrations.holding_seats().count() == 1


def test_raising_capacity_promotes_the_waiting_list(django_capture_on_commit_callbacks):
    session = SessionFactory(capacity=1)
    for _ in range(3):
        registration_create(session=session, person=PersonFactory())
    session.capacity = 3
    session.save()
    with django_capture_on_commit_callbacks(execute=True):
        promoted = waiting_list_promote(session=session)
    assert len(promoted) == 2 and len(mail.outbox) == 2


def test_attendance_only_for_seat_holders():
    session = SessionFactory(capacity=1)
    seat = registration_create(session=session, person=PersonFactory())
    waiting = registration_create(session=session, person=PersonFactory())
    assert registration_mark_attendance(registrations=[seat, waiting], attended=True) == 1
    seat.refresh_from_db()
    waiting.refresh_from_db()
    assert (seat.status, waiting.status) == (Status.ATTENDED, Status.WAITING)
    with pytest.raises(RegistrationError):
        registration_cancel(registration=seat)


def test_reminders_are_sent_once():
    soon = SessionFactory(event=EventFactory(start_date=timezone.localdate() + datetime.timedelta(days=2)))
    later = SessionFactory(event=EventFactory(start_date=timezone.localdate() + datetime.timedelta(days=20)))
    a = registration_create(session=soon, person=PersonFactory(preferred_language="fr"))
    registration_create(session=later, person=PersonFactory())
    waiting = RegistrationFactory(session=soon, status=Status.WAITING)
    assert reminders_send(days=3) == 1
    assert reminders_send(days=3) == 0
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [a.person.email]
    assert "Rappel" in mail.outbox[0].subject
    a.refresh_from_db()
    waiting.refresh_from_db()
    assert a.reminder_sent_at and waiting.reminder_sent_at is None


def test_reminder_command(session):
    from django.core.management import call_command

    soon = SessionFactory(event=EventFactory(start_date=timezone.localdate() + datetime.timedelta(days=1)))
    registration_create(session=soon, person=PersonFactory())
    call_command("send_training_reminders", "--days", "2", verbosity=0)
    call_command("send_training_reminders", "--days", "2", verbosity=0)
    assert len(mail.outbox) == 1
