"""The anonymous page cache (portal.pagecache): hits, keys, who is never cached, invalidation."""

import datetime
import shutil
import time

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from association.models import AssociationProfile, ContactMessage
from portal import content_version
from press.models import PressRelease
from tests.auth import force_login_verified
from tests.press.factories import PressReleaseFactory
from tests.redis_server import free_port, redis_caches, start_redis, stop_redis

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(django_user_model):
    """An account with an active membership, as the private calendar feed needs."""
    from tests.members.factories import MembershipFactory, PersonFactory

    user = django_user_model.objects.create_user("member", password="a-long-test-password")
    MembershipFactory(person=PersonFactory(user=user))
    return user


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE = True
    settings.CONTENT_DATA_CACHE = True
    settings.PAGE_CACHE_TIMEOUT = 600
    # The association profile is created by the very first request of a site (a write).
    AssociationProfile.get_solo()


def get(client, url, **headers):
    response = client.get(url, headers=headers)
    return response, response.content.decode() if response.status_code == 200 else ""


def test_second_anonymous_request_is_a_hit_without_queries(client):
    PressReleaseFactory(title_ar="خبر للتخزين")
    first, page = get(client, "/ar/press/")
    assert first["X-Page-Cache"] == "miss" and "خبر للتخزين" in page
    with CaptureQueriesContext(connection) as queries:
        second, again = get(client, "/ar/press/")
    assert second["X-Page-Cache"] == "hit"
    assert again == page
    assert len(queries) == 0
    assert second["ETag"] == first["ETag"]
    assert second["Cache-Control"] == "public, max-age=0"
    # The headers of the outer middleware are still there on a hit.
    assert second["X-Frame-Options"] == "DENY" and second.has_header("Content-Security-Policy")


def test_key_holds_language_path_and_query(client):
    PressReleaseFactory(title_ar="خبر عربي", title_fr="Nouvelle française")
    get(client, "/ar/press/")
    response, page = get(client, "/fr/press/")
    assert response["X-Page-Cache"] == "miss"
    assert "Nouvelle française" in page and 'lang="fr"' in page
    response, _page = get(client, "/ar/press/?page=1")
    assert response["X-Page-Cache"] == "miss"
    assert get(client, "/ar/press/?page=1")[0]["X-Page-Cache"] == "hit"
    response, page = get(client, "/ar/press/")
    assert response["X-Page-Cache"] == "hit" and 'lang="ar"' in page


def test_signed_in_users_are_never_served_nor_stored(client, django_user_model):
    PressReleaseFactory(title_ar="خبر")
    get(client, "/ar/press/")
    assert get(client, "/ar/press/")[0]["X-Page-Cache"] == "hit"
    user = django_user_model.objects.create_user("member", "m@example.org", "a-long-test-password")
    client.force_login(user)
    response, _page = get(client, "/ar/press/")
    assert not response.has_header("X-Page-Cache")  # not served from the cache...
    assert response["Cache-Control"] == "private, no-store"
    PressReleaseFactory(title_ar="خبر جديد")  # a new content version
    response, page = get(client, "/ar/press/")
    assert not response.has_header("X-Page-Cache") and "خبر جديد" in page
    # ... nor stored: after the signed-in request, an anonymous visitor builds the page afresh.
    client.logout()
    assert get(client, "/ar/press/")[0]["X-Page-Cache"] == "miss"


def test_admin_and_non_200_are_never_cached(admin_client, client):
    response = admin_client.get("/ar/admin/")
    assert response.status_code == 200 and not response.has_header("X-Page-Cache")
    assert response["Cache-Control"] == "private, no-store"
    anonymous = client.get("/ar/admin/login/")
    assert not anonymous.has_header("X-Page-Cache")
    for _ in range(2):
        missing = client.get("/ar/press/no-such-item/")
        assert missing.status_code == 404 and not missing.has_header("X-Page-Cache")


