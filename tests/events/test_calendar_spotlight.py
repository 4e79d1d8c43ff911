"""The calendar opens on today's activities, or the next ones (issue 22), in one query at most."""

import datetime

import pytest
from django.utils import timezone

from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db


def _spotlight(response):
    html = response.content.decode()
    start = html.index('class="calendar-spotlight"')
    return html[start : html.index("</section>", start)]


def test_calendar_opens_on_todays_activities(client):
    today = timezone.localdate()
    EventFactory(
        title_ar="لقاء اليوم",
        start_date=today - datetime.timedelta(days=1),
        end_date=today + datetime.timedelta(days=1),
    )
    EventFactory(title_ar="لقاء الغد", start_date=today + datetime.timedelta(days=1))
    block = _spotlight(client.get("/ar/events/"))
    assert "أنشطة اليوم" in block and "لقاء اليوم" in block and "لقاء الغد" not in block


def test_without_activity_today_it_opens_on_the_next_three(client):
    today = timezone.localdate()
    for days in (40, 5, 70, 90):
        EventFactory(title_ar=f"بعد {days} يوما", start_date=today + datetime.timedelta(days=days))
    block = _spotlight(client.get("/fr/events/"))
    assert "Les prochaines activités" in block and "Réunion" in block
    titles = [days for days in (5, 40, 70, 90) if f"بعد {days} يوما" in _spotlight(client.get("/ar/events/"))]
    assert titles == [5, 40, 70]


def test_a_month_asked_for_has_no_spotlight_and_an_empty_calendar_none(client):
    EventFactory(start_date=timezone.localdate())
    assert "calendar-spotlight" not in client.get("/ar/events/2022/3/").content.decode()


def test_calendar_query_count_is_pinned(client, django_assert_max_num_queries):
    today = timezone.localdate()
    for days in (3, 5, 9):
        EventFactory(start_date=today + datetime.timedelta(days=days + 40))
    client.get("/ar/events/")  # warms the per-process caches
    # the next activities: their query, and the longest span (kept per version); and the menu's
    # two content checks (issue 20)
    with django_assert_max_num_queries(8):
        assert client.get("/ar/events/").status_code == 200
    EventFactory(start_date=today)
    client.get("/ar/events/")
    # today's activities come from the month already read; the menu's two checks as above
    with django_assert_max_num_queries(6):
        assert client.get("/ar/events/").status_code == 200


def test_with_nothing_to_come_it_opens_on_the_latest_activities(client):
    today = timezone.localdate()
    for days in (400, 30, 200, 10):
        EventFactory(title_ar=f"قبل {days} يوما", start_date=today - datetime.timedelta(days=days))
    block = _spotlight(client.get("/ar/events/"))
    assert "آخر الأنشطة" in block
    assert [days for days in (10, 30, 200, 400) if f"قبل {days} يوما" in block] == [10, 30, 200]
