"""The secretariat's side: admin pages, validation messages and the programme → calendar action."""

import datetime

import pytest

from events.models import Event, EventKind, ProgrammeLine
from tests.events.factories import EventFactory, ProgrammeLineFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["event", "eventkind", "actionprogramme", "programmeline", "calendartoken"])
def test_admin_lists_and_forms_open(admin_client, model):
    EventFactory(start_date=datetime.date(2022, 1, 29))
    assert admin_client.get(f"/ar/admin/events/{model}/").status_code == 200
    if model != "calendartoken":
        assert admin_client.get(f"/fr/admin/events/{model}/add/").status_code == 200


def test_admin_event_list_keeps_a_constant_query_count(admin_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = "/ar/admin/events/event/"
    admin_client.get(url)  # the first request of a site creates the association profile
    counts = []
    for size in (5, 150):
        for n in range(size):
            EventFactory(start_date=datetime.date(2015 + n % 10, 1 + n % 12, 1 + n % 28))
        with CaptureQueriesContext(connection) as queries:
            assert admin_client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def _event_form(**changes):
    kind = EventKind.objects.get(slug="executive-bureau")
    data = {
        "kind": kind.pk,
        "title_ar": "اجتماع المكتب التنفيذي",
        "title_fr": "Réunion du bureau exécutif",
        "status": "planned",
        "visibility": "public",
        "schedule": "days",
        "start_date": "2022-04-30",
        "end_date": "2022-04-30",
        "country": "MA",
        "modality": "in_person",
    }
    for prefix in ("participants", "agenda", "documents", "photos"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    data.update(changes)
    return data


def test_admin_refuses_an_event_ending_before_it_starts_and_keeps_the_input(admin_client):
    response = admin_client.post("/fr/admin/events/event/add/", _event_form(end_date="2022-04-29"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Le dernier jour ne peut pas précéder le premier." in page
    assert 'value="Réunion du bureau exécutif"' in page
    assert not Event.objects.exists()
    response = admin_client.post("/fr/admin/events/event/add/", _event_form())
    assert response.status_code == 302
    assert Event.objects.get().end_date == datetime.date(2022, 4, 30)


def test_admin_refuses_a_date_on_an_event_to_be_set(admin_client):
    response = admin_client.post(
        "/ar/admin/events/event/add/", _event_form(schedule="to_be_set", end_date="")
    )
    assert response.status_code == 200
    assert not Event.objects.exists()


def test_schedule_action_puts_programme_lines_in_the_calendar(admin_client):
    dated = ProgrammeLineFactory(start_date=datetime.date(2022, 5, 7), activity_ar="مائدة مستديرة")
    later = ProgrammeLineFactory(
        programme=dated.programme, start_date=None, activity_ar="لقاء مع السيد وزير التعليم"
    )
    timed = ProgrammeLineFactory(
        programme=dated.programme, start_date=datetime.date(2022, 3, 15), start_time=datetime.time(10)
    )
    response = admin_client.post(
        "/ar/admin/events/programmeline/",
        {"action": "schedule_lines", "_selected_action": [dated.pk, later.pk, timed.pk]},
    )
    assert response.status_code == 302
    dated.refresh_from_db(), later.refresh_from_db(), timed.refresh_from_db()
    assert dated.event.start_date == datetime.date(2022, 5, 7) and dated.event.status == "planned"
    assert later.event.is_to_be_set and later.event.start_date is None and later.event.intended_year == 2022
    assert (
        timed.event.is_timed and timed.event.starts_at.hour == 9
    )  # 10:00 in Casablanca (UTC+1) is 09:00 UTC
    # Running it again creates nothing new.
    admin_client.post(
        "/ar/admin/events/programmeline/", {"action": "schedule_lines", "_selected_action": [dated.pk]}
    )
    assert Event.objects.count() == 3
    assert ProgrammeLine.objects.filter(event__isnull=True).count() == 0
