"""Calendar pages: month grid, agenda, to be scheduled, filters, visibility, event page."""

import datetime
import io
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from PIL import Image

from events.models import AgendaItem, Event, EventDocument, EventKind, EventPhoto
from portal.search import search
from tests.events.factories import EventFactory, timed
from tests.urlwalk import sitemap_text

pytestmark = pytest.mark.django_db

D = datetime.date
PUBLIC, MEMBERS, BUREAU = (Event.Visibility.PUBLIC, Event.Visibility.MEMBERS, Event.Visibility.BUREAU)


def html(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def grid_days(response):
    """{day: [event titles]} for the days of the month on the grid."""
    return {
        day["date"]: [event.title for event in day["events"]]
        for week in response.context["weeks"]
        for day in week
        if day["in_month"]
    }


# Month grid --------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_month_grid_starts_weeks_on_monday(client, language):
    response = client.get(f"/{language}/events/2022/3/")
    weekdays = response.context["weekdays"]
    assert [day.weekday() for day in weekdays] == list(range(7))
    assert all(len(week) == 7 for week in response.context["weeks"])
    # March 2022 begins on a Tuesday: the first row starts with Monday 28 February.
    assert response.context["weeks"][0][0]["date"] == D(2022, 2, 28)


def test_month_grid_is_right_to_left_in_arabic_with_moroccan_month_names(client):
    page = html(client.get("/ar/events/2022/8/"))
    assert '<html lang="ar" dir="rtl"' in page
    assert "غشت 2022" in page
    assert "يوليوز 2022" in page and "شتنبر 2022" in page  # previous and next month links
    assert "أغسطس" not in page
    first_header = re.search(r'<th scope="col"><abbr title="([^"]+)"', page).group(1)
    assert first_header == "الاثنين"
    page = html(client.get("/fr/events/2022/8/"))
    assert '<html lang="fr" dir="ltr"' in page and "août 2022" in page


def test_month_grid_lists_a_multi_day_event_once_with_its_range(client):
    EventFactory(title_ar="مؤتمر CGLU", start_date=D(2022, 10, 10), end_date=D(2022, 10, 14))
    timed(D(2022, 10, 20), 10, title_ar="تكوين")
    response = client.get("/ar/events/2022/10/")
    days = grid_days(response)
    assert [day.day for day, titles in days.items() if "مؤتمر CGLU" in titles] == [10]
    assert [day.day for day, titles in days.items() if "تكوين" in titles] == [20]
    # The days after carry only a bar of its colour, hidden from screen readers and phones.
    continued = [
        day["date"].day
        for week in response.context["weeks"]
        for day in week
        if any(event.title == "مؤتمر CGLU" for event in day.get("continued", []))
    ]
    assert continued == [11, 12, 13, 14]
    page = html(response)
    assert page.count("مؤتمر CGLU") == 1
    assert "من 10 أكتوبر إلى 14 أكتوبر" in page


def test_date_to_be_set_events_are_never_placed_on_a_day(client):
    year = timezone.localdate().year  # pending: planned for this year (past years are archived)
    EventFactory(
        title_ar="لقاء مع السيد وزير التعليم",
        schedule=Event.Schedule.TO_BE_SET,
        start_date=None,
        intended_year=year,
        intended_month=5,
    )
    response = client.get(f"/ar/events/{year}/5/")
    assert not any(grid_days(response).values())
    page = html(response)
    assert "مع السيد وزير التعليم" not in page
    assert response.context["to_be_set_count"] == 1
    listed = html(client.get("/ar/events/to-be-scheduled/"))
    assert "لقاء مع السيد وزير التعليم" in listed
    assert f"ماي {year}" in listed  # the intended month, with its Moroccan name
    assert "لقاء مع السيد وزير التعليم" not in html(client.get("/ar/events/agenda/"))


def test_month_out_of_range_is_not_found(client):
    assert client.get("/ar/events/2022/13/").status_code == 404
    assert client.get("/ar/events/1800/1/").status_code == 404


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("/ar/events/2022/05/", "/ar/events/2022/5/"),
        ("/ar/events/2022/005/", "/ar/events/2022/5/"),
        ("/fr/events/02022/5/", "/fr/events/2022/5/"),
        ("/ar/events/2022/05/?kind=x&page=2", "/ar/events/2022/5/?kind=x&page=2"),
        ("/ar/events/2022/013/", "/ar/events/2022/13/"),  # then not found, once
        ("/ar/events/programme/02026/", "/ar/events/programme/2026/"),
        ("/ar/training/02026/", "/ar/training/2026/"),
    ],
)
def test_a_number_written_with_leading_zeros_is_sent_to_the_one_address(client, url, canonical):
    """Each zero-padded spelling answered as a page of its own with its own canonical: one month
    had unboundedly many indexable addresses."""
    response = client.get(url)
    assert response.status_code == 301
    assert response["Location"] == canonical


