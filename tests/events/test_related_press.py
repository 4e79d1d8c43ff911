"""An activity's page lists the published press releases and news related to it (registered by
the press side through ``portal.registry``), never the unpublished ones, in a constant number of
queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from press.models import PressRelease
from tests.events.factories import EventFactory
from tests.press.factories import PressReleaseFactory

pytestmark = pytest.mark.django_db

HEADING = {
    "ar": "البلاغات والأخبار المتعلقة بهذا النشاط",
    "fr": "Communiqués et actualités sur cette activité",
}


def _page(client, event, language="ar"):
    response = client.get(f"/{language}/events/event/{event.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def _related(event, **kwargs):
    release = PressReleaseFactory(**kwargs)
    release.related_events.add(event)
    return release


def test_event_page_lists_published_related_press_only(client):
    event = EventFactory()
    now = timezone.now()
    published = _related(
        event, title_ar="بلاغ منشور عن الاجتماع", title_fr="Communiqué publié sur la réunion"
    )
    due = _related(event, title_ar="بلاغ حان موعده", status=PressRelease.Status.SCHEDULED,
                   publish_at=now - datetime.timedelta(hours=1))  # fmt: skip
    hidden = [
        _related(event, title_ar="مسودة بلاغ", status=PressRelease.Status.DRAFT, publish_at=None),
        _related(event, title_ar="بلاغ مسحوب", status=PressRelease.Status.WITHDRAWN),
        _related(
            event,
            title_ar="بلاغ مبرمج لاحقا",
            status=PressRelease.Status.SCHEDULED,
            publish_at=now + datetime.timedelta(days=2),
        ),
    ]
    unrelated = PressReleaseFactory(title_ar="خبر عن نشاط آخر")

    page = _page(client, event)
    assert HEADING["ar"] in page
    for release in (published, due):
        assert f'<a href="{release.get_absolute_url()}"><bdi>{release.title_ar}</bdi></a>' in page
    for release in (*hidden, unrelated):
        assert release.title_ar not in page and release.get_absolute_url() not in page
    # Newest first, each with its date.
    assert page.index(due.title_ar) < page.index(published.title_ar)
    assert published.publish_at.strftime("%Y") in page

    french = _page(client, event, "fr")
    assert HEADING["fr"] in french and "Communiqué publié sur la réunion" in french


def test_no_section_without_published_related_press(client):
    event = EventFactory()
    _related(event, status=PressRelease.Status.DRAFT, publish_at=None)
    assert HEADING["ar"] not in _page(client, event)


def _queries(client, event):
    with CaptureQueriesContext(connection) as context:
        _page(client, event)
    return len(context)


def test_related_press_keeps_the_query_count_constant(member_client):
    event = EventFactory()
    _related(event)
    member_client.get(f"/ar/events/event/{event.pk}/")  # warm the per-process caches
    few = _queries(member_client, event)
    for _index in range(12):
        _related(event)
    _related(event, status=PressRelease.Status.DRAFT, publish_at=None)
    page = _page(member_client, event)
    assert page.count("<bdi>خبر رقم") == 13
    assert _queries(member_client, event) == few
