"""Backup codes for staff two-factor authentication, on django-otp's static tokens.

A superuser who loses the phone signs in with one of ten single-use codes made when the
authenticator was set up (or later, on request). django-otp keeps a static token as given;
the portal gives it a keyed hash of the code instead (HMAC under ``SECRET_KEY``), so a copy
of the database or a backup does not hand out working codes. The code typed at sign-in is
hashed the same way before django-otp looks it up and deletes it. Changing ``SECRET_KEY``
therefore voids the codes (the authenticator app is not affected).
"""

from django.db import transaction
from django.utils.crypto import salted_hmac
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

COUNT = 10
DEVICE_NAME = "backup codes"
KEY_SALT = "config.backup_codes"


def normalise(code):
    """The code as generated: spaces and hyphens dropped, lower case."""
    return "".join(code.split()).replace("-", "").lower()


def digest(code):
    """What is stored for ``code`` (16 hex characters: StaticToken.token holds 16)."""
    return salted_hmac(KEY_SALT, normalise(code), algorithm="sha256").hexdigest()[:16]


def display(code):
    """``abcd-efgh``: easier to read aloud and to copy by hand."""
    return f"{code[:4]}-{code[4:]}"


def generate(user):
    """Replace the user's backup codes with ten new ones; returns them, to be shown once."""
    codes = set()
    while len(codes) < COUNT:
        codes.add(StaticToken.random_token())
    codes = sorted(codes)
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=True)
        StaticToken.objects.bulk_create(StaticToken(device=device, token=digest(code)) for code in codes)
    return [display(code) for code in codes]


def remaining(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def verify(user, code):
    """The backup-code device ``code`` belongs to, the code then spent; else None.

    django-otp throttles each device: every wrong code doubles the wait before the next try.
    The device row is locked while its code is checked and spent, so two sign-ins racing
    with the same code cannot both succeed.
    """
    with transaction.atomic():
        for device in StaticDevice.objects.devices_for_user(user, confirmed=True).select_for_update():
            if device.verify_token(digest(code)):
                return device
    return None
