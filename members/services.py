"""Writes with side effects for the members app (keyword-only arguments)."""

import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
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


# --- Possible matches of an application -----------------------------------------------------------

MATCH_LIMIT = 10


@dataclass
class Candidate:
    """A person on file who may be the applicant, and why: "email", "name" and/or "phone"."""

    person: Person
    reasons: set = field(default_factory=set)


def _name_keys(application):
    keys = {search_key(name) for name in (application.name_ar, application.name_fr)}
    return {key for key in keys if key}


def _name_matches(key):
    """A person's key holds both their names: the application's name is all of it, its start or its end."""
    return Q(search_key=key) | Q(search_key__startswith=f"{key} ") | Q(search_key__endswith=f" {key}")


def _candidates_query(application):
    query = Q()
    email = (application.email or "").strip()
    if email:
        query |= Q(email__iexact=email)
    for key in _name_keys(application):
        query |= _name_matches(key)
    if application.phone:
        query |= Q(phone=application.phone)
    return query


def application_candidates(application, *, limit=MATCH_LIMIT):
    """The people on file who may be the applicant: same e-mail (any case), name or phone.

    Only shown to the secretariat, who decides; nothing is ever merged on these grounds alone.
    """
    query = _candidates_query(application)
    if not query:
        return []
    people = (
        Person.objects.filter(query)
        .select_related("user")
        .prefetch_related("seats__council", "memberships__council")
        .order_by("pk")[:limit]
    )
    email = (application.email or "").strip().lower()
    keys = _name_keys(application)
    candidates = []
    for person in people:
        reasons = set()
        if email and person.email.lower() == email:
            reasons.add("email")
        if any(
            person.search_key == key
            or person.search_key.startswith(f"{key} ")
            or person.search_key.endswith(f" {key}")
            for key in keys
        ):
            reasons.add("name")
        if application.phone and person.phone == application.phone:
            reasons.add("phone")
        candidates.append(Candidate(person=person, reasons=reasons))
    return candidates


def application_has_candidates(application):
    query = _candidates_query(application)
    return bool(query) and Person.objects.filter(query).exists()


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
    """A login account for the person (e-mail as user name); they choose a password by reset.

    None when the person has no e-mail or another account already uses it (as its address or
    user name, in any case): an account is never handed to, nor shared with, someone else.
    """
    if person.user_id or not person.email:
        return person.user
    User = get_user_model()
    if User._default_manager.filter(
        Q(email__iexact=person.email) | Q(username__iexact=person.email)
    ).exists():
        return None
    user = User(username=person.email, email=person.email)
    user.set_unusable_password()
    user.save()
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
        context={"application": application, "name": application.name_in(language)},
    )
    return application


def _pending(application):
    application = MembershipApplication.objects.select_for_update().get(pk=application.pk)
    if application.status != MembershipApplication.Status.PENDING:
        raise ValidationError(_("Only pending applications can be linked or separated."))
    return application


@transaction.atomic
def application_link(*, application, person, take, by):
    """Record the secretariat's choice: the applicant is ``person``, already on file.

    ``take`` lists what the approval will change on that person (``MembershipApplication.Take``);
    nothing else of theirs is touched. The person must be one of the application's candidates.
    """
    application = _pending(application)
    take = list(dict.fromkeys(take))
    unknown = set(take) - set(MembershipApplication.Take.values)
    if unknown:
        raise ValidationError(_("Choose what to take over from the list."))
    query = _candidates_query(application)
    if not query or not Person.objects.filter(query, pk=person.pk).exists():
        raise ValidationError(_("This person is not among the application's possible matches."))
    application.match, application.person, application.take = MembershipApplication.Match.LINK, person, take
    application.match_decided_at, application.match_decided_by = timezone.now(), by
    application.save(update_fields=["match", "person", "take", "match_decided_at", "match_decided_by"])
    return application


@transaction.atomic
def application_decide_new_person(*, application, by):
    """Record the secretariat's choice: the applicant is nobody on file; approval creates them."""
    application = _pending(application)
    application.match, application.person, application.take = MembershipApplication.Match.NEW, None, []
    application.match_decided_at, application.match_decided_by = timezone.now(), by
    application.save(update_fields=["match", "person", "take", "match_decided_at", "match_decided_by"])
    return application


def _person_create(application):
    """A new person from the application. An address already someone else's is left out, so
    that it keeps naming one person and one account (the secretariat can add another)."""
    email = application.email.strip().lower()
    if Person.objects.filter(email__iexact=email).exists():
        email = ""
    person = Person(
        name_ar=application.name_ar,
        name_fr=application.name_fr,
        gender=application.gender,
        phone=application.phone,
        email=email,
        preferred_language=application.language,
    )
    person.save()
    return person


