"""iCal (RFC 5545) feeds, parsed back with the ``icalendar`` library."""

import datetime
import zoneinfo

import pytest
from django.test import Client
from django.utils import timezone
from icalendar import Calendar

from events.models import CalendarToken, Event, EventKind
from tests.events.factories import EventFactory, timed

pytestmark = pytest.mark.django_db

D = datetime.date
CASABLANCA = zoneinfo.ZoneInfo("Africa/Casablanca")


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def entries(response):
    return {str(entry["SUMMARY"]): entry for entry in parse(response).walk("VEVENT")}


def test_public_feed_has_public_dated_events_only(client, member_client):
    EventFactory(title_ar="عمومي", start_date=D(2022, 1, 29))
    EventFactory(title_ar="للأعضاء", visibility=Event.Visibility.MEMBERS, start_date=D(2022, 1, 29))
    EventFactory(title_ar="للمكتب", visibility=Event.Visibility.BUREAU, start_date=D(2022, 1, 29))
    EventFactory(title_ar="غير محدد", schedule=Event.Schedule.TO_BE_SET, start_date=None)
    assert set(entries(Client().get("/ar/events/calendar.ics"))) == {"عمومي"}
    # Even a signed-in member gets only public events from the public address.
    assert set(entries(member_client.get("/ar/events/calendar.ics"))) == {"عمومي"}
    calendar = parse(Client().get("/ar/events/calendar.ics"))
    assert str(calendar["VERSION"]) == "2.0" and calendar["PRODID"]


def test_all_day_and_multi_day_events_have_an_exclusive_end(client):
    EventFactory(title_ar="يوم", start_date=D(2022, 1, 29))
    EventFactory(title_ar="أيام", start_date=D(2022, 10, 10), end_date=D(2022, 10, 14))
    found = entries(client.get("/ar/events/calendar.ics"))
    assert found["يوم"]["DTSTART"].dt == D(2022, 1, 29)
    assert found["يوم"]["DTEND"].dt == D(2022, 1, 30)
    assert found["أيام"]["DTSTART"].dt == D(2022, 10, 10)
    assert found["أيام"]["DTEND"].dt == D(2022, 10, 15)
    assert found["أيام"]["DTSTART"].params.get("VALUE") == "DATE"


def test_local_hours_are_right_on_both_sides_of_the_ramadan_offset_change(client):
    # In 2022 Morocco was UTC+1, then UTC+0 for Ramadan (27 March to 8 May), then UTC+1 again.
    before = timed(D(2022, 3, 15), 10, title_ar="قبل رمضان")
    during = timed(D(2022, 4, 23), 10, title_ar="في رمضان")
    after = timed(D(2022, 5, 28), 10, title_ar="بعد رمضان")
    found = entries(client.get("/ar/events/calendar.ics"))
    utc_hours = {}
    for event in (before, during, after):
        start = found[event.title_ar]["DTSTART"].dt
        assert start.utcoffset() == datetime.timedelta(0)  # written in UTC
        assert start.astimezone(CASABLANCA).hour == 10
        assert found[event.title_ar]["DTEND"].dt.astimezone(CASABLANCA).hour == 12
        utc_hours[event.title_ar] = start.hour
    assert utc_hours == {"قبل رمضان": 9, "في رمضان": 10, "بعد رمضان": 9}


def test_uid_is_stable_and_sequence_and_last_modified_follow_edits(client):
    event = EventFactory(title_ar="اجتماع", start_date=D(2022, 4, 23))
    first = entries(client.get(f"/ar/events/event/{event.pk}/calendar.ics"))["اجتماع"]
    assert int(first["SEQUENCE"]) == 0
    event.start_date = event.end_date = D(2022, 4, 30)
    event.status = Event.Status.CANCELLED
    event.save()
    second = entries(client.get(f"/ar/events/event/{event.pk}/calendar.ics"))["اجتماع"]
    assert str(second["UID"]) == str(first["UID"]) == f"{event.uid}@events"
    assert int(second["SEQUENCE"]) == 1
    assert second["LAST-MODIFIED"].dt >= first["LAST-MODIFIED"].dt
    assert str(second["STATUS"]) == "CANCELLED"
    assert str(second["URL"]) == f"http://testserver/ar/events/event/{event.pk}/"
    assert str(second["URL"]) in str(second["DESCRIPTION"])


def test_kind_feed_has_that_kind_only(client):
    seminar = EventKind.objects.get(slug="seminar")
    EventFactory(title_ar="ندوة", kind=seminar, start_date=D(2022, 3, 26))
    EventFactory(
        title_ar="ندوة خاصة", kind=seminar, visibility=Event.Visibility.MEMBERS, start_date=D(2022, 3, 26)
    )
    EventFactory(title_ar="اجتماع", start_date=D(2022, 3, 26))
    assert set(entries(client.get("/ar/events/kinds/seminar/calendar.ics"))) == {"ندوة"}
    assert client.get("/ar/events/kinds/nothing/calendar.ics").status_code == 404