def test_an_event_number_with_leading_zeros_is_sent_to_the_event_and_plain_addresses_stay(client):
    event = EventFactory(start_date=D(2022, 5, 10), visibility=PUBLIC)
    response = client.get(f"/ar/events/event/00{event.pk}/")
    assert response.status_code == 301 and response["Location"] == f"/ar/events/event/{event.pk}/"
    assert client.get(f"/ar/events/event/{event.pk}/").status_code == 200
    assert client.get("/ar/events/2022/5/").status_code == 200
    assert client.get("/ar/events/2022/10/").status_code == 200  # the 0 of 10 is no padding
    assert client.post("/ar/events/2022/05/").status_code != 301  # a form is never redirected


# Agenda and filters ------------------------------------------------------------------------------


def test_agenda_lists_upcoming_and_past_activities_on_their_own_pages(client):
    today = timezone.localdate()
    EventFactory(title_ar="قادم", start_date=today + datetime.timedelta(days=3))
    EventFactory(title_ar="جار", start_date=today - datetime.timedelta(days=1), end_date=today)
    EventFactory(title_ar="لقاء انقضى", start_date=today - datetime.timedelta(days=30))
    upcoming = client.get("/ar/events/agenda/")
    assert [e.title for e in upcoming.context["events"]] == ["جار", "قادم"]
    assert "لقاء انقضى" not in html(upcoming)
    past = client.get("/ar/events/agenda/past/")
    assert [e.title for e in past.context["events"]] == ["لقاء انقضى"]
    assert "قادم" not in html(past)
    # Each tab marks itself as the current one, and both keep the calendar's "agenda" tab on.
    assert '<a href="/ar/events/agenda/past/" aria-current="page">' in html(past)
    assert '<a href="/ar/events/agenda/" aria-current="page">' in html(upcoming)


def test_agenda_pages_upcoming_activities_soonest_first(client):
    today = timezone.localdate()
    for day in range(45):
        EventFactory(title_ar=f"نشاط {day}", start_date=today + datetime.timedelta(days=day))
    first = client.get("/ar/events/agenda/")
    assert [e.title for e in first.context["events"]] == [f"نشاط {day}" for day in range(20)]
    assert 'rel="next" href="?page=2"' in html(first)
    third = client.get("/ar/events/agenda/?page=3")
    assert [e.title for e in third.context["events"]] == [f"نشاط {day}" for day in range(40, 45)]
    assert 'rel="prev" href="?page=2"' in html(third) and 'rel="next"' not in html(third)
    assert client.get("/ar/events/agenda/?page=4").status_code == 404
    assert client.get("/ar/events/agenda/?page=x").status_code == 404


def test_filter_by_kind_keeps_only_that_kind_across_pages(client):
    seminar = EventKind.objects.get(slug="seminar")
    EventFactory(title_ar="ندوة علمية", title_fr="Séminaire", kind=seminar, start_date=D(2022, 3, 26))
    EventFactory(title_ar="اجتماع المكتب", title_fr="Bureau", start_date=D(2022, 3, 26))
    response = client.get("/fr/events/2022/3/?kind=seminar")
    assert grid_days(response)[D(2022, 3, 26)] == ["Séminaire"]
    page = html(response)
    assert "?kind=seminar" in page  # month links keep the filter
    assert 'type="text/calendar"' in page and "/kinds/seminar/calendar.ics" in page
    agenda = client.get("/fr/events/agenda/past/?kind=seminar")
    assert [e.title for e in agenda.context["events"]] == ["Séminaire"]
    assert 'href="?page=' not in html(agenda)
    assert client.get("/fr/events/agenda/?kind=unknown").status_code == 400


def test_filter_by_modality_and_region(client):
    EventFactory(title_ar="عن بعد", modality=Event.Modality.REMOTE, start_date=D(2022, 3, 2))
    EventFactory(title_ar="حضوري", province_code="05.311", start_date=D(2022, 3, 3))
    remote = client.get("/ar/events/2022/3/?modality=remote")
    assert [t for titles in grid_days(remote).values() for t in titles] == ["عن بعد"]
    region = Event.objects.get(title_ar="حضوري").region_code
    assert region
    by_region = client.get(f"/ar/events/2022/3/?region={region}")
    assert [t for titles in grid_days(by_region).values() for t in titles] == ["حضوري"]


# Visibility --------------------------------------------------------------------------------------


