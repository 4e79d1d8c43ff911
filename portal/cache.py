"""The rate limiter's cache: counts in Redis, or in this process while Redis cannot be reached.

django-ratelimit refuses every request when its cache fails, and ``RATELIMIT_FAIL_OPEN`` would
drop the limit altogether; counting per process keeps both the public forms and a limit. Each
operation tries Redis first, so the shared count is used again as soon as Redis is back. (The
default cache needs none of this: django-redis's ``IGNORE_EXCEPTIONS`` turns its failures into
misses, config/settings.py.)
"""

import logging

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django_redis.cache import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

_FAILURES = (RedisConnectionError, RedisTimeoutError, OSError)


class RateLimitCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
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
