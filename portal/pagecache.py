"""Anonymous pages from the shared cache, never stale.

What is cached: GET (and HEAD, read only) answers of 200 to visitors who are not signed in, outside
the admin, that set no cookie, used no CSRF token, left no message and vary on nothing but the
cookie and the language. The key holds the language, the scheme, the host and the full path with
its query string (everything a page is built from, besides the content).

Never stale, simply: one *content version* in the shared cache (Redis when REDIS_URL is set). Every
cached page records the version it was built under and is served only while the version is still
the same. The version is replaced

* on ``post_save``, ``post_delete`` and ``m2m_changed`` of any model of the portal apps
  (``PAGE_CACHE_APPS``), and on django-import-export's ``post_import``; except the models no
  public page shows that visitors write to (``PAGE_CACHE_QUIET_MODELS``: contact messages,
  membership applications, calendar tokens), so that a form sent or a phone reading its private
  feed does not empty the cache for everyone;
* on any INSERT, UPDATE, DELETE or TRUNCATE that reaches a table of those apps through Django's
  database connection, which catches what sends no signal: ``QuerySet.update()``,
  ``bulk_create()``, ``bulk_update()``, raw SQL, management commands and cron jobs;

each time at once and again when the transaction commits, so that another process cannot store a
page built from the data before the commit under the new version. With a read replica, pages
built in the first ``DATABASE_REPLICA_PIN_SECONDS`` of a version are not stored either (the
replica may not have replayed the write yet: ``_replica_may_lag``). Scheduled press releases
appear at their time without any write: a page is kept at most until the next scheduled
publication (``PressRelease.publish_at``), at most until local midnight (lists of upcoming events
change with the date) and never longer than ``PAGE_CACHE_TIMEOUT``.

Headers: every cacheable anonymous page carries an ``ETag`` (hash of the body), a
``Last-Modified`` (when it was built) and ``Cache-Control: public, max-age=PAGE_CACHE_MAX_AGE``
(0 by default: a proxy or browser keeps the page but asks again each time, and gets a 304 when
nothing changed); a conditional request that matches gets a 304 without the page being built.
Pages for signed-in users get ``Cache-Control: private, no-store``.

Hits for requests that can only be anonymous (no session or messages cookie, a language prefix)
are served earlier still, by ``EarlyPageCacheMiddleware``, before the session, language, CSRF,
authentication and messages middleware. The content version also keeps values derived from the
data (``per_version``: the directory's plan, the press list's years, admin counts) and
``VersionCountPaginator`` keeps counts, in a shared cache only.

The cache only speeds pages up: when it is unreachable every page is built as if uncached.
With several app processes the cache must be shared (Redis): ``PAGE_CACHE`` is on by default only
when REDIS_URL is set.
"""

import datetime
import hashlib
import re
import time
import uuid

from django.apps import AppConfig, apps
from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connections, transaction
from django.db.backends.signals import connection_created
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.dateparse import parse_datetime
from django.utils.functional import cached_property
from django.utils.http import http_date
from django.utils.timezone import is_naive, make_aware
from django.utils.translation import get_language

from portal.db import replica_in_use

VERSION_KEY = "pagecache:version"
NEXT_KEY = "pagecache:next:{token}"
PAGE_KEY = "pagecache:page:{lang}:{digest}"
DATA_KEY = "pagecache:data:{token}:{name}"
# The apps and models are named in settings (PAGE_CACHE_APPS, PAGE_CACHE_QUIET_MODELS).
DEFAULT_APPS = ()
DEFAULT_QUIET_MODELS = ()
# Response Vary headers that the key already covers (the cookie only matters for signed-in
# visitors, messages and CSRF tokens, all of which bypass the cache; the language is in the key).
_COVERED_VARY = {"cookie", "accept-language", "accept-encoding"}
_WRITE = re.compile(
    r"^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+[\"`]?(\w+)",
    re.IGNORECASE,
)
_TRUNCATE = re.compile(r"^\s*TRUNCATE\b", re.IGNORECASE)
_NO_NEXT = "none"


# --- The content version --------------------------------------------------------------------


def _new_token():
    """A content version: when it was made (for ``_replica_may_lag``), then a random part."""
    return f"{time.time():.3f}-{uuid.uuid4().hex}"


def current_version():
    """The content version, created if the cache has none (first start, eviction, flush)."""
    token = cache.get(VERSION_KEY)
    if token is None:
        cache.add(VERSION_KEY, _new_token(), None)
        token = cache.get(VERSION_KEY)
    return token


def bump():
    """A new content version: every cached page is out of date from now on."""
    cache.set(VERSION_KEY, _new_token(), None)


