"""The portal's Redis: a client that skips a failing Redis for a while, and the rate limiter's
cache.

**Why a breaker.** With Redis hung (it accepts connections and never answers) or its address
black-holed, every cache call waits the socket timeout (``SOCKET_TIMEOUT``,
``SOCKET_CONNECT_TIMEOUT``) before django-redis's ``IGNORE_EXCEPTIONS`` turns it into a miss; a
page makes several (content version, page cache, session, rate limits, cached values), so every
page would take seconds. ``CircuitBreakerRedis`` is redis-py's client, named by django-redis's
``REDIS_CLIENT_CLASS`` option (config/settings.py): after a connection error or a timeout, this
process does not call that Redis server for ``REDIS_SKIP_SECONDS``; each command fails at once
with ``RedisSkipped`` (a ``ConnectionError``, which callers already handle: a miss for the default
cache, a count in this process for the rate limits). Then one command tries Redis again (the
others keep skipping meanwhile): if it answers, every command uses it again; if not, it is skipped
for another ``REDIS_SKIP_SECONDS``. A request thus waits one timeout at most, and a process one per
``REDIS_SKIP_SECONDS``. Other errors (a wrong type, a script error) are answers from a working
server and leave the breaker as it was.

Nothing maintained fits: django-redis has no such option (its maintainers asked for it to be a
client of one's own, jazzband/django-redis#281), redis-py's retries only add waits, its
``multidb`` circuit breaker fails over between several databases and needs pybreaker, which is
not installed.
"""

import logging
import threading
import time
from functools import cached_property

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django_redis.cache import RedisCache
from redis import Redis
from redis.client import Pipeline
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

_FAILURES = (RedisConnectionError, RedisTimeoutError, OSError)


class RedisSkipped(RedisConnectionError):
    """Redis failed a moment ago: not asked again before ``REDIS_SKIP_SECONDS`` have passed."""


class _Breaker:
    """The state of one Redis server in this process: when it may be asked again."""

    def __init__(self, server):
        self.server = server
        self.lock = threading.Lock()
        self.skip_until = None  # None: Redis answers; else a time.monotonic() value

    def call(self, command, *args, **kwargs):
        probing = self.skip_until is not None and self._claim_probe()
        try:
            result = command(*args, **kwargs)
        except (RedisConnectionError, RedisTimeoutError) as exc:
            self._open(exc)
            raise
        except Exception:
            self._answered(probing)  # the command's own error, from a server that answers
            raise
        self._answered(probing)
        return result

    def _claim_probe(self):
        """Raises ``RedisSkipped`` while Redis is skipped; afterwards lets one command try it
        again (True), the others skipping until that one has an answer."""
        with self.lock:
            if self.skip_until is None:  # another command's try has just answered
                return False
            if time.monotonic() < self.skip_until:
                raise RedisSkipped(f"Redis at {self.server} skipped after a failure")
            self.skip_until = time.monotonic() + settings.REDIS_SKIP_SECONDS
            return True

    def _open(self, exc):
        self.skip_until = time.monotonic() + settings.REDIS_SKIP_SECONDS
        logger.warning(
            "Redis at %s unavailable (%s): this process goes without it for %s s",
            self.server,
            exc.__class__.__name__,
            settings.REDIS_SKIP_SECONDS,
        )

    def _answered(self, probing):
        if probing:
            self.skip_until = None
            logger.warning("Redis at %s answers again", self.server)


_breakers = {}
_breakers_lock = threading.Lock()


def breaker_for(connection_pool):
    """One breaker per Redis server (whatever the database number) and process."""
    options = connection_pool.connection_kwargs
    server = options.get("path") or f"{options.get('host')}:{options.get('port')}"
    if (breaker := _breakers.get(server)) is None:
        with _breakers_lock:
            breaker = _breakers.setdefault(server, _Breaker(server))
    return breaker


def forget_failures():
    """Every Redis server counts as answering again (each test starts from there)."""
    for breaker in list(_breakers.values()):
        breaker.skip_until = None


class CircuitBreakerRedis(Redis):
    """redis-py's client, through the breaker of its server (see the module's docstring)."""

    @cached_property
    def _breaker(self):
        return breaker_for(self.connection_pool)

    def execute_command(self, *args, **options):
        return self._breaker.call(super().execute_command, *args, **options)

    def pipeline(self, transaction=True, shard_hint=None):
        return CircuitBreakerPipeline(self.connection_pool, self.response_callbacks, transaction, shard_hint)


class CircuitBreakerPipeline(Pipeline):
    """Commands sent together (django-redis's ``set_many``, ``delete_many``): one call."""

    def execute(self, raise_on_error=True):
        return breaker_for(self.connection_pool).call(super().execute, raise_on_error)


class RateLimitCache(RedisCache):
    """Counts in Redis, or in this process while Redis cannot be reached (or is skipped).

    django-ratelimit refuses every request when its cache fails, and ``RATELIMIT_FAIL_OPEN``
    would drop the limit altogether; counting per process keeps both the public forms and a
    limit. Each operation tries Redis first, so the shared count is used again as soon as Redis
    is back. (The default cache needs none of this: django-redis's ``IGNORE_EXCEPTIONS`` turns its
    failures into misses, config/settings.py.)
    """

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
