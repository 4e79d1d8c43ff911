"""Rate limits for the public forms (membership application, contact), by client address.

django-ratelimit counts in the shared cache (Redis in production, so every app server counts
together); past the limit the visitor gets a translated 429 page (``portal.views.rate_limited``)
and nothing is stored. Logins are limited separately, per account, by django-axes.
"""

from django.conf import settings
from django_ratelimit.decorators import ratelimit


def form_rate(group, request):
    return settings.PORTAL_FORM_RATE


def limit_form_posts(view):
    """Wrap a form view: GET is never limited, POST at ``PORTAL_FORM_RATE`` per address."""
    return ratelimit(key="ip", rate=form_rate, method="POST", block=True)(view)


def client_ip(request):
    """The visitor's address: behind the proxy (``BEHIND_PROXY``), the one it appended last."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if settings.BEHIND_PROXY and forwarded:
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR") or "0.0.0.0"
