"""Staff sign-in: two-factor authentication (TOTP) and login throttling (django-axes)."""

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.roles import SECRETARIAT

PASSWORD = "a-long-test-password"


def current_token(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def reset_throttling(device):
    """A wrong code delays the next attempt (django-otp throttling); tests do not wait."""
    device.refresh_from_db()
    device.throttle_reset()


@pytest.fixture
def staff(django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("secretariat", "sec@example.org", PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=SECRETARIAT))
    return user


def login(client, username, password=PASSWORD, token=""):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "otp_token": token, "next": reverse("admin:index")},
    )


@pytest.mark.django_db
def test_staff_without_authenticator_sign_in_with_their_password(client, staff):
    response = login(client, "secretariat")
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


@pytest.mark.django_db
def test_superuser_must_set_up_an_authenticator_before_seeing_the_admin(client, superuser):
    response = login(client, "admin")
    assert response.status_code == 302
    # Password alone does not open the admin: every page leads to the set-up page.
    index = client.get(reverse("admin:index"), follow=True)
    assert index.redirect_chain[-1][0] == reverse("admin:two_factor_setup")
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 302

    setup = client.get(reverse("admin:two_factor_setup"))
    assert setup.status_code == 200
    assert "<svg" in setup.content.decode()  # the QR code, inline (no script, no external image)
    device = TOTPDevice.objects.get(user=superuser, confirmed=False)
    assert setup.context["secret"]

    wrong = client.post(reverse("admin:two_factor_setup"), {"otp_token": "000000"})
    assert wrong.status_code == 200 and wrong.context["form"].errors
    device.refresh_from_db()
    assert device.throttling_failure_count == 1  # a wrong code slows the next attempt down
    reset_throttling(device)
    confirmed = client.post(reverse("admin:two_factor_setup"), {"otp_token": current_token(device)})
    assert confirmed.status_code == 200
    assert len(confirmed.context["codes"]) == 10  # the backup codes, shown this once
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 200


@pytest.mark.django_db
def test_an_account_with_an_authenticator_needs_its_code(client, staff):
    device = TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
    missing = login(client, "secretariat")
    assert missing.status_code == 200
    assert (
        "six-digit code" in str(missing.context["form"].non_field_errors()) or missing.context["form"].errors
    )
    assert not missing.wsgi_request.user.is_authenticated

    wrong = login(client, "secretariat", token="123456" if current_token(device) != "123456" else "654321")
    assert wrong.status_code == 200

    reset_throttling(device)
    right = login(client, "secretariat", token=current_token(device))
    assert right.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


@pytest.mark.django_db
def test_the_login_form_is_in_arabic_with_the_code_field(client):
    response = client.get(reverse("admin:login"))
    html = response.content.decode()
    assert 'dir="rtl"' in html
    assert 'name="otp_token"' in html
    assert 'autocomplete="one-time-code"' in html


@pytest.mark.django_db
def test_repeated_failures_lock_the_account_out(client, staff, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for _attempt in range(3):
        login(client, "secretariat", password="wrong password")
    locked = login(client, "secretariat")  # even the right password is refused now
    assert locked.status_code == 429
    html = locked.content.decode()
    assert 'lang="ar"' in html and 'dir="rtl"' in html
    assert not client.get(reverse("admin:index")).wsgi_request.user.is_authenticated


@pytest.mark.django_db
def test_members_login_is_throttled_too(client, staff, settings):
    settings.AXES_FAILURE_LIMIT = 2
    url = reverse("members:login")
    for _attempt in range(2):
        client.post(url, {"username": "sec@example.org", "password": "wrong password"})
    locked = client.post(url, {"username": "sec@example.org", "password": PASSWORD})
    assert locked.status_code == 429
