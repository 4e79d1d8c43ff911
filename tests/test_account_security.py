"""Accounts under attack (issue 17): one login lock per account whatever its spelling, e-mail
changes confirmed from the new address, password resets limited and sent to one account."""

import re

import pytest
from django.core import mail, signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.http import urlsafe_base64_decode

from members.models import Person

PASSWORD = "a-long-test-password"


@pytest.fixture
def member_user(django_user_model):
    """A member signing in with their e-mail (as in tests/members/conftest.py)."""
    from tests.members.factories import MembershipFactory

    user = django_user_model.objects.create_user("member@example.org", "member@example.org", PASSWORD)
    return MembershipFactory(person__user=user, person__email="member@example.org").person.user


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user("secretariat", "Sec@Example.org", PASSWORD, is_staff=True)


@pytest.fixture
def other_member(django_user_model):
    from tests.members.factories import MembershipFactory

    user = django_user_model.objects.create_user("other@example.org", "other@example.org", PASSWORD)
    return MembershipFactory(person__user=user, person__email="other@example.org").person


def member_login(client, username, password=PASSWORD):
    return client.post(reverse("members:login"), {"username": username, "password": password})


def admin_login(client, username, password=PASSWORD):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "otp_token": "", "next": reverse("admin:index")},
    )


# --- One lock per account ---------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "spelling", ["MEMBER@EXAMPLE.ORG", "  member@example.org ", "Member@Example.Org", "member@example.org"]
)
def test_an_email_in_another_spelling_is_still_locked(client, member_user, settings, spelling):
    settings.AXES_FAILURE_LIMIT = 3
    for _attempt in range(3):
        member_login(client, "member@example.org", password="wrong password")
    assert member_login(client, spelling).status_code == 429


