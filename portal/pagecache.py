"""Anonymous pages from the shared cache, never stale (portal.content_version).

What is kept: GET (and HEAD) answers of 200 to visitors who are not signed in, outside the admin,
that set no cookie, used no CSRF token, left no message and vary on nothing but the language.
The key holds the language, the scheme, the host and the path with its query string; the entry
holds the content version it was built under and is served only while that version is current,
so that a hit costs one round trip (the version and the page in one ``get_many``). Entries also
end at the next scheduled publication, at local midnight (lists of upcoming events change with
the date) and after ``PAGE_CACHE_TIMEOUT``. Cached pages carry an ``ETag`` and ``Cache-Control: public,
max-age=PAGE_CACHE_MAX_AGE`` (0: browsers and proxies ask again and get a 304); pages for
signed-in visitors get ``private, no-store``.

The cache only speeds pages up: with Redis down or hung, django-redis answers misses (settings)
and every page is built, without waiting on a hung Redis more than once (portal.cache). ``PAGE_CACHE`` is on by default only with Redis: a cache in one
process's memory cannot see another process's writes.
"""

import datetime
import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers

from portal.content_version import DUE_KEY, VERSION_KEY, replica_may_lag, version_and_due


def _page_key(request, language):
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return f"pagecache:page:{language}:{hashlib.sha256(address.encode()).hexdigest()}"


def _maybe_anonymous(request):
    """GET or HEAD outside the admin, with neither credentials nor messages waiting, for a host
    the portal serves (a bad Host header goes on to Django's translated 400 page, uncached)."""
    parts = request.path_info.split("/", 3)
    return (
        _allowed_host(request)
        and request.method in ("GET", "HEAD")
        and "HTTP_AUTHORIZATION" not in request.META
        and "messages" not in request.COOKIES
        and "admin" not in parts[1:3]
    )


def _allowed_host(request):
    try:
        request.get_host()
    except DisallowedHost:
        return False
    return True


def _hit(request, found, key):
    """The stored page as a response (or a 304), if it was built under the current version."""
    entry = found.get(key)
    if not entry or entry["version"] != found.get(VERSION_KEY) or entry["expires"] <= time.time():
        return None
    response = HttpResponse(entry["content"], headers=entry["headers"])
    response["X-Page-Cache"] = "hit"
    return get_conditional_response(request, etag=response["ETag"], response=response)


class EarlyPageCacheMiddleware:
    """Serves hits before the session, language, CSRF, authentication and messages middleware,
    for requests that can only be anonymous (no session cookie) at an address with a language
    prefix: about half the work of a hit is that middleware. Adds what it would have added."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = request.path_info.split("/", 2)[1]
        if (
            settings.PAGE_CACHE
            and language in dict(settings.LANGUAGES)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and _maybe_anonymous(request)
        ):
            key = _page_key(request, language)
            if response := _hit(request, cache.get_many([VERSION_KEY, key]), key):
                response["Content-Language"] = language
                response["Content-Length"] = str(len(response.content))
                return response
        return self.get_response(request)


class PageCacheMiddleware:
    """Serves and stores anonymous pages; after the session, language, authentication and
    messages middleware, so that it knows who asks, in which language, and what they left."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE or not _maybe_anonymous(request) or request.session.keys():
            return self._private(request, self.get_response(request))
        key = _page_key(request, request.LANGUAGE_CODE)
        found = cache.get_many([VERSION_KEY, DUE_KEY, key])
        if hit := _hit(request, found, key):
            return hit
        version, due = version_and_due(found)
        response = self.get_response(request)
        if version is None or not self._storable(request, response):
            return self._private(request, response)
        etag = f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
        response["ETag"] = etag
        response["Cache-Control"] = f"public, max-age={settings.PAGE_CACHE_MAX_AGE}"
        patch_vary_headers(response, ["Cookie"])  # signed-in visitors get another page here
        now = timezone.localtime()
        midnight = (now + datetime.timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
        timeout = min(settings.PAGE_CACHE_TIMEOUT, (midnight - now).total_seconds())
        if due is not None:  # the next scheduled publication (a new version, then)
            timeout = min(timeout, due - time.time())
        if timeout >= 1 and not replica_may_lag(version):
            entry = {"version": version, "expires": time.time() + timeout, "content": response.content}
            cache.set(key, {**entry, "headers": list(response.items())}, int(timeout))
        response["X-Page-Cache"] = "miss"
        return get_conditional_response(request, etag=etag, response=response)

    @staticmethod
    def _storable(request, response):
        control = response.get("Cache-Control", "").lower()
        varies = {part.strip().lower() for part in response.get("Vary", "").split(",")} - {""}
        messages = getattr(request, "_messages", None)
        return (
            request.method == "GET"
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not any(word in control for word in ("private", "no-store", "no-cache"))
            and varies <= {"accept-language", "accept-encoding"}  # the key holds the language
            and not request.session.modified
            and not (messages is not None and messages.added_new)
            and not request.user.is_authenticated
        )

    @staticmethod
    def _private(request, response):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response["Cache-Control"] = "private, no-store"
        elif response.cookies and not response.has_header("Cache-Control"):
            response["Cache-Control"] = "private, no-cache"
        return response
