"""People at events (issue 20): speakers, moderators, delegations and officials, with their
role and, when known, the register's person; on the event page, in JSON-LD, in iCal and on the
person's public page."""

import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from icalendar import Calendar

from bureau.models import Mandate, Seat
from events.models import Event, EventParticipant
from tests.events.factories import EventFactory
from tests.members.factories import PersonFactory

pytestmark = pytest.mark.django_db


def _json_ld(page):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return [json.loads(block) for block in blocks]


def _event_with_people():
    event = EventFactory(title_ar="المؤتمر العالمي", title_fr="Congrès mondial")
    head = PersonFactory(name_ar="عبد العزيز الدرويش", name_fr="Abdelaziz Derouiche")
    member = PersonFactory(
        name_ar="اعتماد الزهيدي", name_fr="Itimad Zahidi", gender="f", aliases="اعتماد الزاهيدي"
    )
    EventParticipant.objects.create(
        event=event, person=head, role="delegation_head", order=1, capacity_ar="رئيس الجمعية",
        capacity_fr="Président de l'association",
    )  # fmt: skip
    EventParticipant.objects.create(event=event, person=member, role="delegation_member", order=2)
    EventParticipant.objects.create(
        event=event, name_ar="حمزة بلكبير", name_fr="Hamza Belkbir", gender="m", role="official", order=3,
        capacity_ar="رئيس الوفد المغربي الرسمي", capacity_fr="Chef de la délégation marocaine officielle",
    )  # fmt: skip
    EventParticipant.objects.create(
        event=event, role="speaker", order=4, capacity_ar="ممثل وكالة التعاون الألماني",
        capacity_fr="Représentant de la coopération allemande",
    )  # fmt: skip
    return event, head, member


def test_a_participant_needs_a_person_a_name_or_a_capacity():
    event = EventFactory()
    with pytest.raises(ValidationError) as error:
        EventParticipant(event=event, role="speaker").full_clean()
    assert error.value.messages == ["يُختار شخص من السجل، أو يُكتب اسم أو صفة."]
    EventParticipant(event=event, role="speaker", capacity_ar="ممثل وكالة التعاون الألماني").full_clean()


def test_role_titles_agree_with_the_gender(client):
    event, _head, _member = _event_with_people()
    page = client.get(event.get_absolute_url()).content.decode()
    assert "رئيس الوفد" in page  # the head (a man)
    assert "عضوة الوفد" in page  # a woman of the register: the feminine title
    french = client.get(event.get_absolute_url().replace("/ar/", "/fr/")).content.decode()
    assert "Chef de la délégation" in french and "Membre de la délégation" in french


def test_event_page_lists_the_people_with_the_register_name_and_a_link(client):
    event, head, _member = _event_with_people()
    page = client.get(event.get_absolute_url()).content.decode()
    section = page.split('id="participants-title"')[1].split("</section>")[0]
    names = re.findall(r"<bdi>([^<]+)</bdi>", section)
    assert names[:2] == ["عبد العزيز الدرويش", "رئيس الجمعية"]
    assert "حمزة بلكبير" in names and "ممثل وكالة التعاون الألماني" in names
    # People of the register link to their public page; typed names do not.
    assert f'href="http://testserver/ar/bureau/people/{head.pk}/"' in section
    assert section.count("/bureau/people/") == 2
    french = client.get(event.get_absolute_url().replace("/ar/", "/fr/")).content.decode()
    assert "Abdelaziz Derouiche" in french and "Hamza Belkbir" in french


def test_json_ld_names_the_performers():
    event, head, _member = _event_with_people()
    page = Client().get(event.get_absolute_url()).content.decode()
    (data,) = [block for block in _json_ld(page) if block.get("@type") == "Event"]
    performers = data["performer"]
    assert [p.get("name") for p in performers] == [
        "عبد العزيز الدرويش",
        "اعتماد الزهيدي",
        "حمزة بلكبير",
        None,
    ]
    assert performers[0]["url"].endswith(f"/ar/bureau/people/{head.pk}/")
    assert performers[0]["description"] == "رئيس الوفد – رئيس الجمعية"
    assert "url" not in performers[2] and performers[3]["description"].startswith("متدخل")


def test_ical_description_names_the_people():
    event, _head, _member = _event_with_people()
    for url in ("/fr/events/calendar.ics", f"/fr/events/event/{event.pk}/calendar.ics"):
        (entry,) = Calendar.from_ical(Client().get(url).content).walk("VEVENT")
        description = str(entry["DESCRIPTION"])
        assert "Chef de la délégation: Abdelaziz Derouiche – Président de l'association" in description
        assert "Officiel: Hamza Belkbir – Chef de la délégation marocaine officielle" in description


