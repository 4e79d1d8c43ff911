"""The calendar's demo content comes from seeds 002, 003 and 004, and loads idempotently."""

import datetime

import pytest
from django.core import serializers

from events import demo as calendar_demo
from events.models import AgendaItem, Event, EventDocument, ProgrammeLine
from members.models import Organisation

pytestmark = pytest.mark.django_db

D = datetime.date


def _snapshot():
    return [serializers.serialize("json", model.objects.order_by("pk")) for model in (Event, AgendaItem, EventDocument, ProgrammeLine)]  # fmt: skip


def test_loading_twice_changes_nothing(demo):
    first = _snapshot()
    calendar_demo.load("ampcp")
    assert _snapshot() == first


def test_the_events_named_by_the_sources_are_there(demo):
    days = set(Event.objects.dated().values_list("start_date", "end_date"))
    for expected in [
        (D(2021, 2, 5), D(2021, 2, 5)),  # executive bureau
        (D(2022, 1, 29), D(2022, 1, 29)),  # general assembly, Marrakech
        (D(2022, 3, 30), D(2022, 3, 30)),  # executive bureau with the committee chairs
        (D(2022, 4, 23), D(2022, 4, 23)),  # executive bureau
        (D(2022, 10, 10), D(2022, 10, 14)),  # UCLG congress, Daejeon
        (D(2022, 10, 24), D(2022, 10, 25)),  # UNESCO meeting
        (D(2016, 3, 30), D(2016, 3, 31)),  # Sefrou
    ]:
        assert expected in days, expected
    assembly = Event.objects.get(start_date=D(2022, 1, 29))
    assert assembly.city_ar == "مراكش" and assembly.agenda.count() >= 3
    assert Event.objects.filter(start_date=D(2022, 3, 15)).count() == 2
    assert Event.objects.to_be_set().exists()
    assert ProgrammeLine.objects.filter(programme__year=2022).count() == 37


def test_tangier_association_gets_its_meetings_without_partners(db):
    calendar_demo.load("tanger-tetouan")
    assert Event.objects.count() == 3  # seed 003: the information meeting and two consultations
    assert Organisation.objects.count() == 0
