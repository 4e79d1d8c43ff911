"""The 2022 continuing-training programme from the sources, as the demo loads it."""

import datetime
import importlib

import pytest
from django.urls import reverse

from training.models import Audience, TrainingSession

pytestmark = pytest.mark.django_db


@pytest.fixture
def training_demo():
    for app in ("association", "members", "events", "training"):
        importlib.import_module(f"{app}.demo").load("ampcp")


def test_every_2022_session_with_its_topics_venue_and_seats(training_demo):
    sessions = list(TrainingSession.objects.for_listing())
    assert len(sessions) == 13
    officials = [s for s in sessions if s.audience == Audience.OFFICIALS]
    staff = [s for s in sessions if s.audience == Audience.STAFF]
    assert len(officials) == 12 and len(staff) == 1
    assert sessions[0].date == datetime.date(2022, 3, 17)
    assert sessions[-1].date == datetime.date(2022, 11, 24)
    assert all(len(s.topic_list) == 3 for s in officials)
    assert [t.name_ar for t in sessions[0].topic_list] == [
        "مخطط تنمية العمالة والإقليم",
        "الديموقراطية التشاركية",
        "آليات تمويل المشاريع الترابية",
    ]
    ifrane = [s for s in sessions if s.capacity == 26]
    assert [s.date for s in ifrane] == [datetime.date(2022, 7, 14), datetime.date(2022, 9, 8)]
    assert all(s.partner.organisation.name_fr == "Université Al Akhawayn d'Ifrane" for s in ifrane)
    assert {s.capacity for s in officials} == {18, 26}
    assert (
        staff[0].date == datetime.date(2022, 6, 24)
        and staff[0].partner.organisation.name_fr == "Université Mohammed V"
    )
    # Each session is the calendar's event of that day.
    assert all(s.event.kind.slug == "training" for s in sessions)


def test_demo_is_idempotent(training_demo):
    from training import demo

    before = list(TrainingSession.objects.values_list("pk", "event_id", "capacity"))
    demo.load("ampcp")
    assert list(TrainingSession.objects.values_list("pk", "event_id", "capacity")) == before
    assert demo.load("tanger-tetouan") == "no training programme in the sources"


def test_demo_catalogue_in_arabic_and_french(training_demo, client):
    html = client.get(reverse("training:catalogue")).content.decode()
    assert "برنامج التكوين المستمر لمنتخبي مجالس العمالات والأقاليم 2022" in html
    assert "17 مارس 2022" in html and "جامعة الأخوين" in html
    french = client.get("/fr/training/2022/").content.decode()
    assert "Programme 2022 de formation des cadres des conseils préfectoraux et provinciaux" in french
    assert "26 participants prévus" in french and "18 participants prévus" in french
    assert "places restantes" not in french
