"""Read replica routing (portal.db): reads from the replica, writes and what follows them from the primary.

The routing decisions are checked without a database; the rest runs on PostgreSQL with a second
connection, ``replica``, to the test database (what ``TEST: {"MIRROR": "default"}`` gives a
replica in tests), and looks at which connection each query went through.
"""

import copy

import pytest
from django.db import connection, connections, transaction
from django.db.utils import load_backend
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from association.models import Partner
from members.models import Organisation
from portal.db import (
    PIN_COOKIE,
    PRIMARY,
    REPLICA,
    PrimaryPinningMiddleware,
    PrimaryReplicaRouter,
    pinned_to_primary,
    primary_scope,
)

router = PrimaryReplicaRouter()


def _partner(name_ar, name_fr=""):
    """A partner, and the organisation that says who it is (issue 20)."""
    return Partner.objects.create(organisation=Organisation.objects.create(name_ar=name_ar, name_fr=name_fr))


@pytest.fixture(autouse=True)
def _request_scope():
    """Each test starts unpinned, as a request does, and leaves no pin to the next one."""
    with primary_scope():
        yield


# --- Decisions (any database) -----------------------------------------------------------------


def test_reads_go_to_the_replica_until_a_write_pins_the_primary():
    with primary_scope():
        assert router.db_for_read(Partner) == REPLICA
        assert router.db_for_write(Partner) == PRIMARY
        assert router.db_for_read(Partner) == PRIMARY
        assert pinned_to_primary()
    # The next request starts afresh.
    with primary_scope():
        assert router.db_for_read(Partner) == REPLICA


def test_related_reads_of_a_primary_instance_stay_on_the_primary():
    with primary_scope():
        on_primary, on_replica = Partner(), Partner()
        on_primary._state.db, on_replica._state.db = PRIMARY, REPLICA
        assert router.db_for_read(Partner, instance=on_primary) == PRIMARY
        assert router.db_for_read(Partner, instance=on_replica) == REPLICA
        assert router.allow_relation(on_primary, on_replica) is True


def test_migrations_only_on_the_primary():
    assert router.allow_migrate(PRIMARY, "association") is True
    assert router.allow_migrate(REPLICA, "association") is False
    assert router.allow_migrate(REPLICA, "association", model_name="partner") is False


def _decisions_middleware(wrote=False):
    seen = {}

    def view(request):
        seen["first read"] = router.db_for_read(Partner)
        if wrote:
            router.db_for_write(Partner)
        seen["last read"] = router.db_for_read(Partner)
        from django.http import HttpResponse

        return HttpResponse("ok")

    return PrimaryPinningMiddleware(view), seen


def test_middleware_pins_unsafe_methods_and_resets_after_each_request(settings):
    settings.DATABASE_REPLICA_PIN_SECONDS = 10
    factory = RequestFactory()
    middleware, seen = _decisions_middleware()
    response = middleware(factory.get("/ar/"))
    assert seen == {"first read": REPLICA, "last read": REPLICA}
    assert PIN_COOKIE not in response.cookies  # nothing written: the page stays cacheable
    middleware(factory.post("/ar/contact/"))
    assert seen == {"first read": PRIMARY, "last read": PRIMARY}
    assert not pinned_to_primary()  # nothing left behind in the process


def test_a_request_that_wrote_keeps_its_browser_on_the_primary_for_a_while(settings):
    settings.DATABASE_REPLICA_PIN_SECONDS = 10
    factory = RequestFactory()
    middleware, seen = _decisions_middleware(wrote=True)
    response = middleware(factory.get("/ar/"))
    assert seen == {"first read": REPLICA, "last read": PRIMARY}
    cookie = response.cookies[PIN_COOKIE]
    assert cookie["max-age"] == 10 and cookie["httponly"]
    # The browser's next request (the page a form redirected to) reads from the primary.
    middleware, seen = _decisions_middleware()
    request = factory.get("/ar/")
    request.COOKIES[PIN_COOKIE] = "1"
    middleware(request)
    assert seen == {"first read": PRIMARY, "last read": PRIMARY}
    # Switched off: no cookie.
    settings.DATABASE_REPLICA_PIN_SECONDS = 0
    middleware, seen = _decisions_middleware(wrote=True)
    assert PIN_COOKIE not in middleware(factory.get("/ar/")).cookies