@pytest.fixture
def three_events():
    day = timezone.localdate() + datetime.timedelta(days=2)
    return {
        visibility: EventFactory(title_ar=f"نشاط {visibility}", visibility=visibility, start_date=day)
        for visibility in (PUBLIC, MEMBERS, BUREAU)
    }


def _visible_titles(client):
    today = timezone.localdate()
    titles = set()
    response = client.get(f"/ar/events/{today.year}/{today.month}/")
    titles |= {t for day_titles in grid_days(response).values() for t in day_titles}
    next_month = today.replace(day=1) + datetime.timedelta(days=32)
    response = client.get(f"/ar/events/{next_month.year}/{next_month.month}/")
    titles |= {t for day_titles in grid_days(response).values() for t in day_titles}
    titles |= {e.title for e in client.get("/ar/events/agenda/").context["events"]}
    return titles


def test_public_sees_only_public_events_everywhere(client, three_events, outsider):
    assert _visible_titles(client) == {"نشاط public"}
    for visibility in (MEMBERS, BUREAU):
        event = three_events[visibility]
        assert client.get(f"/ar/events/event/{event.pk}/").status_code == 404
        assert client.get(f"/ar/events/event/{event.pk}/calendar.ics").status_code == 404
        assert event.title not in html(client.get("/ar/"))
    # A signed-in account without an active membership is still the public.
    client.force_login(outsider)
    assert _visible_titles(client) == {"نشاط public"}


def test_members_see_members_events_but_not_bureau_ones(member_client, three_events):
    assert _visible_titles(member_client) == {"نشاط public", "نشاط members"}
    assert member_client.get(f"/ar/events/event/{three_events[MEMBERS].pk}/").status_code == 200
    assert member_client.get(f"/ar/events/event/{three_events[BUREAU].pk}/").status_code == 404


def test_staff_see_bureau_events(admin_client, three_events):
    assert _visible_titles(admin_client) == {"نشاط public", "نشاط members", "نشاط bureau"}


def test_search_finds_public_events_only_for_the_public(three_events, member):
    from django.contrib.auth.models import AnonymousUser

    def found(user):
        groups = {group.key: group for group in search("نشاط", language="ar", user=user)}
        return {result.title for result in groups["events"].results} if "events" in groups else set()

    assert found(AnonymousUser()) == {"نشاط public"}
    assert found(member) == {"نشاط public", "نشاط members"}
    assert "نشاط members" not in html(Client().get("/ar/search/?q=نشاط"))


def test_sitemap_lists_public_events_only(client, three_events):
    assert "/events/programme/" not in sitemap_text(client)  # none published yet
    from tests.events.factories import ProgrammeFactory

    ProgrammeFactory()
    body = sitemap_text(client)
    assert f"/ar/events/event/{three_events[PUBLIC].pk}/" in body
    assert f"/fr/events/event/{three_events[PUBLIC].pk}/" in body
    assert "/ar/events/programme/" in body
    for visibility in (MEMBERS, BUREAU):
        assert f"/events/event/{three_events[visibility].pk}/" not in body


# Event page --------------------------------------------------------------------------------------


@pytest.fixture
def assembly():
    event = EventFactory(
        kind=EventKind.objects.get(slug="general-assembly"),
        title_ar="الجمع العام العادي",
        title_fr="Assemblée générale ordinaire",
        summary_ar="الجمع العام العادي للجمعية بمراكش",
        start_date=D(2022, 1, 29),
        status=Event.Status.HELD,
        city_ar="مراكش",
        city_fr="Marrakech",
        venue_ar="فندق",
        recommendations_ar="توصية أولى\nتوصية ثانية",
    )
    AgendaItem.objects.create(event=event, order=1, kind="approval", title_ar="المصادقة على التقرير الأدبي",
                              title_fr="Approbation du rapport moral", outcome_ar="صودق عليه بالإجماع")  # fmt: skip
    AgendaItem.objects.create(event=event, order=2, kind="information", title_ar="نقط إخبارية")
    return event


def test_event_page_shows_agenda_outcomes_and_structured_data(client, assembly):
    page = html(client.get(f"/ar/events/event/{assembly.pk}/"))
    assert "المصادقة على التقرير الأدبي" in page and "صودق عليه بالإجماع" in page
    assert page.index("المصادقة على التقرير الأدبي") < page.index("نقط إخبارية")
    assert "29 يناير 2022" in page
    assert "توصية ثانية" in page
    assert 'property="og:title" content="الجمع العام العادي"' in page
    assert "openstreetmap.org/search" in page
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    assert data["@type"] == "Event" and data["name"] == "الجمع العام العادي"
    assert data["startDate"] == "2022-01-29"
    assert data["location"]["address"]["addressLocality"] == "مراكش"
    assert 'type="text/calendar"' in page
    assert f"/ar/events/event/{assembly.pk}/calendar.ics" in page
    french = html(client.get(f"/fr/events/event/{assembly.pk}/"))
    assert "Approbation du rapport moral" in french and "29 janvier 2022" in french


