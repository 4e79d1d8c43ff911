"""Free text that may be Latin inside Arabic (or Arabic inside French) is isolated in <bdi> on
the calendar's pages: venue and city, notes, agenda items, partners, documents, titles."""

import datetime

import pytest

from events.models import AgendaItem, Event, EventDocument
from tests.events.factories import EventFactory, ProgrammeFactory, ProgrammeLineFactory
from tests.members.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def seminar():
    event = EventFactory(
        title_ar="ندوة حول Smart Cities",
        title_fr="Séminaire Smart Cities",
        start_date=datetime.date(2022, 3, 15),
        status=Event.Status.HELD,
        venue_ar="فندق Sofitel Jardin des Roses",
        venue_fr="Hôtel Sofitel Jardin des Roses",
        city_ar="الرباط",
        city_fr="",
        recommendations_ar="إحداث منصة e-Services",
    )
    AgendaItem.objects.create(event=event, order=1, kind="information", title_ar="عرض GIZ", outcome_ar="OK")
    EventDocument.objects.create(event=event, title_ar="Rapport final")
    event.partners.add(OrganisationFactory(name_ar="GIZ"))
    return event


def test_event_page_isolates_latin_free_text_in_arabic(client, seminar):
    page = client.get(f"/ar/events/event/{seminar.pk}/").content.decode()
    assert "<bdi>فندق Sofitel Jardin des Roses</bdi>، <bdi>الرباط</bdi>" in page
    for text in ("ندوة حول Smart Cities", "عرض GIZ", "OK", "إحداث منصة e-Services", "Rapport final", "GIZ"):
        assert f"<bdi>{text}</bdi>" in page, text


def test_event_page_isolates_arabic_fallback_in_french(client, seminar):
    page = client.get(f"/fr/events/event/{seminar.pk}/").content.decode()
    # The city has no French name: the Arabic one is shown, isolated, after the French venue.
    assert "<bdi>Hôtel Sofitel Jardin des Roses</bdi>, <bdi>الرباط</bdi>" in page


def test_lists_isolate_titles_and_places(client, seminar):
    for url in ("/ar/events/agenda/past/", "/ar/events/2022/3/"):
        page = client.get(url).content.decode()
        assert "<bdi>ندوة حول Smart Cities</bdi>" in page, url
    agenda = client.get("/ar/events/agenda/past/").content.decode()
    assert "<bdi>فندق Sofitel Jardin des Roses</bdi>، <bdi>الرباط</bdi>" in agenda


def test_a_place_is_escaped(client):
    event = EventFactory(venue_ar="<script>x</script>", city_ar="A & B")
    page = client.get(f"/ar/events/event/{event.pk}/").content.decode()
    assert "<bdi>&lt;script&gt;x&lt;/script&gt;</bdi>، <bdi>A &amp; B</bdi>" in page


def test_schedule_note_and_programme_lines_are_isolated(client):
    EventFactory(
        schedule=Event.Schedule.TO_BE_SET,
        start_date=None,
        intended_year=2022,
        schedule_note_ar="après la COP",
    )
    assert "<bdi>après la COP</bdi>" in client.get("/ar/events/to-be-scheduled/").content.decode()
    ProgrammeLineFactory(
        programme=ProgrammeFactory(), activity_ar="Forum FMDT", content_ar="Panel (ONU-Habitat)"
    )
    page = client.get("/ar/events/programme/").content.decode()
    assert "<bdi>Panel (ONU-Habitat)</bdi>" in page