# --- On PostgreSQL, with a second connection as the replica ----------------------------------

needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL (set DATABASE_URL)"
)


@pytest.fixture
def replica(settings):
    """A ``replica`` connection to the test database, the router and the middleware.

    When the run has no DATABASE_REPLICA_URL, the connection is made here (unregistered in
    DATABASES, which Django's test isolation allows) with the primary's test settings, which is
    what ``TEST: {"MIRROR": "default"}`` gives a configured replica.
    """
    added = REPLICA not in connections.settings
    if added:
        replica_settings = copy.deepcopy(connections[PRIMARY].settings_dict)
        replica_settings["TEST"] = {**replica_settings.get("TEST", {}), "MIRROR": PRIMARY}
        backend = load_backend(replica_settings["ENGINE"])
        connections[REPLICA] = backend.DatabaseWrapper(replica_settings, REPLICA)
    settings.DATABASE_ROUTERS = ["portal.db.PrimaryReplicaRouter"]
    if settings.MIDDLEWARE[0] != "portal.db.PrimaryPinningMiddleware":
        settings.MIDDLEWARE = ["portal.db.PrimaryPinningMiddleware", *settings.MIDDLEWARE]
    settings.PAGE_CACHE = False
    yield connections[REPLICA]
    connections[REPLICA].close()
    if added:
        del connections[REPLICA]


def _captured():
    return CaptureQueriesContext(connections[PRIMARY]), CaptureQueriesContext(connections[REPLICA])


@pytest.mark.postgres
@needs_postgres
@pytest.mark.django_db(transaction=True, databases="__all__")
def test_pages_render_with_reads_on_the_replica(replica, client):
    from association.models import AssociationProfile

    _partner("وزارة الداخلية", "Ministère de l'Intérieur")
    # django-solo reads the profile with get_or_create (routed as a write) when it is not cached.
    AssociationProfile.get_solo()
    primary_queries, replica_queries = _captured()
    with primary_queries, replica_queries:
        response = client.get("/ar/partners/")
    assert response.status_code == 200
    assert "وزارة الداخلية" in response.content.decode()
    assert len(replica_queries) > 0
    assert len(primary_queries) == 0
    assert PIN_COOKIE not in response.cookies


@pytest.mark.postgres
@needs_postgres
@pytest.mark.django_db(transaction=True, databases="__all__")
def test_a_read_after_a_write_in_the_same_request_goes_to_the_primary(replica):
    from django.http import HttpResponse

    log = {}

    def view(request):
        primary_queries, replica_queries = _captured()
        with primary_queries, replica_queries:
            Partner.objects.count()
        log["before"] = (len(primary_queries), len(replica_queries))
        _partner("المديرية العامة للجماعات الترابية")
        primary_queries, replica_queries = _captured()
        with primary_queries, replica_queries:
            log["count"] = Partner.objects.count()
        log["after"] = (len(primary_queries), len(replica_queries))
        return HttpResponse("ok")

    response = PrimaryPinningMiddleware(view)(RequestFactory().get("/ar/"))
    assert log["before"] == (0, 1)
    assert log["after"] == (1, 0)
    assert log["count"] == 1
    assert PIN_COOKIE in response.cookies
    # The next request, without the cookie, reads from the replica again.
    primary_queries, replica_queries = _captured()
    with primary_queries, replica_queries:
        PrimaryPinningMiddleware(lambda request: HttpResponse(str(Partner.objects.count())))(
            RequestFactory().get("/ar/")
        )
    assert (len(primary_queries), len(replica_queries)) == (0, 1)


