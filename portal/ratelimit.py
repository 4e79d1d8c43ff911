"""Rate limits for the public forms (membership application, contact), by client address.

django-ratelimit counts in the shared cache (Redis in production, so every app server counts
together); past the limit the visitor gets a translated 429 page (``portal.views.rate_limited``)
and nothing is stored. Logins are locked per account by django-axes (``portal.lockout``) and
their posts limited per address here (``PORTAL_LOGIN_RATE``), against one address trying many
accounts.
"""

from django.conf import settings
from django_ratelimit.decorators import ratelimit
from ipware import get_client_ip


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
    """The visitor's address, for the rate limits here and django-axes' records (one rule).

    Without a proxy, the connection's own address: an ``X-Forwarded-For`` header is only what
    the visitor wrote. Behind the proxy (``BEHIND_PROXY``), the address that proxy appended
    last, skipping ``PORTAL_PROXY_COUNT - 1`` proxies in front of it, or those whose addresses
    ``PORTAL_TRUSTED_PROXIES`` lists (a CDN's ranges); what comes before is ignored.
    django-ipware reads the chain; a request that did not come through the proxies counts under
    its connection's address.
    """
    remote = request.META.get("REMOTE_ADDR") or "0.0.0.0"
    if not settings.BEHIND_PROXY:
        return remote
    address, _routable = get_client_ip(
        request,
        request_header_order=["HTTP_X_FORWARDED_FOR"],
        # python-ipware counts the proxies listed in the header: the last one is the connection.
        proxy_count=settings.PORTAL_PROXY_COUNT - 1,
        proxy_trusted_ips=settings.PORTAL_TRUSTED_PROXIES or None,
        strict=False,  # a visitor's own X-Forwarded-For may come first
    )
    return address or remote
