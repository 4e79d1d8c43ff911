"""One login lock per account, whatever name it was tried under (django-axes).

django-axes counts failures per "username" exactly as typed, so each spelling of an account
(``MEMBER@example.org``, `` member@example.org ``, full-width letters, the e-mail of a staff
account instead of its user name) used to get its own five guesses. ``account_key`` is
django-axes' ``AXES_USERNAME_CALLABLE``: it turns whatever was typed into one key per account,
``user:<pk>``, when the identifier names an account by its user name or its e-mail in any case
or Unicode compatibility form; otherwise into the identifier normalised the same way, so
unknown names are throttled just alike and a lockout says nothing about who has an account.
Axes calls it on failure, on the lockout check and on success (with the user name), so the
failures of every spelling are counted together and cleared together.

The lock is per account from any address (``AXES_LOCKOUT_PARAMETERS = ["username"]``), not per
account and address: guesses spread over many addresses (a botnet, rotating proxies) still stop
at ``AXES_FAILURE_LIMIT``. The price is that anyone can lock an account for
``AXES_COOLOFF_HOURS``; the member can still reset the password by e-mail, and the secretariat can
lift the lock (``axes_reset_username user:<pk>``). One address trying many accounts is limited
separately, by django-ratelimit (``PORTAL_LOGIN_RATE``, ``portal.ratelimit.limit_login_posts``):
a per-address axes lock at five failures would lock out a whole town hall behind one NAT.
"""

import unicodedata

from django.contrib.auth import get_user_model
from django.db.models import Q


def normalise_identifier(value):
    """What was typed, as one spelling: compatibility forms folded (NFKC), case folded, trimmed."""
    return unicodedata.normalize("NFKC", str(value or "")).strip().casefold()


def account_for(identifier):
    """The account a user name or e-mail names (any case or form), or None.

    Looked up both as typed (trimmed) and normalised, so that whatever the database's
    case-insensitive comparison matches (what the authentication backends accept) is found
    too; where two accounts match (addresses from before they were unique), the oldest.
    """
    typed = str(identifier or "").strip()
    normalised = normalise_identifier(identifier)
    if not normalised:
        return None
    User = get_user_model()
    username = User.USERNAME_FIELD
    lookup = Q()
    for value in {typed, normalised}:
        lookup |= Q(**{f"{username}__iexact": value}) | Q(email__iexact=value)
    return User._default_manager.filter(lookup).order_by("pk").first()


def account_key(request, credentials):
    """django-axes' name for the attempt: ``user:<pk>`` for an account, else the normalised text."""
    field = "username"
    identifier = (credentials or {}).get(field)
    if identifier is None and request is not None:
        identifier = getattr(request, "data", request.POST).get(field)
    if identifier is None:
        return None
    user = account_for(identifier)
    if user is not None:
        return f"user:{user.pk}"
    return normalise_identifier(identifier)