def test_the_person_page_lists_where_they_spoke_and_only_visible_events(client):
    _event, _head, member = _event_with_people()
    hidden = EventFactory(title_ar="اجتماع داخلي", visibility=Event.Visibility.BUREAU)
    EventParticipant.objects.create(event=hidden, person=member, role="speaker")
    # A person without any bureau seat gets a page through their participations alone.
    response = client.get(f"/ar/bureau/people/{member.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "المؤتمر العالمي" in page and "عضوة الوفد" in page
    assert "اجتماع داخلي" not in page
    # Someone with no seat and no visible participation has no public page.
    nobody = PersonFactory()
    EventParticipant.objects.create(event=hidden, person=nobody, role="speaker")
    assert client.get(f"/ar/bureau/people/{nobody.pk}/").status_code == 404


def test_the_person_page_of_a_bureau_member_keeps_the_roles(client):
    _event, head, _member = _event_with_people()
    mandate = Mandate.objects.create(is_current=True, start="2022-01-29")
    Seat.objects.create(mandate=mandate, office="president", person=head)
    page = client.get(f"/ar/bureau/people/{head.pk}/").content.decode()
    assert "الرئيس" in page and "المؤتمر العالمي" in page


def test_event_page_queries_do_not_grow_with_participants(client, django_assert_num_queries):
    event, _head, _member = _event_with_people()
    client.get(event.get_absolute_url())  # the profile's and the nav's first reads
    # the assembly's minutes and the training session hooks (one query each) joined the page
    with django_assert_num_queries(12) as captured:
        assert client.get(event.get_absolute_url()).status_code == 200
    for n in range(6):
        EventParticipant.objects.create(
            event=event, person=PersonFactory(), role="delegation_member", order=10 + n
        )
    with django_assert_num_queries(len(captured.captured_queries)):
        assert client.get(event.get_absolute_url()).status_code == 200


def test_person_page_queries_do_not_grow_with_participations(client, django_assert_num_queries):
    _event, head, _member = _event_with_people()
    url = f"/ar/bureau/people/{head.pk}/"
    client.get(url)
    with django_assert_num_queries(7) as captured:
        assert client.get(url).status_code == 200
    for _ in range(5):
        EventParticipant.objects.create(event=EventFactory(), person=head, role="speaker")
    with django_assert_num_queries(len(captured.captured_queries)):
        assert client.get(url).status_code == 200


def test_admin_adds_participants_inline_and_refuses_an_empty_row(admin_client):
    from tests.events.test_admin import _event_form

    person = PersonFactory(name_ar="لحسن زلمط", name_fr="Lahcen Zalmat")
    page = admin_client.get("/ar/admin/events/event/add/").content.decode()
    assert "participants-TOTAL_FORMS" in page and "/admin/autocomplete/" in page  # the person picker
    rows = {
        "participants-TOTAL_FORMS": "2",
        "participants-INITIAL_FORMS": "0",
        "participants-0-order": "1",
        "participants-0-role": "speaker",
        "participants-0-person": str(person.pk),
        "participants-1-order": "2",
        "participants-1-role": "official",
        "participants-1-gender": "",
    }
    data = {**_event_form(), **rows}
    response = admin_client.post("/ar/admin/events/event/add/", data)
    assert response.status_code == 200  # the second row names nobody
    assert "يُختار شخص من السجل، أو يُكتب اسم أو صفة." in response.content.decode()
    assert not Event.objects.exists()
    data["participants-1-name_ar"] = "خالد سفير"
    response = admin_client.post("/ar/admin/events/event/add/", data)
    assert response.status_code == 302
    event = Event.objects.get()
    assert [(p.display_name, p.role) for p in event.participants.all()] == [
        ("لحسن زلمط", "speaker"),
        ("خالد سفير", "official"),
    ]


def test_searching_a_participant_finds_the_event():
    from django.contrib.auth.models import AnonymousUser

    from portal.search import search

    event, _head, _member = _event_with_people()  # saving the participants refreshed the key
    groups = {group.key: group for group in search("بلكبير", language="ar", user=AnonymousUser())}
    assert [result.title for result in groups["events"].results] == [event.title]
    # a register person's other spelling finds the event too
    groups = {group.key: group for group in search("الزاهيدي", language="ar", user=AnonymousUser())}
    assert event.title in [result.title for result in groups["events"].results]