def test_pages_that_set_cookies_or_use_csrf_are_not_stored(client):
    # The contact page carries a form (CSRF token and cookie): every visitor needs their own.
    first = client.get("/ar/contact/")
    assert first.status_code == 200
    if "csrftoken" in first.cookies:
        second = client.get("/ar/contact/")
        assert second.get("X-Page-Cache") != "hit"
        assert "public" not in second.get("Cache-Control", "")


def test_edit_through_the_admin_invalidates_at_once(client, superuser):
    item = PressReleaseFactory(title_ar="العنوان القديم")
    assert "العنوان القديم" in get(client, "/ar/press/")[1]
    assert get(client, "/ar/press/")[0]["X-Page-Cache"] == "hit"

    staff = force_login_verified(type(client)(), superuser)
    # An admin action (bulk-style: one save per item) ...
    response = staff.post(
        "/ar/admin/press/pressrelease/",
        {"action": "withdraw_selected", "_selected_action": [item.pk]},
    )
    assert response.status_code == 302
    assert "العنوان القديم" not in get(client, "/ar/press/")[1]
    # ... and a change form: the new title shows on the very next anonymous request.
    page = staff.get(f"/ar/admin/press/pressrelease/{item.pk}/change/")
    data = _form_data(page)
    data.update({"title_ar": "العنوان الجديد", "status": PressRelease.Status.PUBLISHED})
    response = staff.post(f"/ar/admin/press/pressrelease/{item.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    response, page = get(client, "/ar/press/")
    assert response["X-Page-Cache"] == "miss"
    assert "العنوان الجديد" in page and "العنوان القديم" not in page


def test_a_save_replaces_the_version_and_the_next_anonymous_request_is_fresh(client):
    item = PressReleaseFactory(title_ar="قبل الحفظ")
    get(client, "/ar/press/")
    assert get(client, "/ar/press/")[0]["X-Page-Cache"] == "hit"
    before = content_version.current_version()
    item.title_ar = "بعد الحفظ"
    item.save()
    assert content_version.current_version() != before
    response, page = get(client, "/ar/press/")
    assert response["X-Page-Cache"] == "miss" and "بعد الحفظ" in page and "قبل الحفظ" not in page
    # A delete too.
    item.delete()
    response, page = get(client, "/ar/press/")
    assert response["X-Page-Cache"] == "miss" and "بعد الحفظ" not in page


def test_writes_without_signals_invalidate_through_content_changed(client):
    """``update()`` and ``bulk_create()`` send no signal: the code that uses them says so."""
    item = PressReleaseFactory(title_ar="قبل التحديث")
    get(client, "/ar/press/")
    PressRelease.objects.filter(pk=item.pk).update(title_ar="بعد التحديث")
    assert get(client, "/ar/press/")[0]["X-Page-Cache"] == "hit"
    content_version.content_changed()
    response, page = get(client, "/ar/press/")
    assert response["X-Page-Cache"] == "miss" and "بعد التحديث" in page


@pytest.mark.django_db(transaction=True)
def test_a_write_in_a_transaction_replaces_the_version_again_at_commit(client):
    """A page built from the old rows while the transaction runs is stored under the version
    made at the write; the commit leaves it behind."""
    with transaction.atomic():
        PressReleaseFactory(title_ar="في معاملة")
        during = content_version.current_version()
    assert content_version.current_version() != during


def test_writes_that_no_public_page_shows_keep_the_cache(client, member):
    """A contact message, a membership application or a phone reading its private feed changes
    nothing a visitor sees: the cached pages stay (at national scale, thousands of subscribed
    phones would otherwise empty the cache every few seconds)."""
    from events.models import CalendarToken
    from members.models import MembershipApplication

    PressReleaseFactory(title_ar="خبر")
    get(client, "/ar/press/")
    ContactMessage.objects.create(
        name="Nadia", email="n@example.org", subject="s", message="m", language="ar"
    )
    MembershipApplication.objects.filter(pk=0).update(status=MembershipApplication.Status.REJECTED)
    token = CalendarToken.objects.create(user=member)
    type(client)().get(f"/ar/events/private/{token.key}/calendar.ics")  # notes the token's use
    assert CalendarToken.objects.get(pk=token.pk).last_used_at is not None
    assert get(client, "/ar/press/")[0]["X-Page-Cache"] == "hit"
    # Any other write still replaces the version.
    profile = AssociationProfile.get_solo()
    profile.name_ar = "اسم جديد"
    profile.save()
    assert get(client, "/ar/press/")[0]["X-Page-Cache"] == "miss"


def test_public_calendar_feeds_are_cached_but_a_private_feed_never_is(client, member):
    from events.models import CalendarToken

    feed = client.get("/ar/events/calendar.ics")
    assert feed["X-Page-Cache"] == "miss" and feed["Cache-Control"] == "public, max-age=0"
    assert client.get("/ar/events/calendar.ics")["X-Page-Cache"] == "hit"
    assert client.get("/ar/events/calendar.ics", headers={"if-none-match": feed["ETag"]}).status_code == 304
    token = CalendarToken.objects.create(user=member)
    for _attempt in range(2):
        private = client.get(f"/ar/events/private/{token.key}/calendar.ics")
        assert private["Cache-Control"] == "private, max-age=900" and not private.has_header("X-Page-Cache")


def test_a_scheduled_release_appears_at_its_time(client):
    PressReleaseFactory(title_ar="منشور")
    at = timezone.now() + datetime.timedelta(seconds=3)
    PressReleaseFactory(title_ar="مبرمج للنشر", status=PressRelease.Status.SCHEDULED, publish_at=at)
    response, page = get(client, "/ar/press/")
    assert response["X-Page-Cache"] == "miss" and "مبرمج للنشر" not in page
    assert get(client, "/ar/press/")[0]["X-Page-Cache"] == "hit"
    # No write happens: only the clock moves past the publication time, and a new version comes.
    before = content_version.current_version()
    time.sleep(max(0, (at - timezone.now()).total_seconds()) + 0.2)
    response, page = get(client, "/ar/press/")
    assert response["X-Page-Cache"] == "miss" and content_version.current_version() != before
    assert "مبرمج للنشر" in page
    # The list's count and years (kept per content version) moved with the clock too.
    assert "منشور" in page and response.context["paginator"].count == 2


def test_conditional_requests_get_304(client):
    PressReleaseFactory(title_ar="خبر")
    etag = client.get("/ar/press/")["ETag"]
    response = client.get("/ar/press/", headers={"if-none-match": etag})
    assert response.status_code == 304 and response.content == b""
    assert client.get("/ar/press/", headers={"if-none-match": '"other"'}).status_code == 200
    # Feeds too.
    feed = client.get("/ar/press/feed/rss/")
    assert feed.status_code == 200 and feed["Cache-Control"] == "public, max-age=0"
    assert client.get("/ar/press/feed/rss/", headers={"if-none-match": feed["ETag"]}).status_code == 304
    # After an edit the old ETag no longer matches.
    PressReleaseFactory(title_ar="خبر آخر")
    assert client.get("/ar/press/", headers={"if-none-match": etag}).status_code == 200


def test_messages_cookie_bypasses_the_cache(client):
    PressReleaseFactory()
    get(client, "/ar/press/")
    client.cookies["messages"] = "anything"
    assert client.get("/ar/press/").get("X-Page-Cache") is None


def test_cache_off_by_setting(client, settings):
    settings.PAGE_CACHE = False
    PressReleaseFactory()
    assert not client.get("/ar/press/").has_header("X-Page-Cache")


@pytest.mark.skipif(not shutil.which("redis-server"), reason="needs redis-server")
def test_with_redis_down_pages_are_built_and_cached_again_when_it_is_back(client, settings):
    """A real Redis, stopped and started again: down, every page is built (no error, not
    cached); back, pages are kept again."""
    port = free_port()
    settings.CACHES = redis_caches(port, timeout=0.2)  # the settings fixture resets the cache handler
    settings.REDIS_SKIP_SECONDS = 0.2
    server, _redis = start_redis(port)
    try:
        PressReleaseFactory(title_ar="خبر")  # with Redis up: its content version replaced
        get(client, "/ar/press/")
        assert get(client, "/ar/press/")[0]["X-Page-Cache"] == "hit"
        stop_redis(server)
        for _attempt in range(2):
            response, page = get(client, "/ar/press/")
            assert response.status_code == 200 and "خبر" in page
            assert not response.has_header("X-Page-Cache")  # neither served from nor stored in it
        assert client.get("/fr/about/").status_code == 200
        server, _redis = start_redis(port)
        time.sleep(settings.REDIS_SKIP_SECONDS)  # skipped after the failure (portal.cache)
        get(client, "/ar/press/")
        assert get(client, "/ar/press/")[0]["X-Page-Cache"] == "hit"
    finally:
        stop_redis(server)


def _form_data(response):
    """The POST data of an admin change form as it was rendered (fields and inline formsets)."""
    from django.forms import MultiWidget

    data = {}
    form = response.context["adminform"].form
    for name in form.fields:
        bound = form[name]
        value = bound.value()
        widget = bound.field.widget
        if isinstance(widget, MultiWidget) or (
            hasattr(widget, "widget") and isinstance(widget.widget, MultiWidget)
        ):
            parts = (widget if isinstance(widget, MultiWidget) else widget.widget).decompress(value)
            for index, part in enumerate(parts):
                data[f"{name}_{index}"] = "" if part is None else str(part)
            continue
        if value is None or hasattr(value, "field"):  # nothing, or a stored file (kept as is)
            continue
        data[name] = [str(v) for v in value] if isinstance(value, (list, tuple)) else value
    for inline in response.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        for name in management.fields:
            data[f"{management.prefix}-{name}"] = management[name].value()
    return data


def test_hits_without_a_session_cookie_are_served_before_the_session_and_auth_middleware(client):
    PressReleaseFactory(title_ar="خبر")
    first, page = get(client, "/ar/press/")
    assert first["X-Page-Cache"] == "miss"
    early, again = get(client, "/ar/press/")
    assert early["X-Page-Cache"] == "hit" and again == page
    request = early.wsgi_request
    assert not hasattr(request, "session") and not hasattr(request, "user")  # served early
    # The same headers as a hit served after the middleware (an anonymous session cookie).
    client.cookies["sessionid"] = "no-such-session"
    late, _page = get(client, "/ar/press/")
    assert late["X-Page-Cache"] == "hit" and hasattr(late.wsgi_request, "session")
    skip = {"set-cookie", "date"}
    assert {(k.lower(), v) for k, v in early.items() if k.lower() not in skip} == {
        (k.lower(), v) for k, v in late.items() if k.lower() not in skip
    }
    assert early["Content-Language"] == "ar" and int(early["Content-Length"]) == len(early.content)
    # Conditional requests get their 304 early too.
    assert client.get("/fr/press/").status_code == 200
    del client.cookies["sessionid"]
    assert client.get("/ar/press/", headers={"if-none-match": early["ETag"]}).status_code == 304


def test_a_session_cookie_of_a_signed_in_user_is_never_served_early(client, django_user_model):
    PressReleaseFactory(title_ar="خبر")
    get(client, "/ar/press/")
    assert get(client, "/ar/press/")[0]["X-Page-Cache"] == "hit"
    user = django_user_model.objects.create_user("member", "m@example.org", "a-long-test-password")
    client.force_login(user)
    for url in ("/ar/press/", "/fr/press/", "/ar/press/"):
        response = client.get(url)
        assert not response.has_header("X-Page-Cache") and response.wsgi_request.user.is_authenticated
    client.logout()
    client.cookies["messages"] = "anything"
    assert client.get("/ar/press/").get("X-Page-Cache") is None