def _replica_may_lag(token, now=None):
    """Whether what a request read may still be older than the write that made ``token``.

    With a read replica (portal.db), a page built just after an edit may have read the replica
    before it replayed the edit; stored under the new version it would stay stale until the next
    one. So for ``DATABASE_REPLICA_PIN_SECONDS`` after a new version (the time portal.db already
    allows the replica to catch up) pages and values are served but not kept.
    """
    if not replica_in_use():
        return False
    try:
        made = float(str(token).split("-", 1)[0])
    except ValueError:
        return False  # a version from before versions carried their time
    seconds = getattr(settings, "DATABASE_REPLICA_PIN_SECONDS", 0)
    return (now if now is not None else time.time()) - made < seconds


def _data_cache_on():
    """Whether values may be kept per content version: the cache is shared by every process
    (not process-local memory, where another process's writes would go unseen), or the page
    cache, which rests on the same version, was turned on explicitly."""
    from django.core.cache import caches
    from django.core.cache.backends.dummy import DummyCache
    from django.core.cache.backends.locmem import LocMemCache

    if getattr(settings, "PAGE_CACHE", False):
        return True
    return not isinstance(caches["default"], (LocMemCache, DummyCache))


def per_version(name, compute, timeout=None, scheduled=False):
    """``compute()``, kept in the shared cache for as long as the content version stays the same.

    For values derived from the portal's data that are costly to compute and read on many pages
    (counts, lists of years): every write to a portal table replaces the version (see the module's
    docstring), so the value is never stale. The version is read before computing, as for pages:
    a value computed while a transaction is being committed is stored under a version that the
    commit replaces. ``name`` must hold everything the value depends on besides the content.
    ``scheduled=True`` for values that depend on which scheduled press releases are due: the
    value is then kept only until the next scheduled publication, as pages are.
    Without a shared cache, or when it is unreachable, ``compute()`` runs every time.
    """
    if not _data_cache_on():
        return compute()
    token = current_version()
    if token is None:
        return compute()
    if scheduled:
        name = f"{name}:until:{next_publication(token)}"
    key = DATA_KEY.format(token=token, name=name)
    stored = cache.get(key)
    if stored is not None:
        return stored[0]
    value = compute()
    if not _replica_may_lag(token):
        cache.set(key, (value,), timeout or getattr(settings, "PAGE_CACHE_TIMEOUT", 600))
    return value


class VersionCountPaginator(Paginator):
    """A paginator whose count is kept per content version (``per_version``), keyed by the
    count's own SQL: for admin changelists of tens of thousands of rows, where the count is
    asked on every page and filter. Only for querysets of the portal apps' models whose filters
    read only those apps' tables (writes elsewhere do not replace the content version)."""

    @cached_property
    def count(self):
        object_list = self.object_list
        if getattr(object_list, "model", None) is None:
            return super().count
        return version_count(object_list, lambda: Paginator.count.func(self))


def version_count(queryset, count=None):
    """``queryset.count()`` kept per content version, keyed by the count's own SQL.

    Same rule as ``VersionCountPaginator``: only for the portal apps' models whose filters read
    only those apps' tables; other querysets are counted every time.
    """
    count = count or queryset.count
    labels = getattr(settings, "PAGE_CACHE_APPS", DEFAULT_APPS)
    if queryset.model._meta.app_label not in labels:
        return count()
    sql, params = queryset.order_by().query.sql_with_params()
    digest = hashlib.sha256(repr((queryset.db, sql, params)).encode()).hexdigest()
    return per_version(f"count:{digest}", count)


def _bump_after_commit():
    bump()


def content_changed(using="default"):
    """Bump now, and again when the current transaction (if any) commits."""
    bump()
    connection = connections[using]
    if connection.in_atomic_block:
        if not any(entry[1] is _bump_after_commit for entry in connection.run_on_commit):
            transaction.on_commit(_bump_after_commit, using=using)


def _portal_tables():
    labels = getattr(settings, "PAGE_CACHE_APPS", DEFAULT_APPS)
    tables = set()
    for label in labels:
        try:
            config = apps.get_app_config(label)
        except LookupError:
            continue
        for model in config.get_models(include_auto_created=True):
            if not _quiet(model):
                tables.add(model._meta.db_table.lower())
    return frozenset(tables)


def _quiet(model):
    """Whether writes to ``model`` leave every cached page as it is (see the module's note)."""
    return model._meta.label in getattr(settings, "PAGE_CACHE_QUIET_MODELS", DEFAULT_QUIET_MODELS)