@pytest.mark.django_db
def test_each_spelling_counts_towards_the_same_lock(client, member_user, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for spelling in ("member@example.org", "MEMBER@example.org", " Member@EXAMPLE.ORG"):
        member_login(client, spelling, password="wrong password")
    assert member_login(client, "member@example.org").status_code == 429


@pytest.mark.django_db
def test_a_staff_account_locked_by_user_name_is_locked_by_email_too(client, staff, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for _attempt in range(3):
        admin_login(client, "secretariat", password="wrong password")
    assert admin_login(client, "sec@example.org").status_code == 429
    assert member_login(client, "SEC@example.org").status_code == 429
    assert admin_login(client, "secretariat").status_code == 429


@pytest.mark.django_db
def test_the_lock_holds_from_another_address(client, member_user, settings):
    """Guesses spread over many addresses still lock the account (distributed guessing)."""
    settings.AXES_FAILURE_LIMIT = 3
    for attempt in range(3):
        client.post(
            reverse("members:login"),
            {"username": "member@example.org", "password": "wrong"},
            REMOTE_ADDR=f"203.0.113.{attempt + 1}",
        )
    locked = client.post(
        reverse("members:login"),
        {"username": "member@example.org", "password": PASSWORD},
        REMOTE_ADDR="198.51.100.7",
    )
    assert locked.status_code == 429


@pytest.mark.django_db
def test_unknown_accounts_are_throttled_alike_in_every_spelling(client, settings):
    settings.AXES_FAILURE_LIMIT = 2
    for _attempt in range(2):
        member_login(client, "nobody@example.org", password="wrong")
    assert member_login(client, "NOBODY@example.org ", password="wrong").status_code == 429


@pytest.mark.django_db
def test_the_lock_key_is_the_account_for_confusable_spellings(member_user, django_user_model):
    from portal.lockout import account_key

    kate = django_user_model.objects.create_user("kate", "kate@example.org", PASSWORD)
    assert account_key(None, {"username": "\u212aate@example.org"}) == f"user:{kate.pk}"  # Kelvin sign
    assert account_key(None, {"username": "KATE"}) == f"user:{kate.pk}"

    key = account_key(None, {"username": "member@example.org"})
    assert key == account_key(None, {"username": "ＭＥＭＢＥＲ@example.org"})  # full-width letters
    assert key == account_key(None, {"username": "MEMBER@EXAMPLE.ORG\t"})
    assert account_key(None, {"username": "nobody@example.org"}) == account_key(
        None, {"username": " NOBODY@Example.org"}
    )
    assert account_key(None, {"username": "nobody@example.org"}) != key


@pytest.mark.django_db
def test_a_successful_login_clears_the_failures_of_every_spelling(client, member_user, settings):
    settings.AXES_FAILURE_LIMIT = 3
    member_login(client, "MEMBER@example.org", password="wrong")
    member_login(client, "member@example.org", password="wrong")
    assert member_login(client, "member@example.org").status_code == 302
    client.logout()
    member_login(client, "member@example.org", password="wrong")
    member_login(client, "member@example.org", password="wrong")
    assert member_login(client, "member@example.org").status_code == 302


# --- E-mail addresses: unique, changed only from the new address -------------------------------


def profile(person, **changes):
    data = {
        "name_ar": person.name_ar,
        "name_fr": person.name_fr or "",
        "gender": person.gender,
        "preferred_language": "fr",
        "phone": "",
        "email": person.email,
        "address": "",
    }
    return {**data, **changes}


@pytest.mark.django_db
@pytest.mark.parametrize("address", ["other@example.org", " OTHER@Example.ORG "])
def test_a_member_cannot_take_another_members_email(client, member_user, other_member, address):
    client.force_login(member_user)
    person = member_user.person
    response = client.post("/fr/members/account/", profile(person, email=address))
    assert response.status_code == 200
    assert "adresse" in str(response.context["form"].errors["email"])
    person.refresh_from_db()
    member_user.refresh_from_db()
    assert person.email == "member@example.org" and member_user.email == "member@example.org"
    assert not [message for message in mail.outbox if "other@example.org" in message.to]


@pytest.mark.django_db
def test_a_member_cannot_take_a_staff_email_either(client, member_user, staff):
    client.force_login(member_user)
    response = client.post("/fr/members/account/", profile(member_user.person, email="sec@example.org"))
    assert response.status_code == 200 and response.context["form"].errors["email"]


@pytest.mark.django_db
def test_accounts_cannot_share_an_email_in_the_database(django_user_model, member_user):
    with pytest.raises(IntegrityError), transaction.atomic():
        django_user_model.objects.create_user("someone", "MEMBER@example.org", PASSWORD)
    django_user_model.objects.create_user("a", "", PASSWORD)
    django_user_model.objects.create_user("b", "", PASSWORD)  # no address is no conflict


def confirmation_link(message):
    return re.search(r"http://testserver(/\w\w/members/account/email/\S+/)", message.body).group(1)


@pytest.mark.django_db
def test_an_email_change_takes_effect_from_the_new_address(client, member_user):
    client.force_login(member_user)
    person = member_user.person
    mail.outbox.clear()
    response = client.post("/fr/members/account/", profile(person, email=" New.Address@Example.org"))
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.email == "member@example.org"  # nothing changes yet
    to_new = [message for message in mail.outbox if message.to == ["new.address@example.org"]]
    to_old = [message for message in mail.outbox if message.to == ["member@example.org"]]
    assert len(to_new) == 1 and len(to_old) == 1
    assert "/members/account/email/" not in to_old[0].body  # the notice cannot confirm
    link = confirmation_link(to_new[0])
    assert client.get(link).status_code == 200  # a link scanner's GET changes nothing
    person.refresh_from_db()
    assert person.email == "member@example.org"
    assert client.post(link).status_code == 302
    person.refresh_from_db()
    member_user.refresh_from_db()
    assert person.email == "new.address@example.org"
    assert member_user.email == "new.address@example.org"
    assert member_user.username == "new.address@example.org"  # the old address no longer signs in
    assert client.post(link).status_code == 400  # used once


@pytest.mark.django_db
def test_an_expired_or_tampered_confirmation_link_is_refused(client, member_user, settings):
    client.force_login(member_user)
    person = member_user.person
    client.post("/fr/members/account/", profile(person, email="new.address@example.org"))
    link = confirmation_link(mail.outbox[-2] if "new.address" in mail.outbox[-2].to[0] else mail.outbox[-1])
    token = link.rstrip("/").rsplit("/", 1)[1]
    forged = signing.dumps(
        {"person": person.pk, "from": "member@example.org", "to": "evil@example.org"}, salt="wrong-salt"
    )
    for bad in (link.replace(token, token[:-2] + "xx"), link.replace(token, forged)):
        assert client.post(bad).status_code == 400
    settings.MEMBERS_EMAIL_CHANGE_MAX_AGE = -1
    assert client.post(link).status_code == 400
    person.refresh_from_db()
    assert person.email == "member@example.org"


@pytest.mark.django_db
def test_a_confirmation_for_an_address_taken_meanwhile_is_refused(client, member_user, django_user_model):
    client.force_login(member_user)
    client.post("/fr/members/account/", profile(member_user.person, email="new.address@example.org"))
    link = confirmation_link(next(m for m in mail.outbox if m.to == ["new.address@example.org"]))
    django_user_model.objects.create_user("late", "NEW.address@example.org", PASSWORD)
    assert client.post(link).status_code == 400
    member_user.person.refresh_from_db()
    assert member_user.person.email == "member@example.org"


@pytest.mark.django_db
def test_another_account_cannot_use_the_confirmation_link(client, member_user, other_member):
    client.force_login(member_user)
    client.post("/fr/members/account/", profile(member_user.person, email="new.address@example.org"))
    link = confirmation_link(next(m for m in mail.outbox if m.to == ["new.address@example.org"]))
    client.force_login(other_member.user)
    assert client.post(link).status_code == 400
    other_member.refresh_from_db()
    assert other_member.email == "other@example.org"


# --- Password resets ----------------------------------------------------------------------------


def reset(client, address, ip="192.0.2.10"):
    return client.post(reverse("members:password_reset"), {"email": address}, REMOTE_ADDR=ip)


@pytest.mark.django_db
def test_resets_are_limited_per_address_with_the_same_answer(client, member_user, settings):
    settings.PORTAL_RESET_ADDRESS_RATE = "2/h"
    mail.outbox.clear()
    answers = [reset(client, "member@example.org", ip=f"192.0.2.{n}") for n in range(1, 6)]
    assert {answer.status_code for answer in answers} == {302}
    assert {answer["Location"] for answer in answers} == {reverse("members:password_reset_done")}
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_resets_are_limited_per_client(client, member_user, other_member, staff, settings):
    settings.PORTAL_RESET_CLIENT_RATE = "2/h"
    mail.outbox.clear()
    for address in ("member@example.org", "other@example.org", "sec@example.org"):
        assert reset(client, address).status_code == 302
    assert len(mail.outbox) == 2
    assert reset(client, "sec@example.org", ip="192.0.2.99").status_code == 302
    assert len(mail.outbox) == 3


@pytest.mark.django_db
def test_a_reset_mails_only_the_account_that_owns_the_address(client, member_user, other_member):
    """The attack: take another member's address, then ask for a reset to it."""
    client.force_login(other_member.user)
    client.post("/fr/members/account/", profile(other_member, email="MEMBER@example.org"))
    client.logout()
    mail.outbox.clear()
    reset(client, "Member@Example.org ")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["member@example.org"]
    uid = re.search(r"/members/reset/([\w-]+)/", mail.outbox[0].body).group(1)
    assert int(urlsafe_base64_decode(uid)) == member_user.pk


@pytest.mark.django_db
def test_people_cannot_share_an_email_in_the_database(member_user, other_member):
    other_member.email = "MEMBER@example.org"
    with pytest.raises(IntegrityError), transaction.atomic():
        other_member.save()
    assert Person.objects.filter(email="member@example.org").count() == 1


@pytest.mark.django_db
def test_one_address_trying_many_accounts_is_limited(client, settings):
    """Password spraying: few guesses for each of many accounts from one address."""
    settings.PORTAL_LOGIN_RATE = "3/h"
    answers = [member_login(client, f"person{n}@example.org", password="wrong").status_code for n in range(4)]
    assert answers == [200, 200, 200, 429]
    assert admin_login(client, "someone-else", password="wrong").status_code == 429
    other = client.post(
        reverse("members:login"), {"username": "a@example.org", "password": "x"}, REMOTE_ADDR="198.51.100.9"
    )
    assert other.status_code == 200
