"""A past session shows its attendance (planned and actual), never the seats left."""

import datetime

import pytest
from django.urls import reverse

from tests.events.factories import EventFactory
from tests.members.factories import PersonFactory
from tests.training.factories import ProgrammeFactory, SessionFactory
from training.models import Registration

pytestmark = pytest.mark.django_db


def _past_session(**event):
    return SessionFactory(
        event=EventFactory(start_date=datetime.date(2022, 7, 14), **event),
        programme=ProgrammeFactory(year=2022),
        capacity=26,
    )


def _detail(client, session):
    return client.get(reverse("training:session", args=[session.pk]).replace("/ar/", "/fr/")).content.decode()


def test_a_past_session_with_only_a_planned_number_says_so(client):
    session = _past_session(expected_participants=26)
    page = _detail(client, session)
    assert "26 participants prévus ; la participation effective n'est pas enregistrée." in page
    assert "places restantes" not in page and "Places" not in page
    catalogue = client.get("/fr/training/2022/").content.decode()
    assert "26 participants prévus" in catalogue and "places restantes" not in catalogue


def test_a_past_session_shows_the_recorded_attendance(client):
    session = _past_session(expected_participants=26, actual_participants=24)
    assert "24 participants présents · 26 prévus" in _detail(client, session)


def test_attended_registrations_count_when_no_number_was_recorded(client):
    session = _past_session()
    for status in ("attended", "attended", "absent"):
        Registration.objects.create(session=session, person=PersonFactory(), status=status)
    page = _detail(client, session)
    assert "2 participants présents · 26 prévus" in page


def test_an_upcoming_session_still_shows_its_seats(client):
    session = SessionFactory(capacity=18)
    assert "18 places restantes sur 18" in _detail(client, session)
