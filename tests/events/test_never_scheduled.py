"""An activity whose date was never set is archived after its year, not pending for ever."""

import pytest
from django.utils import timezone

from events.models import Event
from portal import registry
from tests.events.factories import EventFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db


def _undated(title, year):
    return EventFactory(
        title_ar=title, schedule=Event.Schedule.TO_BE_SET, start_date=None, intended_year=year
    )


def test_an_undated_event_of_a_past_year_is_archived_not_pending(client):
    this_year = timezone.localdate().year
    pending = _undated("لقاء هذه السنة", this_year)
    old = _undated("اللقاء التشاوري الثاني", 2023)
    assert list(Event.objects.to_be_scheduled()) == [pending]
    assert list(Event.objects.never_scheduled()) == [old]
    month = client.get(f"/ar/events/{this_year}/1/")
    assert month.context["to_be_set_count"] == 1  # the 2023 one is not announced any more
    page = client.get("/ar/events/to-be-scheduled/").content.decode()
    pending_part, archive = page.split('id="never-scheduled-title"')
    assert "لقاء هذه السنة" in pending_part and "اللقاء التشاوري الثاني" not in pending_part
    assert "اللقاء التشاوري الثاني" in archive and "لم يحدد التاريخ قط" in archive
    detail = client.get(old.get_absolute_url()).content.decode()
    assert "لم يحدد قط تاريخ هذا النشاط المبرمج لسنة 2023" in detail
    assert "لم يحدد قط" not in client.get(pending.get_absolute_url()).content.decode()


def test_without_an_intended_year_the_year_of_entry_counts():
    event = _undated("لقاء", None)
    Event.objects.filter(pk=event.pk).update(created_at=timezone.now().replace(year=2021))
    assert list(Event.objects.never_scheduled()) == [event]
    assert Event.objects.get(pk=event.pk).is_never_scheduled


def test_unscheduled_page_queries_are_pinned(client, django_assert_num_queries):
    _undated("لقاء", timezone.localdate().year)
    _undated("لقاء قديم", 2023)
    client.get("/ar/events/to-be-scheduled/")
    with django_assert_num_queries(5) as captured:
        assert client.get("/ar/events/to-be-scheduled/").status_code == 200
    for year in (2020, 2021, 2022):
        _undated(f"لقاء {year}", year)
    with django_assert_num_queries(len(captured.captured_queries)):
        assert client.get("/ar/events/to-be-scheduled/").status_code == 200


def _menu(client):
    page = client.get("/ar/").content.decode()
    return page.split('class="main-nav"')[1].split("</nav>")[0]


def test_the_programme_menu_entry_shows_only_with_a_published_programme(client):
    assert "/ar/events/programme/" not in _menu(client)
    programme = ProgrammeFactory(published=False)
    assert "/ar/events/programme/" not in _menu(client)
    programme.published = True
    programme.save()
    assert "/ar/events/programme/" in _menu(client)
    assert any(url == "/ar/events/programme/" for _label, url in registry.nav_links())