def _person_take_over(application, person, by):
    """Apply to a linked person what the secretariat ticked, and that only.

    A new address goes on the person's record, not on their login account: an account's
    address changes only when its owner confirms it from the new one.
    """
    Take = MembershipApplication.Take
    take = set(application.take)
    changed = []
    if Take.PHONE in take and application.phone and person.phone != application.phone:
        person.phone = application.phone
        changed.append("phone")
    if Take.EMAIL in take and application.email:
        email = application.email.strip().lower()
        if email != person.email:
            if Person.objects.filter(email__iexact=email).exclude(pk=person.pk).exists():
                raise ValidationError(
                    _("The e-mail address given in the application is already on another person's record.")
                )
            person.email = email
            changed.append("email")
    if changed:
        person.save(update_fields=[*changed, "search_key", "updated_at"])
    if Take.SEAT in take:
        seat_ensure(person=person, council=application.council, role=application.role)
    membership = None
    if Take.MEMBERSHIP in take:
        membership = membership_ensure(person=person, council=application.council, by=by)
    if Take.ACCOUNT in take:
        user_ensure(person=person)
    return membership


@transaction.atomic
def application_approve(*, application, by, base_url=""):
    """Accept an application: a new person with their seat, membership and account, or, when
    the secretariat linked it to someone on file, only what it chose to take over.

    Refused while people on file may be the applicant and the secretariat has not said whether
    one of them is: an e-mail, a name or a phone in a form is no proof of who sent it.

    The applicant is told (``application_decision_mail``); given the portal's address
    (``base_url``), with the link to choose their password.
    """
    application = MembershipApplication.objects.select_for_update().get(pk=application.pk)
    if application.status == MembershipApplication.Status.APPROVED:
        return application
    if application.status != MembershipApplication.Status.PENDING:
        raise ValidationError(_("Only pending applications can be approved."))
    Match = MembershipApplication.Match
    if application.match == Match.LINK:
        person = application.person
        if person is None:  # the person was deleted since
            raise ValidationError(
                _("Link this application to a person on file again, or choose a new person.")
            )
        membership = _person_take_over(application, person, by)
    else:
        if application.match != Match.NEW and application_has_candidates(application):
            raise ValidationError(
                _("People on file may be this applicant: review the matches before approving.")
            )
        person = _person_create(application)
        seat_ensure(person=person, council=application.council, role=application.role)
        membership = membership_ensure(person=person, council=application.council, by=by)
        user_ensure(person=person)
    application.status = MembershipApplication.Status.APPROVED
    application.decided_at, application.decided_by = timezone.now(), by
    application.person, application.membership = person, membership
    application.save()
    application_decision_mail(application=application, base_url=base_url)
    return application


@transaction.atomic
def application_reject(*, application, by, reason):
    """Refuse an application for the reason the secretariat gives; the applicant is told it."""
    if not reason.strip():
        raise ValidationError(_("Give a reason for rejecting an application."))
    application = MembershipApplication.objects.select_for_update().get(pk=application.pk)
    if application.status != MembershipApplication.Status.PENDING:
        raise ValidationError(_("Only pending applications can be rejected."))
    application.status = MembershipApplication.Status.REJECTED
    application.decided_at, application.decided_by = timezone.now(), by
    application.rejection_reason = reason.strip()
    application.save()
    application_decision_mail(application=application)
    return application


def _account_at(person, address):
    """The person's active login account, when ``address`` is its own (else None): a link to
    choose its password must reach only the address the account belongs to."""
    user = person.user if person is not None and person.user_id else None
    if user is None or not user.is_active or email_normalise(user.email) != address:
        return None
    return user


def application_decision_mail(*, application, base_url=""):
    """E-mail the applicant the secretariat's decision, in their language and grammatical gender,
    as the acknowledgement promised: an approval says how to sign in (given the portal's address,
    with a link to choose a password, valid ``PASSWORD_RESET_TIMEOUT``, when the account has none
    yet), a rejection gives the secretariat's reason.

    Queued by django-mailer in the decision's transaction (``EMAIL_BACKEND``): a decision rolled
    back sends nothing. Returns whether a message was queued (none without an address).
    """
    address = email_normalise(application.email)
    if not address:
        return False
    languages = dict(settings.LANGUAGES)
    language = application.language if application.language in languages else settings.LANGUAGE_CODE
    approved = application.status == MembershipApplication.Status.APPROVED
    user = _account_at(application.person, address) if approved else None
    base = base_url.rstrip("/")
    with translation.override(language):
        if approved:
            subject = _("Your membership application has been approved")
        else:
            subject = _("Your membership application has not been accepted")
        set_password_url = ""
        if base and user is not None and not user.has_usable_password():
            set_password_url = base + reverse(
                "members:password_reset_confirm",
                kwargs={
                    "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                    "token": default_token_generator.make_token(user),
                },
            )
        context = {
            "application": application,
            "name": application.name_in(language),
            "approved": approved,
            "account": user is not None,
            "set_password_url": set_password_url,
            "login_url": base + reverse("members:login") if base else "",
            "hours": max(1, settings.PASSWORD_RESET_TIMEOUT // 3600),
            "subject": subject,
            "LANGUAGE_CODE": language,
            "LANGUAGE_BIDI": translation.get_language_bidi(),
        }
        text = render_to_string("members/email/application_decision.txt", context)
        html = render_to_string("members/email/application_decision.html", context)
    message = EmailMultiAlternatives(subject=str(subject), body=text, to=[address])
    message.attach_alternative(html, "text/html")
    message.send()
    return True


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
