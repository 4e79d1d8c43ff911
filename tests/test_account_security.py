"""Accounts under attack (issue 17): one login lock per account whatever its spelling, e-mail
changes confirmed from the new address, password resets limited and sent to one account."""

import pytest
from django.urls import reverse

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
    from config.lockout import account_key

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