@pytest.mark.postgres
@needs_postgres
@pytest.mark.django_db(transaction=True, databases="__all__")
def test_reads_inside_a_transaction_stay_on_the_primary(replica):
    primary_queries, replica_queries = _captured()
    with primary_scope(), primary_queries, replica_queries:
        with transaction.atomic():
            Partner.objects.count()
        assert len(primary_queries) >= 1 and len(replica_queries) == 0
        Partner.objects.count()
    assert len(replica_queries) == 1


@pytest.mark.postgres
@needs_postgres
@pytest.mark.django_db(transaction=True, databases="__all__")
def test_sign_in_then_the_redirected_page_reads_from_the_primary(replica, client, django_user_model):
    """A real form: the POST is on the primary and its browser stays there for the next page."""
    django_user_model.objects.create_user(
        "member", email="member@example.ma", password="a-long-test-password"
    )
    response = client.post(
        "/ar/members/login/", {"username": "member@example.ma", "password": "a-long-test-password"}
    )
    assert response.status_code == 302, response.content.decode()[:500]
    assert PIN_COOKIE in response.cookies
    primary_queries, replica_queries = _captured()
    with primary_queries, replica_queries:
        assert client.get(response["Location"]).status_code == 200
    assert len(primary_queries) > 0 and len(replica_queries) == 0


@pytest.mark.postgres
@needs_postgres
@pytest.mark.django_db(transaction=True, databases="__all__")
def test_pages_built_while_the_replica_may_lag_are_served_but_not_kept(
    replica, client, settings, monkeypatch
):
    """Right after an edit the replica may not have replayed it: a page built then is not stored
    under the new version (it would stay stale until the next edit); once the replica has had
    DATABASE_REPLICA_PIN_SECONDS to catch up, pages are stored again."""
    import time

    from association.models import AssociationProfile
    from portal import content_version

    settings.PAGE_CACHE = True

    settings.CONTENT_DATA_CACHE = True
    settings.DATABASE_REPLICA_PIN_SECONDS = 10
    AssociationProfile.get_solo()
    _partner("وزارة الداخلية", "Ministère de l'Intérieur")  # a new version
    assert client.get("/ar/partners/")["X-Page-Cache"] == "miss"
    assert client.get("/ar/partners/")["X-Page-Cache"] == "miss"  # built again: nothing was kept
    later = time.time() + 11
    monkeypatch.setattr(content_version.time, "time", lambda: later)
    assert client.get("/ar/partners/")["X-Page-Cache"] == "miss"
    assert client.get("/ar/partners/")["X-Page-Cache"] == "hit"
    # Without a replica, pages are kept at once (the router is what tells).
    settings.DATABASE_ROUTERS = []
    content_version.bump()
    monkeypatch.undo()
    client.get("/ar/partners/")
    assert client.get("/ar/partners/")["X-Page-Cache"] == "hit"


@pytest.mark.django_db(databases="__all__")
def test_health_fails_when_the_replica_does_not_answer(settings):
    """Public pages read from the replica: a server that cannot reach it is not ready."""
    from django.test import Client

    settings.DATABASE_ROUTERS = ["portal.db.PrimaryReplicaRouter"]
    settings.PAGE_CACHE = False
    unreachable = {
        **copy.deepcopy(connections[PRIMARY].settings_dict),
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": "/nonexistent/folder/replica.sqlite3",
        "OPTIONS": {},
    }
    had = REPLICA in connections.settings
    previous = connections[REPLICA] if had else None
    connections[REPLICA] = load_backend(unreachable["ENGINE"]).DatabaseWrapper(unreachable, REPLICA)
    try:
        response = Client().get("/health/")
    finally:
        connections[REPLICA].close()
        if had:
            connections[REPLICA] = previous
        else:
            del connections[REPLICA]
    assert response.status_code == 503
    assert response.json()["database"] == "ok" and response.json()["replica"] == "unavailable"


@pytest.mark.postgres
@needs_postgres
@pytest.mark.django_db(transaction=True, databases="__all__")
def test_health_reports_the_replica(replica, client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "replica": "ok", "cache": "ok"}
