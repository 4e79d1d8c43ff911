"""The calendar pages carry a search field that searches the activities only."""

import datetime
import re

import pytest

from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/ar/events/",
        "/ar/events/2022/5/",
        "/ar/events/agenda/",
        "/ar/events/agenda/past/",
        "/ar/events/to-be-scheduled/",
    ],
)
def test_every_calendar_page_has_a_search_field_for_the_activities(client, path):
    page = client.get(path, follow=True).content.decode()
    form = re.search(r'<form[^>]*role="search"[^>]*>.*?</form>', page, re.S)
    assert form, path
    assert 'action="/ar/search/"' in form.group(0)
    assert '<input type="hidden" name="type" value="events">' in form.group(0)
    assert "البحث في الأنشطة" in form.group(0)


def test_the_calendar_search_finds_activities_and_nothing_else(client):
    EventFactory(title_ar="لقاء تواصلي حول الجهوية المتقدمة", start_date=datetime.date(2022, 5, 12))
    EventFactory(title_ar="لقاء حول الميزانية", start_date=datetime.date(2022, 6, 2))
    response = client.get("/ar/search/", {"q": "الجهوية", "type": "events"})
    assert response.status_code == 200
    page = response.content.decode()
    titles = [
        re.sub(r"<[^>]+>", "", title)
        for title in re.findall(r'class="search-result__title".*?</a>', page, re.S)
    ]
    assert any("لقاء تواصلي حول الجهوية المتقدمة" in title for title in titles), titles
    assert "<mark>الجهوية</mark>" in page
    assert not any("الميزانية" in title for title in titles)
    assert 'value="الجهوية"' in page  # the query stays in the box


def test_the_calendar_search_field_is_in_french_on_french_pages(client):
    page = client.get("/fr/events/", follow=True).content.decode()
    assert "Rechercher dans les activités" in page
