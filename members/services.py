"""Writes with side effects for the members app (keyword-only arguments)."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from members.models import (
    CouncilSeat,
    Membership,
    MembershipApplication,
    MembershipStatusChange,
    Person,
)
from portal.text import search_key

logger = logging.getLogger(__name__)


def default_holder():
    """Who holds a new membership: ``settings.MEMBERS_MEMBERSHIP_HOLDER`` ("person" or "council")."""
    return getattr(settings, "MEMBERS_MEMBERSHIP_HOLDER", Membership.Holder.PERSON)


# --- Membership status ------------------------------------------------------------------------


def membership_change_status(*, membership, status, by=None, reason="", on=None):
    """Move a membership to ``status`` and record the change (with its reason) in its history."""
    on = on or timezone.localdate()
    if status == membership.status:
        return membership
    if status == Membership.Status.ENDED and not reason:
        raise ValidationError(_("Give a reason for ending a membership."))
    previous = membership.status
    membership.status = status
    fields = ["status"]
    if status == Membership.Status.ACTIVE and membership.joined_on is None:
        membership.joined_on = on
        fields.append("joined_on")
    if status == Membership.Status.ENDED:
        membership.ended_on, membership.end_reason = on, reason
        fields += ["ended_on", "end_reason"]
    with transaction.atomic():
        membership.save(update_fields=fields)
        MembershipStatusChange.objects.create(
            membership=membership, from_status=previous, to_status=status, on=on, reason=reason, by=by
        )
    return membership


# --- Finding people without duplicates -----------------------------------------------------------


def person_find(*, name_ar="", name_fr="", email="", council=None):
    """The existing person who matches, or None: same e-mail, or same name on the same council."""
    email = (email or "").strip().lower()
    if email:
        person = Person.objects.filter(email=email).first()
        if person is not None:
            return person
    if council is not None:
        for name in (name_ar, name_fr):
            key = search_key(name)
            if not key:
                continue
            person = (
                Person.objects.filter(seats__council=council)
                .filter(
                    Q(search_key=key)
                    | Q(search_key__startswith=f"{key} ")
                    | Q(search_key__endswith=f" {key}")
                )
                .first()
            )
            if person is not None:
                return person
    return None


def seat_ensure(*, person, council, role):
    seat = CouncilSeat.objects.filter(person=person, council=council).order_by("-start_year").first()
    if seat is None:
        return CouncilSeat.objects.create(person=person, council=council, role=role)
    if seat.role != role and role != CouncilSeat.Role.MEMBER:
        seat.role = role
        seat.save(update_fields=["role"])
    return seat


def membership_ensure(*, person, council, holder=None, by=None, status=Membership.Status.ACTIVE):
    """The open membership for this person (or council), created or re-linked, never doubled."""
    holder = holder or default_holder()
    open_memberships = Membership.objects.exclude(status=Membership.Status.ENDED)
    if holder == Membership.Holder.COUNCIL:
        membership = open_memberships.filter(holder=holder, council=council).first()
    else:
        membership = open_memberships.filter(holder=holder, council=council, person=person).first()
    if membership is None:
        membership = Membership.objects.create(holder=holder, council=council, person=person)
        MembershipStatusChange.objects.create(membership=membership, to_status=membership.status, by=by)
    elif membership.person_id != person.pk:
        membership.person = person  # the council's new representative
        membership.save(update_fields=["person"])
    membership_change_status(membership=membership, status=status, by=by)
    return membership


def user_ensure(*, person):
    """A login account for the person (e-mail as user name); they choose a password by reset."""
    if person.user_id or not person.email:
        return person.user
    User = get_user_model()
    user = User.objects.filter(Q(email__iexact=person.email) | Q(username__iexact=person.email)).first()
    if user is None:
        user = User(username=person.email, email=person.email)
        user.set_unusable_password()
        user.save()
    elif Person.objects.filter(user=user).exists():
        return None
    person.user = user
    person.save(update_fields=["user"])
    return user


# --- Applications ----------------------------------------------------------------------------------


def _send(*, to, language, subject, template, context):
    with translation.override(language):
        body = render_to_string(template, context)
        subject = str(subject)
    try:
        EmailMessage(subject=subject, body=body, to=[to]).send()
    except Exception:  # the application is stored; a mail failure must not lose it
        logger.exception("Mail to %s could not be sent", to)
        return False
    return True


def application_submit(*, form, language):
    """Store an application sent through the public form and acknowledge it in its language."""
    application: MembershipApplication = form.save(commit=False)
    application.language = language
    application.email = application.email.strip().lower()
    application.save()
    with translation.override(language):
        subject = _("We have received your membership application")
    _send(
        to=application.email,
        language=language,
        subject=subject,
        template="members/email/application_received.txt",
        context={"application": application},
    )
    return application


@transaction.atomic
def application_approve(*, application, by):
    """Accept an application: find or create the person, their seat and their membership."""
    application = MembershipApplication.objects.select_for_update().get(pk=application.pk)
    if application.status == MembershipApplication.Status.APPROVED:
        return application
    person = person_find(
        name_ar=application.name_ar,
        name_fr=application.name_fr,
        email=application.email,
        council=application.council,
    )
    if person is None:
        person = Person(
            name_ar=application.name_ar,
            name_fr=application.name_fr,
            gender=application.gender,
            phone=application.phone,
            email=application.email,
            preferred_language=application.language,
        )
        person.save()
    else:
        changed = []
        for field in ("email", "phone"):
            if not getattr(person, field) and getattr(application, field):
                setattr(person, field, getattr(application, field))
                changed.append(field)
        if changed:
            person.save()
    seat_ensure(person=person, council=application.council, role=application.role)
    membership = membership_ensure(person=person, council=application.council, by=by)
    user_ensure(person=person)
    application.status = MembershipApplication.Status.APPROVED
    application.decided_at, application.decided_by = timezone.now(), by
    application.person, application.membership = person, membership
    application.save()
    return application


@transaction.atomic
def application_reject(*, application, by, reason):
    if not reason.strip():
        raise ValidationError(_("Give a reason for rejecting an application."))
    application = MembershipApplication.objects.select_for_update().get(pk=application.pk)
    if application.status != MembershipApplication.Status.PENDING:
        raise ValidationError(_("Only pending applications can be rejected."))
    application.status = MembershipApplication.Status.REJECTED
    application.decided_at, application.decided_by = timezone.now(), by
    application.rejection_reason = reason.strip()
    application.save()
    return application


# --- Profile and e-mail address --------------------------------------------------------------------

EMAIL_CHANGE_SALT = "members.email-change"


def email_normalise(value):
    """An address as the portal keeps it: trimmed and lower-cased (as ``Person.save`` does)."""
    return (value or "").strip().lower()


def email_in_use(email, *, person=None):
    """Whether another person or account than ``person`` (and its account) uses ``email``.

    Accounts count by user name too: a member's user name is the address they joined with.
    """
    email = email_normalise(email)
    if not email:
        return False
    people = Person.objects.filter(email__iexact=email)
    accounts = get_user_model()._default_manager.filter(Q(email__iexact=email) | Q(username__iexact=email))
    if person is not None:
        people = people.exclude(pk=person.pk)
        if person.user_id:
            accounts = accounts.exclude(pk=person.user_id)
    return people.exists() or accounts.exists()


def person_update_own(*, form, confirm_url):
    """A member corrects their own profile (the form limits which fields).

    A new e-mail address is not saved: it signs in and receives password resets, so it takes
    effect only once confirmed from that address (``email_change_confirm``). A link signed with
    the date is sent there (``confirm_url(token)`` makes it absolute) and the current address is
    told of the request. Returns the address waiting for confirmation, or "".
    """
    person = form.instance
    current = Person.objects.filter(pk=person.pk).values_list("email", flat=True).get()
    requested = email_normalise(form.cleaned_data.get("email"))
    person.email = current
    form.save()
    if not requested or requested == email_normalise(current):
        return ""
    token = signing.dumps({"person": person.pk, "from": current, "to": requested}, salt=EMAIL_CHANGE_SALT)
    language = person.preferred_language
    with translation.override(language):
        confirm_subject = _("Confirm your new e-mail address")
        notice_subject = _("A change of your e-mail address was requested")
    hours = max(1, settings.MEMBERS_EMAIL_CHANGE_MAX_AGE // 3600)
    context = {"person": person, "link": confirm_url(token), "new_email": requested, "hours": hours}
    _send(
        to=requested,
        language=language,
        subject=confirm_subject,
        template="members/email/email_change_confirm.txt",
        context=context,
    )
    if current:
        _send(
            to=current,
            language=language,
            subject=notice_subject,
            template="members/email/email_change_notice.txt",
            context=context,
        )
    return requested


@transaction.atomic
def email_change_confirm(*, token, user):
    """Give the member the address a link from ``person_update_own`` was sent to.

    Refused (``ValidationError``) when the link is forged, older than
    ``MEMBERS_EMAIL_CHANGE_MAX_AGE``, already used (the address is no longer the one it replaces),
    opened by another account, or the address has been taken meanwhile. The account's user name
    follows the address when it was the old one, so the old address no longer signs in.
    """
    invalid = ValidationError(_("This link is not valid or has expired."), code="invalid")
    try:
        data = signing.loads(token, salt=EMAIL_CHANGE_SALT, max_age=settings.MEMBERS_EMAIL_CHANGE_MAX_AGE)
        person_pk, old, new = int(data["person"]), data["from"], email_normalise(data["to"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise invalid from None
    person = Person.objects.select_for_update().filter(pk=person_pk, user=user).first()
    if person is None or person.email != old or not new:
        raise invalid
    if email_in_use(new, person=person):
        raise ValidationError(_("This address cannot be used for your account."), code="email_taken")
    person.email = new
    person.save(update_fields=["email", "search_key", "updated_at"])
    fields = ["email"]
    if user.get_username().strip().lower() == email_normalise(old):
        user.username = new
        fields.append("username")
    user.email = new
    try:
        with transaction.atomic():
            user.save(update_fields=fields)
    except IntegrityError:  # taken between the check and the write
        raise ValidationError(
            _("This address cannot be used for your account."), code="email_taken"
        ) from None
    return person