def _pdf(name="rapport.pdf"):
    return ContentFile(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", name=name)


def test_documents_are_validated_on_upload(assembly):
    fake = EventDocument(
        event=assembly, title_ar="تقرير", file=ContentFile(b"MZ\x90\x00", name="rapport.pdf")
    )
    with pytest.raises(ValidationError) as error:
        fake.full_clean()
    assert "file" in error.value.message_dict
    script = EventDocument(event=assembly, title_ar="تقرير", file=ContentFile(b"<script>", name="x.html"))
    with pytest.raises(ValidationError):
        script.full_clean()
    good = EventDocument(event=assembly, title_ar="تقرير", file=_pdf())
    good.full_clean()


def test_members_only_documents_are_refused_to_the_public(member_client, assembly):
    client = Client()
    public_doc = EventDocument.objects.create(event=assembly, title_ar="التقرير الأدبي", file=_pdf())
    private = EventFactory(visibility=MEMBERS, start_date=D(2022, 3, 15))
    private_doc = EventDocument.objects.create(event=private, title_ar="محضر", file=_pdf("pv.pdf"))
    response = client.get(f"/ar/events/documents/{public_doc.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert f"/ar/events/documents/{public_doc.pk}/" in html(client.get(f"/ar/events/event/{assembly.pk}/"))
    assert client.get(f"/ar/events/documents/{private_doc.pk}/").status_code == 404
    assert member_client.get(f"/ar/events/documents/{private_doc.pk}/").status_code == 200


def _png(size=(1600, 1200)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "#0b5d3b").save(buffer, "PNG")
    return ContentFile(buffer.getvalue(), name="photo.png")


def test_gallery_shows_resized_thumbnails_of_consented_photos_only(client, assembly, settings):
    shown = EventPhoto(event=assembly, image=_png(), caption_ar="صورة جماعية", consent=True)
    shown.full_clean()
    shown.save()
    EventPhoto.objects.create(event=assembly, image=_png(), caption_ar="بدون موافقة", consent=False)
    page = html(client.get(f"/ar/events/event/{assembly.pk}/"))
    assert "صورة جماعية" in page and "بدون موافقة" not in page
    thumb = re.search(r'<img src="([^"]+)" alt="صورة جماعية"', page).group(1)
    assert thumb != shown.image.url and thumb.endswith(".webp")
    path = settings.MEDIA_ROOT / thumb.removeprefix(settings.MEDIA_URL)
    with Image.open(path) as image:
        assert image.size == (480, 320)
    not_an_image = EventPhoto(event=assembly, image=ContentFile(b"GIF89a", name="x.png"))
    with pytest.raises(ValidationError):
        not_an_image.full_clean()


# Query counts ------------------------------------------------------------------------------------


def _populate(count):
    kinds = list(EventKind.objects.all())
    start = D(2022, 3, 1)
    soon = timezone.localdate() + datetime.timedelta(days=1)
    for index in range(count):
        day = start + datetime.timedelta(days=index % 28)
        EventFactory(kind=kinds[index % len(kinds)], start_date=day, visibility=(PUBLIC, MEMBERS)[index % 2])
        upcoming = soon + datetime.timedelta(days=index)
        EventFactory(
            kind=kinds[index % len(kinds)], start_date=upcoming, visibility=(PUBLIC, MEMBERS)[index % 2]
        )
    EventFactory(schedule=Event.Schedule.TO_BE_SET, start_date=None, intended_year=2022)


def _queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


@pytest.mark.parametrize("url", ["/ar/events/2022/3/", "/ar/events/agenda/", "/ar/events/agenda/past/", "/ar/events/to-be-scheduled/",
                                 "/ar/events/2022/3/?kind=seminar", "/ar/events/programme/", "/ar/", "/ar/events/calendar.ics"])  # fmt: skip
def test_list_pages_make_a_constant_number_of_queries(member_client, url):
    from tests.events.factories import ProgrammeFactory, ProgrammeLineFactory

    programme = ProgrammeFactory()
    _populate(3)
    ProgrammeLineFactory(programme=programme, event=Event.objects.first())
    member_client.get(url)  # warm the per-process caches (association profile, kinds)
    few = _queries(member_client, url)
    _populate(30)
    for _index in range(20):
        ProgrammeLineFactory(programme=programme, event=Event.objects.order_by("?").first())
    assert _queries(member_client, url) == few