def test_one_event_download_respects_visibility(client, member_client):
    private = EventFactory(title_ar="للأعضاء", visibility=Event.Visibility.MEMBERS, start_date=D(2022, 3, 15))
    later = EventFactory(title_ar="لاحقا", schedule=Event.Schedule.TO_BE_SET, start_date=None)
    assert set(entries(member_client.get(f"/ar/events/event/{private.pk}/calendar.ics"))) == {"للأعضاء"}
    assert Client().get(f"/ar/events/event/{private.pk}/calendar.ics").status_code == 404
    assert member_client.get(f"/ar/events/event/{later.pk}/calendar.ics").status_code == 404


def test_private_feed_includes_members_events_until_revoked(member_client, member):
    EventFactory(title_ar="عمومي", start_date=D(2022, 1, 29))
    EventFactory(title_ar="للأعضاء", visibility=Event.Visibility.MEMBERS, start_date=D(2022, 1, 29))
    EventFactory(title_ar="للمكتب", visibility=Event.Visibility.BUREAU, start_date=D(2022, 1, 29))
    page = member_client.get("/ar/events/subscribe/").content.decode()
    key = CalendarToken.objects.get(user=member).key
    url = f"/ar/events/private/{key}/calendar.ics"
    assert f"http://testserver{url}" in page and f"webcal://testserver{url}" in page
    # The secret address works without a session (phones do not sign in).
    assert set(entries(Client().get(url))) == {"عمومي", "للأعضاء"}
    assert CalendarToken.objects.get(user=member).last_used_at is not None

    response = member_client.post("/ar/events/subscribe/revoke/")
    assert response.status_code == 302
    new_key = CalendarToken.objects.get(user=member).key
    assert new_key != key
    assert Client().get(url).status_code == 404
    assert Client().get(f"/ar/events/private/{new_key}/calendar.ics").status_code == 200
    assert Client().get("/ar/events/private/not-a-key/calendar.ics").status_code == 404


def test_private_feed_stops_when_membership_ends(member):
    from members.models import Membership

    key = CalendarToken.objects.create(user=member).key
    assert Client().get(f"/ar/events/private/{key}/calendar.ics").status_code == 200
    Membership.objects.filter(person__user=member).update(status=Membership.Status.SUSPENDED)
    assert Client().get(f"/ar/events/private/{key}/calendar.ics").status_code == 404


def test_subscribe_page_for_the_public_has_no_private_address(client, outsider_client):
    for visitor in (Client(), outsider_client):
        page = visitor.get("/fr/events/subscribe/").content.decode()
        assert "/events/private/" not in page
        assert "webcal://testserver/fr/events/calendar.ics" in page
    assert not CalendarToken.objects.exists()
    assert Client().post("/ar/events/subscribe/revoke/").status_code == 302  # to the login page


def test_feed_carries_a_year_of_past_activities_and_everything_ahead(client):
    today = timezone.localdate()
    for days in range(1, 61):  # sixty activities in the past year
        EventFactory(title_ar=f"حديث {days}", start_date=today - datetime.timedelta(days=days * 5))
    for days in range(1, 6):  # five from two years ago
        EventFactory(title_ar=f"قديم {days}", start_date=today - datetime.timedelta(days=730 + days))
    EventFactory(title_ar="بعد سنتين", start_date=today + datetime.timedelta(days=730))
    titles = set(entries(client.get("/ar/events/calendar.ics")))
    assert titles == {f"حديث {days}" for days in range(1, 61)} | {"بعد سنتين"}


def test_a_quiet_associations_feed_keeps_its_last_fifty_activities(client):
    from events.models import FEED_MIN_PAST

    today = timezone.localdate()
    for days in range(1, FEED_MIN_PAST + 6):  # all more than a year ago, the newest first
        EventFactory(title_ar=f"نشاط {days}", start_date=today - datetime.timedelta(days=400 + days))
    titles = set(entries(client.get("/ar/events/calendar.ics")))
    assert titles == {f"نشاط {days}" for days in range(1, FEED_MIN_PAST + 1)}
    seminar = EventKind.objects.get(slug="seminar")
    EventFactory(title_ar="ندوة قديمة", kind=seminar, start_date=today - datetime.timedelta(days=3000))
    assert set(entries(client.get("/ar/events/kinds/seminar/calendar.ics"))) == {"ندوة قديمة"}
