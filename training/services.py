"""Writes with side effects for continuing training.

Capacity is enforced inside one transaction holding a row lock on the session
(``SELECT ... FOR UPDATE`` on PostgreSQL), as pretix hands out waiting-list seats: every
registration, cancellation and promotion of the same session queues on that lock, so the
count of seats taken cannot change between the check and the insert.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext, pgettext

from association.models import AssociationProfile
from portal.content_version import content_changed
from training.models import Registration, TrainingSession

Status = Registration.Status


class RegistrationError(ValidationError):
    """A registration that the rules refuse, with a sentence for the person."""


def _locked(session):
    # Lock only the session row (``of``), not the calendar's event row read with it.
    return TrainingSession.objects.select_for_update(of=("self",)).select_related("event").get(pk=session.pk)


def _seats_taken(session):
    return Registration.objects.filter(session=session).holding_seats().count()


def registration_create(
    *,
    session,
    person=None,
    participant_name="",
    participant_gender="",
    council=None,
    email="",
    language="",
    by=None,
    now=None,
):
    """Register ``person`` (or a named staff member of ``council``, with their gender) for ``session``.

    Returns the registration: ``registered`` while seats are left, else ``waiting`` (the
    waiting list keeps arrival order). Raises ``RegistrationError`` when registration is
    closed, or when the person already holds a registration for the session.
    """
    if person is None and not (participant_name.strip() and council is not None):
        raise RegistrationError(gettext("Give a member, or a participant's name and their council."))
    with transaction.atomic():
        session = _locked(session)
        # The time is read once the lock is held: ``created_at`` then follows the order in which
        # registrations were served, which is the order of the waiting list.
        now = now or timezone.now()
        reason = session.registration_problem(now=now)
        if reason:
            # The secretariat may still add someone outside the window, never to a past,
            # undated or cancelled session.
            secretariat = by is not None and by.is_staff
            upcoming = session.date and session.date >= timezone.localdate(now)
            if not (secretariat and upcoming and session.event.status != session.event.Status.CANCELLED):
                raise RegistrationError(reason, code="closed")
        if person is not None and Registration.objects.filter(session=session, person=person).open().exists():
            raise RegistrationError(already_registered(person, by=by), code="duplicate")
        has_seat = session.capacity is None or _seats_taken(session) < session.capacity
        status = Status.REGISTERED if has_seat else Status.WAITING
        try:
            with transaction.atomic():
                return Registration.objects.create(
                    session=session,
                    person=person,
                    participant_name=participant_name.strip(),
                    participant_gender="" if person is not None else participant_gender,
                    council=council,
                    email=email,
                    language=language
                    or (person.preferred_language if person else translation.get_language()),
                    status=status,
                    registered_by=by if by is not None and by.is_authenticated else None,
                    created_at=now,
                )
        except IntegrityError as exc:  # the unique constraint, should a lock be bypassed
            raise RegistrationError(already_registered(person, by=by), code="duplicate") from exc


def already_registered(person, by=None):
    """The refusal of a second registration, worded for the member (مسجل / مسجلة), or, when
    someone else (the secretariat) registers them, about the member by name."""
    female = person is not None and person.gender == "f"
    if person is not None and by is not None and by.is_authenticated and person.user_id != by.pk:
        if female:
            message = pgettext("female", "%(name)s is already registered for this session.")
        else:
            message = pgettext("male", "%(name)s is already registered for this session.")
        return message % {"name": person.name}
    if female:
        return pgettext("female", "You are already registered for this session.")
    return pgettext("male", "You are already registered for this session.")


def registration_cancel(*, registration, now=None):
    """Cancel a registration; a freed seat goes to the first on the waiting list, who is told."""
    now = now or timezone.now()
    with transaction.atomic():
        session = _locked(registration.session)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == Status.CANCELLED:
            return registration
        if registration.status in (Status.ATTENDED, Status.ABSENT):
            raise RegistrationError(
                gettext("Attendance has been recorded: this registration can no longer be cancelled.")
            )
        registration.status_before_cancel = registration.status
        registration.status = Status.CANCELLED
        registration.cancelled_at = now
        registration.save(update_fields=["status", "status_before_cancel", "cancelled_at", "updated_at"])
        waiting_list_promote(session=session, now=now)
    return registration


def registration_restore(*, registration, now=None):
    """Take back a cancellation made minutes ago (``UNDO_WINDOW``), if the seat is still free.

    Under the session lock, as every write that counts seats: a seat given meanwhile to the
    waiting list stays with its new holder. A place on the waiting list comes back at its
    rank, its arrival time being kept; the window is short enough for that to be fair.
    """
    now = now or timezone.now()
    with transaction.atomic():
        session = _locked(registration.session)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status != Status.CANCELLED:
            return registration
        if not registration.can_undo(now):
            raise RegistrationError(
                gettext("It is too late to undo this cancellation: register again if seats are left."),
                code="too_late",
            )
        reason = session.registration_problem(now=now)
        if reason:
            raise RegistrationError(reason, code="closed")
        person = registration.person
        if person is not None and Registration.objects.filter(session=session, person=person).open().exists():
            raise RegistrationError(already_registered(person), code="duplicate")
        if session.capacity is None or _seats_taken(session) < session.capacity:
            status = Status.REGISTERED
        elif registration.status_before_cancel == Status.WAITING:
            status = Status.WAITING
        else:
            raise RegistrationError(
                gettext(
                    "The seat has meanwhile been given to the next person on the waiting list; "
                    "you can join the waiting list."
                ),
                code="seat_taken",
            )
        registration.status = status
        registration.cancelled_at = None
        registration.status_before_cancel = ""
        registration.save(update_fields=["status", "cancelled_at", "status_before_cancel", "updated_at"])
    return registration


def waiting_list_promote(*, session, now=None):
    """Give free seats to the waiting list in arrival order; each promoted person gets an e-mail.

    Call inside a transaction holding the session lock, or alone (it takes the lock itself).
    """
    now = now or timezone.now()
    with transaction.atomic():
        session = _locked(session)
        if session.date and session.date < timezone.localdate(now):
            return []
        waiting = Registration.objects.filter(session=session).waiting().select_related("person")
        if session.capacity is not None:
            waiting = waiting[: max(session.capacity - _seats_taken(session), 0)]
        promoted = list(waiting)
        for registration in promoted:
            registration.status = Status.REGISTERED
            registration.promoted_at = now
            registration.save(update_fields=["status", "promoted_at", "updated_at"])
            transaction.on_commit(lambda pk=registration.pk: send_promotion_email(pk))
    return promoted


def _send(registration, subject_template, body_template):
    recipient = registration.recipient
    if not recipient:
        return False

    with translation.override(registration.recipient_language):
        context = {
            "registration": registration,
            "session": registration.session,
            "association": AssociationProfile.get_solo(),
        }
        subject = " ".join(render_to_string(subject_template, context).split())
        body = render_to_string(body_template, context)
    send_mail(subject, body, None, [recipient])
    return True


def send_promotion_email(registration_pk):
    registration = Registration.objects.select_related("person", "session__event").get(pk=registration_pk)
    return _send(registration, "training/email/promoted_subject.txt", "training/email/promoted_body.txt")


def send_reminder_email(registration):
    return _send(registration, "training/email/reminder_subject.txt", "training/email/reminder_body.txt")


def registration_mark_attendance(*, registrations, attended, now=None):
    """Record who came: only registrations that hold a seat change; returns how many did."""
    now = now or timezone.now()
    status = Status.ATTENDED if attended else Status.ABSENT
    count = (
        Registration.objects.filter(pk__in=[r.pk for r in registrations])
        .holding_seats()
        .update(status=status, attendance_marked_at=now, updated_at=now)
    )
    content_changed()  # update() sends no signal: the seats shown change
    return count


def reminders_send(*, days, now=None):
    """E-mail every seat holder whose session starts within ``days`` days, once each.

    Each registration is claimed with a conditional UPDATE before its mail goes out, so two
    runs at the same time (or a rerun after a crash) never send the same reminder twice.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    due = (
        Registration.objects.filter(
            status=Status.REGISTERED,
            reminder_sent_at__isnull=True,
            session__event__start_date__gte=today,
            session__event__start_date__lte=today + datetime.timedelta(days=days),
        )
        .exclude(session__event__status="cancelled")
        .select_related("person", "session__event")
    )
    sent = 0
    for registration in due:
        claimed = Registration.objects.filter(pk=registration.pk, reminder_sent_at__isnull=True).update(
            reminder_sent_at=now
        )
        if not claimed:
            continue
        try:
            if send_reminder_email(registration):
                sent += 1
        except Exception:
            Registration.objects.filter(pk=registration.pk).update(reminder_sent_at=None)
            raise
    return sent
