"""One content version for the whole portal, and values kept until it changes.

The version stands for "the portal's content as it is now": what is kept under it (the page
cache's pages, portal.pagecache; values derived from the data, ``per_version``) is never stale,
simply because a new version leaves it behind. It is replaced

* on ``post_save``, ``post_delete`` and ``m2m_changed`` of any model of the content apps
  (``PAGE_CACHE_APPS``), and after an import through django-import-export's admin; except the
  models that no public page shows and that visitors write to (``PAGE_CACHE_QUIET_MODELS``), so
  that a contact form sent does not empty the cache for everyone;
* by ``content_changed()``, which code that writes without signals (``QuerySet.update()``,
  ``bulk_create()``, management commands) calls once it is done;
* when the next scheduled publication (``register_scheduled``) is due, so that a scheduled press
  release appears at its time without any write.

A write replaces it at once and again when its transaction commits: what is built meanwhile
from the old rows is stored under a version that the commit leaves behind. With a read replica,
nothing is stored in the first DATABASE_REPLICA_PIN_SECONDS of a version (``replica_may_lag``).
Without a reachable cache there is no version, and nothing is kept.
"""

import datetime
import hashlib
import time
import uuid

from django.apps import AppConfig
from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.paginator import Paginator
from django.db import connections, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from django.utils.functional import cached_property
from import_export.signals import post_import

from portal.db import replica_in_use

VERSION_KEY = "content:version"
DUE_KEY = "content:due"  # (version, when the next scheduled item appears, or None)


def _new_version():
    """Its time of making (for ``replica_may_lag``), then a random part."""
    return f"{time.time():.3f}-{uuid.uuid4().hex[:12]}"


def bump():
    """A new content version: what was kept is out of date from now on."""
    cache.set(VERSION_KEY, _new_version(), None)


def content_changed(using="default"):
    """Bump now, and once more when the current transaction (if any) commits."""
    bump()
    connection = connections[using]
    if connection.in_atomic_block and not any(entry[1] is bump for entry in connection.run_on_commit):
        transaction.on_commit(bump, using=using)


def current_version():
    """The content version (None without a reachable cache)."""
    return version_and_due()[0]


def version_and_due(found=None):
    """The content version and when the next scheduled publication replaces it (a timestamp or
    None); a new version once it is due. ``found``: what ``cache.get_many([VERSION_KEY,
    DUE_KEY, …])`` gave, if the caller read them already."""
    found = cache.get_many([VERSION_KEY, DUE_KEY]) if found is None else found
    version, due = found.get(VERSION_KEY), found.get(DUE_KEY)
    if version is None:  # first start, eviction, flush, or no Redis
        cache.add(VERSION_KEY, _new_version(), None)
        if (version := cache.get(VERSION_KEY)) is None:
            return None, None
    if due is None or due[0] != version:
        due = (version, _next_publication())
        if not replica_may_lag(version):
            cache.set(DUE_KEY, due, None)
    if due[1] is not None and due[1] <= time.time():
        bump()
        return version_and_due()
    return due


def replica_may_lag(version):
    """With a read replica (portal.db), what was read in the first DATABASE_REPLICA_PIN_SECONDS
    of a version may predate the write that made it: served, but not kept."""
    made = float(version.split("-", 1)[0])
    return replica_in_use() and time.time() - made < settings.DATABASE_REPLICA_PIN_SECONDS


# Callables ``(now) -> queryset`` of one column, the times of scheduled items still to appear,
# soonest first; apps register them in AppConfig.ready().
_scheduled = []


def register_scheduled(times_after):
    """A new content version when the first time ``times_after(now)`` gives comes."""
    if times_after not in _scheduled:
        _scheduled.append(times_after)


def _next_publication():
    """The next scheduled item's time (a timestamp) or None. Read with a bare cursor, once per
    content version, and so left out of the query log: the pages' query counts stay exact."""
    times = []
    for times_after in _scheduled:
        queryset = times_after(timezone.now())
        sql, params = queryset[:1].query.sql_with_params()
        connection = connections[queryset.db]
        connection.ensure_connection()
        cursor = connection.create_cursor()
        try:
            cursor.execute(sql, params)
            row = cursor.fetchone()
        finally:
            cursor.close()
        if row and row[0] is not None:
            times.append(_timestamp(row[0]))
    return min(times, default=None)


def _timestamp(value):
    if isinstance(value, str):  # SQLite gives text
        value = datetime.datetime.fromisoformat(value)
    return (timezone.make_aware(value, datetime.UTC) if timezone.is_naive(value) else value).timestamp()


def _model_changed(sender, using="default", **kwargs):
    if sender._meta.app_label in settings.PAGE_CACHE_APPS and (
        sender._meta.label not in settings.PAGE_CACHE_QUIET_MODELS
    ):
        content_changed(using)


def _imported(**kwargs):
    content_changed()


class ContentVersionConfig(AppConfig):
    """Connects the signals that replace the version, in every process (web, commands, cron)."""

    name = "portal.content_version"
    label = "content_version"
    verbose_name = "Content version"

    def ready(self):
        post_save.connect(_model_changed, dispatch_uid="content-version-save")
        post_delete.connect(_model_changed, dispatch_uid="content-version-delete")
        m2m_changed.connect(_model_changed, dispatch_uid="content-version-m2m")
        post_import.connect(_imported, dispatch_uid="content-version-import")


# --- Values kept per version -----------------------------------------------------------------


def per_version(name, compute, timeout=None):
    """``compute()``, kept until the content version changes: for values derived from the data
    that many pages read (counts, lists of years). ``name`` holds everything else the value
    depends on (language, filters). Computed every time without a cache shared by every process
    (unless PAGE_CACHE is on, as tests do), when it is unreachable, or with CONTENT_DATA_CACHE
    off (the test settings: a page's pinned query count is then the same with and without Redis)."""
    if not settings.CONTENT_DATA_CACHE or (
        not settings.PAGE_CACHE and isinstance(caches["default"], (LocMemCache, DummyCache))
    ):
        return compute()
    version = current_version()
    if version is None:
        return compute()
    key = f"content:data:{version}:{name}"
    if (stored := cache.get(key)) is not None:
        return stored[0]
    value = compute()
    if not replica_may_lag(version):
        cache.set(key, (value,), timeout or settings.PAGE_CACHE_TIMEOUT)
    return value


def version_count(queryset, count=None):
    """``queryset.count()`` kept per content version, keyed by the count's own SQL: only for
    models of the content apps whose filters read only their tables."""
    count = count or queryset.count
    if queryset.model._meta.app_label not in settings.PAGE_CACHE_APPS:
        return count()
    sql, params = queryset.order_by().query.sql_with_params()
    digest = hashlib.sha256(repr((queryset.db, sql, params)).encode()).hexdigest()
    return per_version(f"count:{digest}", count)


class VersionCountPaginator(Paginator):
    """A paginator whose count is kept per content version (``version_count``): admin lists of
    tens of thousands of rows ask for it on every page and filter."""

    @cached_property
    def count(self):
        if getattr(self.object_list, "model", None) is None:
            return super().count
        return version_count(self.object_list, lambda: Paginator.count.func(self))