class _WriteWatcher:
    """A database execute wrapper: a write to a portal table bumps the content version."""

    tables = None

    def __call__(self, execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if isinstance(sql, str) and self._writes_portal_table(sql):
            content_changed(context["connection"].alias)
        return result

    def _writes_portal_table(self, sql):
        if _TRUNCATE.match(sql):
            return True
        match = _WRITE.match(sql)
        if not match:
            return False
        if self.tables is None:
            self.tables = _portal_tables()
        return match.group(1).lower() in self.tables


_watcher = _WriteWatcher()


def _watch(connection, **kwargs):
    # First in the list: ``connection.execute_wrapper()`` removes the last one when it exits.
    if _watcher not in connection.execute_wrappers:
        connection.execute_wrappers.insert(0, _watcher)


def _model_changed(sender, **kwargs):
    if sender._meta.app_label in getattr(settings, "PAGE_CACHE_APPS", DEFAULT_APPS) and not _quiet(sender):
        content_changed(kwargs.get("using") or "default")


def _imported(sender, **kwargs):
    content_changed()


class PageCacheConfig(AppConfig):
    """Installs the invalidation hooks in every process (web, management commands, cron)."""

    name = "portal.pagecache"
    label = "pagecache"
    verbose_name = "Page cache"

    def ready(self):
        post_save.connect(_model_changed, dispatch_uid="pagecache-save")
        post_delete.connect(_model_changed, dispatch_uid="pagecache-delete")
        m2m_changed.connect(_model_changed, dispatch_uid="pagecache-m2m")
        from import_export.signals import post_import

        post_import.connect(_imported, dispatch_uid="pagecache-import")
        connection_created.connect(_watch, dispatch_uid="pagecache-watch")
        for connection in connections.all():
            _watch(connection)


# --- Scheduled publications -------------------------------------------------------------------


# Callables ``(now) -> queryset`` of the times of scheduled items still to appear, soonest
# first, one column (``values_list("publish_at")``); apps register them in AppConfig.ready().
_scheduled = []


def register_scheduled(times_after):
    """Keep no page past the next time one of ``times_after(now)`` gives (an item appearing)."""
    if times_after not in _scheduled:
        _scheduled.append(times_after)


def _next_publication_from_database():
    """The next scheduled publication's time, as a Unix timestamp, or None."""
    now = _now_datetime()
    times = [_first_time(times_after(now)) for times_after in _scheduled]
    return min((time for time in times if time is not None), default=None)


def _first_time(queryset):
    """The first value of a one-column queryset of datetimes, as a Unix timestamp, or None.

    Read with the backend's bare cursor: this bookkeeping query runs once per content version (not
    per page) and is left out of the query log so that the pages' own query counts stay exact.
    """
    connection = connections[queryset.db]
    sql, params = queryset.query.sql_with_params()
    connection.ensure_connection()
    cursor = connection.create_cursor()
    try:
        cursor.execute(sql + " LIMIT 1", params)
        row = cursor.fetchone()
    finally:
        cursor.close()
    if not row or row[0] is None:
        return None
    value = row[0]
    if isinstance(value, str):
        value = parse_datetime(value)
    if is_naive(value):
        value = make_aware(value, timezone=datetime.UTC)
    return value.timestamp()


def _seconds_to_midnight():
    from django.utils import timezone

    now = timezone.localtime()
    midnight = (now + datetime.timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return (midnight - now).total_seconds()


def _now_datetime():
    from django.utils import timezone

    return timezone.now()


def next_publication(token):
    """When the next scheduled publication appears (timestamp) under this content version."""
    key = NEXT_KEY.format(token=token)
    stored = cache.get(key)
    if stored is None or (stored != _NO_NEXT and stored <= time.time()):
        value = _next_publication_from_database()
        stored = _NO_NEXT if value is None else value
        if not _replica_may_lag(token):
            cache.set(key, stored, getattr(settings, "PAGE_CACHE_TIMEOUT", 600) * 2)
    return None if stored == _NO_NEXT else stored


# --- The middleware -----------------------------------------------------------------------------


def _is_admin(path):
    parts = path.lstrip("/").split("/", 2)
    if parts and parts[0] == "admin":
        return True
    codes = {code for code, _name in settings.LANGUAGES}
    return len(parts) > 1 and parts[0] in codes and parts[1] == "admin"


def _may_use_cache(request):
    if request.method not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in request.META:
        return False
    if _is_admin(request.path_info):
        return False
    if "messages" in request.COOKIES:  # messages waiting to be shown (cookie storage)
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        session = getattr(request, "session", None)
        if session is not None and session.keys():
            return False  # signed in, or an anonymous session with something in it
    return True


def _signed_in(request):
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


def _storable(request, response):
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    if response.has_header("Cache-Control"):
        control = response["Cache-Control"].lower()
        if any(word in control for word in ("private", "no-store", "no-cache")):
            return False
    if response.has_header("Vary"):
        varies = {part.strip().lower() for part in response["Vary"].split(",")}
        if varies - _COVERED_VARY:
            return False
    session = getattr(request, "session", None)
    if session is not None and (session.modified or session.keys()):
        return False
    messages = getattr(request, "_messages", None)
    if messages is not None and (messages.added_new or getattr(messages, "_queued_messages", None)):
        return False
    return not _signed_in(request)


def page_key(request, language=None):
    raw = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(raw.encode()).hexdigest()
    return PAGE_KEY.format(lang=language or get_language() or "", digest=digest)


def _public_headers(response, etag, built_at):
    response["ETag"] = etag
    response["Last-Modified"] = http_date(built_at)
    response["Cache-Control"] = f"public, max-age={getattr(settings, 'PAGE_CACHE_MAX_AGE', 0)}"
    # Signed-in visitors see another page at the same address: a shared cache must tell them apart.
    patch_vary_headers(response, ["Cookie"])


def _hit_response(request, token, entry, now):
    """The stored page as a response, if ``entry`` is a page of the current version not expired."""
    if token is None or not entry or entry["version"] != token or entry["expires"] <= now:
        return None
    response = HttpResponse(entry["content"], status=200)
    for name, value in entry["headers"]:
        response[name] = value
    _public_headers(response, entry["etag"], entry["built_at"])
    response["X-Page-Cache"] = "hit"
    return get_conditional_response(
        request, etag=entry["etag"], last_modified=int(entry["built_at"]), response=response
    )


def _language_in_path(path):
    first = path.lstrip("/").split("/", 1)[0]
    return first if first in {code for code, _name in settings.LANGUAGES} else None


class EarlyPageCacheMiddleware:
    """Serves page-cache hits before the session, language, CSRF, authentication and messages
    middleware, for the requests that can only be anonymous: GET or HEAD without an
    ``Authorization`` header and without a session or messages cookie, outside the admin, at an
    address that starts with a language prefix (``/ar/…``: the language the page is stored under,
    as ``LocaleMiddleware`` would activate it). Such a request would get the very same hit from
    ``PageCacheMiddleware`` (same key, same checks); only the work of the middleware in between is
    saved. Everything else (misses, visitors with a session cookie, whether signed in or not, pages
    without a language prefix) goes on to ``PageCacheMiddleware``, which decides as before.
    Adds what the skipped middleware would add to a hit: ``Content-Language`` and
    ``Content-Length``. Placed just before ``SessionMiddleware``, after the security headers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if getattr(settings, "PAGE_CACHE", False):
            language = self._anonymous_language(request)
            if language is not None:
                key = page_key(request, language)
                found = cache.get_many([VERSION_KEY, key])
                response = _hit_response(request, found.get(VERSION_KEY), found.get(key), time.time())
                if response is not None:
                    response.headers.setdefault("Content-Language", language)
                    if not response.has_header("Content-Length"):
                        response["Content-Length"] = str(len(response.content))
                    return response
        return self.get_response(request)

    @staticmethod
    def _anonymous_language(request):
        if request.method not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in request.META:
            return None
        cookies = request.COOKIES
        if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
            return None
        if _is_admin(request.path_info):
            return None
        return _language_in_path(request.path_info)


class PageCacheMiddleware:
    """Serves and stores anonymous pages (see the module's docstring). After the session,
    language, authentication and messages middleware, so that it sees who asks in which language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not getattr(settings, "PAGE_CACHE", False) or not _may_use_cache(request):
            response = self.get_response(request)
            if _signed_in(request):
                response["Cache-Control"] = "private, no-store"
            elif response.cookies and not response.has_header("Cache-Control"):
                response["Cache-Control"] = "private, no-cache"
            return response

        key = page_key(request)
        found = cache.get_many([VERSION_KEY, key])
        token = found.get(VERSION_KEY) or current_version()
        now = time.time()
        hit = _hit_response(request, token, found.get(key), now)
        if hit is not None:
            return hit

        response = self.get_response(request)
        if token is None or not _storable(request, response):
            if _signed_in(request):
                response["Cache-Control"] = "private, no-store"
            elif response.cookies and not response.has_header("Cache-Control"):
                response["Cache-Control"] = "private, no-cache"
            return response

        timeout = getattr(settings, "PAGE_CACHE_TIMEOUT", 600)
        upcoming = next_publication(token)
        if upcoming is not None:
            timeout = min(timeout, upcoming - now)
        # Pages that list what is "upcoming" or "today" change at midnight, without any write.
        timeout = min(timeout, _seconds_to_midnight())
        etag = f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
        built_at = now
        if timeout >= 1 and not _replica_may_lag(token, now):
            cache.set(
                key,
                {
                    "version": token,
                    "expires": now + timeout,
                    "content": response.content,
                    "headers": [
                        (name, value) for name, value in response.items() if name.lower() != "set-cookie"
                    ],
                    "etag": etag,
                    "built_at": built_at,
                },
                int(timeout),
            )
        _public_headers(response, etag, built_at)
        response["X-Page-Cache"] = "miss"
        return get_conditional_response(request, etag=etag, last_modified=int(built_at), response=response)
