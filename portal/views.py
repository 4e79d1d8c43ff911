from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language_from_path
from django.views.decorators.cache import never_cache


def rate_limited(request, exception):
    """Too many form submissions from one address: a translated page, status 429."""
    return render(request, "429.html", status=429)


@never_cache
def csrf_failure(request, reason=""):
    """``CSRF_FAILURE_VIEW``: a form sent without a valid token, in the portal's layout, status 403.

    What a visitor meets after leaving a form open past the token's life or with cookies off:
    it says to reload the form and send it again, with a link to the page the form came from
    (the referring page when it is one of the portal's, else the address it was sent to).
    """
    back = request.headers.get("Referer", "")
    if not _same_site(request, back):
        back = request.get_full_path()
    return render(request, "403_csrf.html", {"form_url": back}, status=403)


@never_cache
def switch_language(request):
    """The language switcher's links: ``?to=`` the page in the chosen language.

    Remembers the choice in the language cookie, so that ``/`` opens that language next time
    (``LocaleMiddleware`` reads it there; pages under ``/ar/`` and ``/fr/`` follow their prefix),
    then redirects to the page. The cookie is set on this redirect only, never on a page the
    page cache keeps. Anything but an address of the portal in one of its languages leads to
    the home page, with nothing remembered (no open redirect).
    """
    target = request.GET.get("to", "")
    language = get_language_from_path(target) if target.startswith("/") else None
    if language is None or not target.isprintable() or not _same_site(request, target):
        return HttpResponseRedirect(reverse("association:home"))
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


def _same_site(request, url):
    return url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
