"""A hung Redis costs a page one socket timeout at most, not one per cache call
(portal.cache.CircuitBreakerRedis); sessions, sign-in and the forms' rate limits go on without it,
and the cache is used again once Redis answers. Real servers throughout (tests/redis_server.py):
one that accepts connections and never answers, an address where connections never complete, and
a redis-server."""

import logging
import shutil
import time

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import caches

from association.models import AssociationProfile, ContactMessage
from tests.members.factories import MembershipFactory
from tests.press.factories import PressReleaseFactory
from tests.redis_server import BlackHole, HungServer, redis_caches, start_redis, stop_redis

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"
CONTACT = {"name": "Fatima", "email": "fatima@example.org", "subject": "Adhésion", "message": "Bonjour"}
# The socket timeout of config/settings.py (tests.redis_server.redis_caches): a hung Redis costs
# each call that much. A page makes several cache calls (page cache, content version, values
# kept per version, the identity card, the session): without the breaker each page below waits
# seconds.
TIMEOUT = 0.5


@pytest.fixture(autouse=True)
def _as_with_redis(settings):
    """What settings.py turns on with REDIS_URL: the page cache, sessions in the cache written
    through to the database, the rate limits in their own cache."""
    settings.PAGE_CACHE = True
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    settings.RATELIMIT_USE_CACHE = "ratelimit"
    settings.REDIS_SKIP_SECONDS = 5
    AssociationProfile.get_solo()  # made by a site's very first request otherwise (a write)


def _timed(request, *args, **kwargs):
    started = time.monotonic()
    response = request(*args, **kwargs)
    return response, time.monotonic() - started


def _baseline(client, settings, addresses):
    """Seconds the pages take when built with no cache at all (templates compiled first): what
    a hung Redis may add to is measured against this, on a machine however loaded."""
    for address in addresses:
        client.get(address)
    settings.CACHES = {
        alias: {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
        for alias in ("default", "ratelimit")
    }
    return sum(_timed(client.get, address)[1] for address in addresses)


def _failures(caplog):
    """Calls that went to Redis and failed (the ones skipped are not logged)."""
    return [
        record
        for record in caplog.records
        if "unavailable (" in record.getMessage() and "Redis at" in record.getMessage()
    ]


def test_a_hung_redis_costs_a_page_one_timeout_not_one_per_cache_call(client, settings, caplog):
    PressReleaseFactory(title_ar="بلاغ المكتب التنفيذي")
    addresses = ("/ar/", "/ar/press/", "/fr/about/")
    baseline = _baseline(client, settings, addresses)
    with HungServer() as hung, caplog.at_level(logging.WARNING, logger="portal.cache"):
        settings.CACHES = redis_caches(hung.port, timeout=TIMEOUT)
        pages = [_timed(client.get, address) for address in addresses]
        asked = len(hung.connections)
    (home, first), (press, second), (about, third) = pages
    # The first cache call waits the timeout; the process then goes without Redis.
    assert asked == 1 and len(_failures(caplog)) == 1
    assert first + second + third < baseline + TIMEOUT + 1, (first, second, third, baseline)
    for response in (home, press, about):
        assert response.status_code == 200 and not response.has_header("X-Page-Cache")
    assert (
        "بلاغ المكتب التنفيذي" in home.content.decode() and "بلاغ المكتب التنفيذي" in press.content.decode()
    )
    assert '<html lang="fr" dir="ltr"' in about.content.decode()
    assert f"Redis at 127.0.0.1:{hung.port} unavailable (TimeoutError)" in caplog.text


def test_a_black_holed_redis_address_costs_one_connect_timeout(client, settings, caplog):
    """Connections that never complete (a firewall dropping packets, a host gone) wait the
    connect timeout, once."""
    PressReleaseFactory(title_ar="بلاغ المكتب التنفيذي")
    addresses = ("/ar/", "/ar/press/")
    baseline = _baseline(client, settings, addresses)
    with BlackHole() as hole, caplog.at_level(logging.WARNING, logger="portal.cache"):
        settings.CACHES = redis_caches(hole.port, timeout=TIMEOUT)
        (home, first), (press, second) = (_timed(client.get, address) for address in addresses)
    assert home.status_code == 200 and press.status_code == 200
    assert "بلاغ المكتب التنفيذي" in press.content.decode()
    assert first >= TIMEOUT  # the connect timeout, once
    assert len(_failures(caplog)) == 1
    assert first + second < baseline + TIMEOUT + 1, (first, second, baseline)
    assert f"Redis at 127.0.0.1:{hole.port} unavailable (TimeoutError)" in caplog.text


def test_with_redis_hung_members_sign_in_and_the_forms_keep_a_limit(
    client, settings, django_user_model, caplog
):
    """Sessions come from the database (cached_db), sign-in is limited and locked out as usual,
    and the public forms are counted in this process (portal.cache.RateLimitCache)."""
    settings.PORTAL_FORM_RATE = "2/h"
    user = django_user_model.objects.create_user("member@example.org", "member@example.org", PASSWORD)
    MembershipFactory(person__user=user, person__email="member@example.org")
    with HungServer() as hung, caplog.at_level(logging.WARNING, logger="portal.cache"):
        settings.CACHES = redis_caches(hung.port, timeout=TIMEOUT)
        login = client.post("/ar/members/login/", {"username": "member@example.org", "password": PASSWORD})
        account = client.get("/ar/members/account/")
        sent = [client.post("/fr/contact/", CONTACT).status_code for _attempt in range(3)]
        asked = len(hung.connections)
    assert login.status_code == 302 and login["Location"] == "/ar/members/account/"
    assert account.status_code == 200 and "member@example.org" in account.content.decode()
    assert Session.objects.count() == 1  # written through to the database
    assert sent == [302, 302, 429]
    assert ContactMessage.objects.count() == 2
    assert asked == 1 and len(_failures(caplog)) == 1  # five requests, one timeout


@pytest.mark.skipif(not shutil.which("redis-server"), reason="needs redis-server")
def test_the_cache_is_used_again_once_redis_answers(client, settings, caplog):
    """Hung, then a real Redis on the same address: skipped for REDIS_SKIP_SECONDS, then pages
    are kept again. An error of a command itself (a key of another type) is an answer: Redis
    stays in use."""
    settings.REDIS_SKIP_SECONDS = 2
    PressReleaseFactory(title_ar="بلاغ المكتب التنفيذي")
    hung = HungServer()
    port = hung.port
    settings.CACHES = redis_caches(port, timeout=TIMEOUT)
    with hung:
        assert not client.get("/ar/press/").has_header("X-Page-Cache")
    server, redis_client = start_redis(port)
    try:
        with caplog.at_level(logging.WARNING, logger="portal.cache"):
            still_skipped, elapsed = _timed(client.get, "/ar/press/")
            assert not still_skipped.has_header("X-Page-Cache") and elapsed < TIMEOUT
            assert redis_client.dbsize() == 0  # not asked
            time.sleep(settings.REDIS_SKIP_SECONDS)
            stored = client.get("/ar/press/")
            assert stored["X-Page-Cache"] == "miss" and redis_client.dbsize() > 0
            hit = client.get("/ar/press/")
            assert hit["X-Page-Cache"] == "hit" and "بلاغ المكتب التنفيذي" in hit.content.decode()
        assert f"Redis at 127.0.0.1:{port} answers again" in caplog.text
        cache = caches["default"]
        redis_client.rpush("test:1:listed", "a list, not a cached value")
        assert cache.get("listed") is None  # WRONGTYPE, ignored
        cache.set("after", "kept")
        assert cache.get("after") == "kept"
    finally:
        stop_redis(server)
