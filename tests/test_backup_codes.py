"""Staff two-factor backup codes (django-otp static tokens, stored hashed), the reset command,
and the two-factor screens in Arabic and French."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.test_staff_auth import PASSWORD, current_token, login, reset_throttling

# English phrases of the two-factor screens that must not survive in Arabic or French.
ENGLISH = (
    "Authenticator code",
    "backup code",
    "Backup codes",
    "Two-factor authentication",
    "Generate new codes",
    "remain",
    "Log in",
)


@pytest.fixture
def enrolled(client, superuser):
    """A superuser who has just set up an authenticator: returns the device and the codes shown."""
    login(client, "admin")
    client.get(reverse("admin:two_factor_setup"))
    device = TOTPDevice.objects.get(user=superuser, confirmed=False)
    response = client.post(reverse("admin:two_factor_setup"), {"otp_token": current_token(device)})
    assert response.status_code == 200
    client.logout()
    device.refresh_from_db()
    return device, response.context["codes"]


def backup_throttling_reset(user):
    for device in StaticDevice.objects.filter(user=user):
        device.throttle_reset()


@pytest.mark.django_db
def test_enrolment_shows_ten_single_use_codes_stored_hashed(client, superuser, enrolled):
    _device, codes = enrolled
    assert len(codes) == 10 and len(set(codes)) == 10
    stored = set(StaticToken.objects.filter(device__user=superuser).values_list("token", flat=True))
    assert len(stored) == 10
    assert not stored & {code.replace("-", "") for code in codes}  # never the codes themselves


@pytest.mark.django_db
def test_a_backup_code_signs_in_once(client, superuser, enrolled):
    _device, codes = enrolled
    response = login(client, "admin", token=codes[0])
    assert response.status_code == 302
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 200
    assert StaticToken.objects.filter(device__user=superuser).count() == 9
    client.logout()

    again = login(client, "admin", token=codes[0])
    assert again.status_code == 200
    assert again.context["form"].errors
    assert not again.wsgi_request.user.is_authenticated

    # Typed in capitals and with spaces, a code still works.
    backup_throttling_reset(superuser)
    assert login(client, "admin", token=f" {codes[1].upper().replace('-', ' ')} ").status_code == 302


@pytest.mark.django_db
def test_a_wrong_code_is_refused(client, superuser, enrolled):
    response = login(client, "admin", token="aaaa-bbbb")
    assert response.status_code == 200
    assert not response.wsgi_request.user.is_authenticated
    assert StaticToken.objects.filter(device__user=superuser).count() == 10


@pytest.mark.django_db
def test_wrong_codes_count_towards_the_lockout(client, superuser, enrolled, settings):
    settings.AXES_FAILURE_LIMIT = 3
    device, codes = enrolled
    for _attempt in range(3):
        login(client, "admin", token="000000" if current_token(device) != "000000" else "111111")
        reset_throttling(device)
    locked = login(client, "admin", token=codes[0])  # the right password and a good code
    assert locked.status_code == 429
    assert StaticToken.objects.filter(device__user=superuser).count() == 10


@pytest.mark.django_db
def test_regenerating_invalidates_the_old_codes(client, superuser, enrolled):
    _device, old_codes = enrolled
    assert login(client, "admin", token=old_codes[0]).status_code == 302
    page = client.get(reverse("admin:two_factor_backup_codes"))
    assert page.status_code == 200
    assert page.context["remaining"] == 9
    assert "codes" not in page.context  # codes are shown once, when made, never again

    regenerated = client.post(reverse("admin:two_factor_backup_codes"))
    new_codes = regenerated.context["codes"]
    assert len(new_codes) == 10 and not set(new_codes) & set(old_codes)
    assert 'dir="ltr"' in regenerated.content.decode()
    client.logout()

    assert login(client, "admin", token=old_codes[1]).status_code == 200
    backup_throttling_reset(superuser)
    assert login(client, "admin", token=new_codes[0]).status_code == 302


@pytest.mark.django_db
def test_staff_without_an_authenticator_have_no_backup_codes_page(client, superuser):
    from django.contrib.auth.models import User

    User.objects.create_user("clerk", "clerk@example.org", PASSWORD, is_staff=True)
    login(client, "clerk")
    response = client.get(reverse("admin:two_factor_backup_codes"))
    assert response.status_code == 302
    assert response.url == reverse("admin:two_factor_setup")


@pytest.mark.django_db
def test_reset_2fa_command_removes_authenticator_and_codes(client, superuser, enrolled):
    call_command("reset_2fa", "admin", verbosity=0)
    assert not TOTPDevice.objects.filter(user=superuser).exists()
    assert not StaticDevice.objects.filter(user=superuser).exists()
    # The superuser must set up a new authenticator at the next sign-in.
    assert login(client, "admin").status_code == 302
    index = client.get(reverse("admin:index"), follow=True)
    assert index.redirect_chain[-1][0] == reverse("admin:two_factor_setup")


def visible_text(html):
    html = re.sub(r"(?s)<(script|style|svg)\b.*?</\1>", "", html)
    return re.sub(r"<[^>]+>", " ", html)


def assert_no_english(html):
    text = visible_text(html)
    for phrase in ENGLISH:
        assert phrase.lower() not in text.lower(), phrase


@pytest.mark.django_db
@pytest.mark.parametrize("language, direction", [("ar", "rtl"), ("fr", "ltr")])
def test_two_factor_screens_are_translated(client, superuser, language, direction):
    from django.utils import translation

    translation.activate(language)
    login_page = client.get(reverse("admin:login"))
    assert f'lang="{language}" dir="{direction}"' in login_page.content.decode()
    assert_no_english(login_page.content.decode())

    login(client, "admin")
    setup = client.get(reverse("admin:two_factor_setup"))
    html = setup.content.decode()
    assert f'lang="{language}" dir="{direction}"' in html
    assert '<figure class="two-factor__qr" dir="ltr">' in html  # the key reads left to right
    assert_no_english(html)
    device = TOTPDevice.objects.get(user=superuser, confirmed=False)
    shown = client.post(reverse("admin:two_factor_setup"), {"otp_token": current_token(device)})
    assert_no_english(shown.content.decode())
    assert f'lang="{language}" dir="{direction}"' in shown.content.decode()

    page = client.get(reverse("admin:two_factor_backup_codes"))
    assert_no_english(page.content.decode())
    client.logout()

    wrong = login(client, "admin", token="zzzz-zzzz")
    assert_no_english(wrong.content.decode())
    backup_throttling_reset(superuser)
    with_code = login(client, "admin", token=shown.context["codes"][0])
    assert with_code.status_code == 302
    index = client.get(reverse("admin:index"))
    assert_no_english(index.content.decode())  # the message about the code used
