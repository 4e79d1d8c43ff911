"""A Redis cache that degrades to "no cache" when Redis is unreachable.

The cache only speeds pages up; a Redis outage must not turn them into errors. Every operation
that fails to reach Redis is logged and answered as a miss (reads) or ignored (writes), with
short socket timeouts so that a dead server costs milliseconds, not seconds.
"""

import functools
import logging

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

_FAILURES = (RedisConnectionError, RedisTimeoutError, OSError)


def _tolerant(default=None):
    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except _FAILURES as exc:
                logger.warning("Cache unavailable (%s): %s", method.__name__, exc.__class__.__name__)
                return default(*args, **kwargs) if callable(default) else default

        return wrapper

    return decorate


def _default_arg(key, default=None, *args, **kwargs):
    return default


class SharedClientRedisCacheClient(RedisCacheClient):
    """One ``redis.Redis`` client per connection pool, instead of a new one per operation.

    Django builds a client for every cache call, and redis-py's constructor fills a table of
    several hundred response callbacks each time: a quarter of a millisecond per call here,
    five calls on a page (issue 8). Clients are thread-safe (the pool lends each command a
    connection), so one per pool serves every thread.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients.setdefault(id(pool), self._client(connection_pool=pool))
        return client


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient

    get = _tolerant(_default_arg)(RedisCache.get)
    set = _tolerant()(RedisCache.set)
    add = _tolerant(False)(RedisCache.add)
    touch = _tolerant(False)(RedisCache.touch)
    delete = _tolerant(False)(RedisCache.delete)
    get_many = _tolerant(lambda *args, **kwargs: {})(RedisCache.get_many)
    set_many = _tolerant(lambda *args, **kwargs: [])(RedisCache.set_many)
    delete_many = _tolerant()(RedisCache.delete_many)
    has_key = _tolerant(False)(RedisCache.has_key)
    incr = _tolerant()(RedisCache.incr)
    clear = _tolerant(False)(RedisCache.clear)


class RateLimitCache(RedisCache):
    """The rate limiter's counters: in Redis, shared by every app server, or, while Redis
    cannot be reached, in this process's memory.

    django-ratelimit refuses every request when its cache fails (``RATELIMIT_FAIL_OPEN``
    would instead drop the limit altogether); counting per process keeps both the public
    forms and a limit. Each operation tries Redis first, so the shared count is used again
    as soon as Redis is back.
    """

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient
        self._local = LocMemCache(f"ratelimit-fallback-{id(self)}", {"TIMEOUT": 3600, "MAX_ENTRIES": 10000})

    def _fall_back(self, operation, exc):
        logger.warning(
            "Rate limit counted in this process, Redis unavailable (%s): %s",
            operation,
            exc.__class__.__name__,
        )

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().add(key, value, timeout, version)
        except _FAILURES as exc:
            self._fall_back("add", exc)
            return self._local.add(key, value, timeout, version)

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except _FAILURES as exc:
            self._fall_back("get", exc)
            return self._local.get(key, default, version)

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except _FAILURES as exc:
            self._fall_back("incr", exc)
            # Counted in Redis until now: this process starts its own count at this request.
            self._local.add(key, 0, version=version)
            return self._local.incr(key, delta, version)
