"""An event's organisers and partners are organisations (``members.Organisation``), the same
records as the press's sources and the networks; the event page and its JSON-LD name them
(issue 20)."""

import json
import re

import pytest

from association.models import AssociationProfile
from events.models import Event
from tests.events.factories import EventFactory
from tests.members.factories import NetworkFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def _jsonld(html):
    return json.loads(re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[0])


@pytest.fixture
def sefrou_meeting():
    network = NetworkFactory(
        name_ar="الشبكة المغربية للحكامة التشاركية", name_fr="Réseau marocain de la gouvernance participative"
    )
    event = EventFactory(title_ar="الملتقى الثاني للشبكة", status=Event.Status.HELD)
    event.organisers.add(network)
    event.partners.add(
        OrganisationFactory(
            name_ar="التعاون الألماني", name_fr="Coopération allemande", website="https://giz.example/"
        ),
        OrganisationFactory(name_ar="المديرية العامة للجماعات الترابية", name_fr=""),
    )
    return event


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_event_page_names_organisers_and_partners(client, sefrou_meeting, language):
    page = client.get(f"/{language}/events/event/{sefrou_meeting.pk}/").content.decode()
    organisers, partners = (
        ("الجهات المنظمة", "الشركاء") if language == "ar" else ("Organisateurs", "Partenaires")
    )
    assert f"<dt>{organisers}</dt>" in page and f"<dt>{partners}</dt>" in page
    name = (
        "الشبكة المغربية للحكامة التشاركية"
        if language == "ar"
        else "Réseau marocain de la gouvernance participative"
    )
    assert f"<bdi>{name}</bdi>" in page
    # Each name leads to the organisation's page, which gives its website (issue 20).
    giz = sefrou_meeting.partners.get(name_fr="Coopération allemande")
    assert f'<a href="/{language}/members/organisations/{giz.pk}/"><bdi>' in page
    assert "<bdi>المديرية العامة للجماعات الترابية</bdi>" in page  # no French name: the Arabic one


def test_json_ld_organizer_is_the_organisers_not_the_association(client, sefrou_meeting):
    AssociationProfile.objects.update_or_create(pk=1, defaults={"name_fr": "AMPCP", "name_ar": "الجمعية"})
    data = _jsonld(client.get(f"/fr/events/event/{sefrou_meeting.pk}/").content.decode())
    assert data["organizer"] == {
        "@type": "Organization",
        "name": "Réseau marocain de la gouvernance participative",
    }
    other = EventFactory()
    data = _jsonld(client.get(f"/fr/events/event/{other.pk}/").content.decode())
    assert data["organizer"]["name"] == "AMPCP"  # the association's own activity
    second = OrganisationFactory(name_fr="Commune de Sefrou", website="https://sefrou.example/")
    sefrou_meeting.organisers.add(second)
    data = _jsonld(client.get(f"/fr/events/event/{sefrou_meeting.pk}/").content.decode())
    assert {"@type": "Organization", "name": "Commune de Sefrou", "url": "https://sefrou.example/"} in data[
        "organizer"
    ]
    assert len(data["organizer"]) == 2


# 7 for the event and its relations, the press hook; the participants (prefetched with their people),
# the assembly's minutes and training session hooks, and the menu's two content checks (issue 20)
EVENT_PAGE_QUERIES = 12


def test_event_page_query_count_does_not_grow_with_organisations(
    client, sefrou_meeting, django_assert_num_queries
):
    """The event with its kind, agenda, documents, photos, organisers and partners (prefetched),
    and the press hook: the same count for 3 organisations as for 11."""
    url = f"/ar/events/event/{sefrou_meeting.pk}/"
    client.get(url)  # the association's profile, created on first use
    with django_assert_num_queries(EVENT_PAGE_QUERIES):
        assert client.get(url).status_code == 200
    for _ in range(4):
        sefrou_meeting.organisers.add(OrganisationFactory())
        sefrou_meeting.partners.add(OrganisationFactory())
    with django_assert_num_queries(EVENT_PAGE_QUERIES):
        assert client.get(url).status_code == 200
