"""Rate limits for the public forms (membership application, contact), by client address.

django-ratelimit counts in the shared cache (Redis in production, so every app server counts
together); past the limit the visitor gets a translated 429 page (``portal.views.rate_limited``)
and nothing is stored. Logins are locked per account by django-axes (``portal.lockout``) and
their posts limited per address here (``PORTAL_LOGIN_RATE``), against one address trying many
accounts.
"""

from django.conf import settings
from django_ratelimit.decorators import ratelimit


def form_rate(group, request):
    return settings.PORTAL_FORM_RATE


def limit_form_posts(view):
    """Wrap a form view: GET is never limited, POST at ``PORTAL_FORM_RATE`` per address."""
    return ratelimit(key="ip", rate=form_rate, method="POST", block=True)(view)


def login_rate(group, request):
    return settings.PORTAL_LOGIN_RATE


def limit_login_posts(view):
    """Wrap a login view: POST at ``PORTAL_LOGIN_RATE`` per address, whatever the account.

    Generous (an office behind one address signs in many members) but far below what guessing
    passwords across many accounts (password spraying) needs.
    """
    return ratelimit(group="portal:login", key="ip", rate=login_rate, method="POST", block=True)(view)


def client_ip(request):
    """The visitor's address: behind the proxy (``BEHIND_PROXY``), the one it appended last."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if settings.BEHIND_PROXY and forwarded:
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR") or "0.0.0.0"
