"""Signing a staff account in for a test, second factor included."""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice


def force_login_verified(client, user):
    """``client.force_login`` plus a confirmed authenticator, as after a real two-factor login.

    Superusers need a second factor to use the admin (portal.admin_site); tests of other
    things sign them in this way rather than switching the requirement off.
    """
    device, _created = TOTPDevice.objects.get_or_create(user=user, name="test", defaults={"confirmed": True})
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client
