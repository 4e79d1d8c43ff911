"""A member uses the activity calendar in a real browser (Chromium through Playwright)."""

import datetime
import re
from pathlib import Path

import pytest
from icalendar import Calendar


@pytest.fixture
def calendar_site(transactional_db, live_server, django_user_model):
    from events import demo
    from events.models import Event, EventKind
    from members import demo as members_demo
    from members import territory
    from members.models import Council
    from tests.members.factories import MembershipFactory

    # The territory and the kinds come from data migrations, which an earlier transactional
    # test's flush may have emptied: load them again (both loaders are idempotent).
    if not Council.objects.exists():
        territory.load(territory.current_apps())
    members_demo.load("ampcp")  # the people the calendar's participants link to
    demo.load("ampcp")
    user = django_user_model.objects.create_user(
        "member@example.org", "member@example.org", "a-long-test-password"
    )
    MembershipFactory(person__user=user, person__email="member@example.org")
    Event.objects.create(
        kind=EventKind.objects.get(slug="executive-bureau"),
        title="اجتماع خاص بالأعضاء للاختبار",
        title_ar="اجتماع خاص بالأعضاء للاختبار",
        start_date=datetime.date(2022, 4, 9),
        visibility=Event.Visibility.MEMBERS,
    )
    return live_server


def _log_in(page, site, next_url):
    page.goto(f"{site.url}/ar/members/login/?next={next_url}")
    page.fill("#id_username", "member@example.org")
    page.fill("#id_password", "a-long-test-password")
    page.get_by_role("button", name="تسجيل الدخول").click()
    page.wait_for_url(f"**{next_url}")


def test_member_browses_the_calendar_and_subscribes(page, calendar_site, tmp_path):
    site = calendar_site
    _log_in(page, site, "/ar/events/2022/3/")
    grid = page.locator("table.month-grid")
    assert page.locator("#month-title").inner_text() == "مارس 2022"
    assert grid.get_by_role("link", name=re.compile("اجتماع المكتب التنفيذي مع رؤساء اللجن")).count() == 1

    # To the next month: April 2022, with the members-only meeting for this member.
    page.get_by_role("link", name=re.compile("أبريل 2022")).click()
    page.wait_for_url("**/ar/events/2022/4/")
    assert page.locator("#month-title").inner_text() == "أبريل 2022"
    assert grid.get_by_role("link", name=re.compile("اجتماع خاص بالأعضاء للاختبار")).count() == 1
    assert grid.get_by_role("link", name=re.compile("التكوين المستمر")).count() == 0  # none in April

    # Filter by kind: only executive-bureau meetings remain, and the month stays.
    page.select_option("#id_kind", "executive-bureau")
    page.get_by_role("button", name="تطبيق التصفية").click()
    page.wait_for_url(re.compile(r"/ar/events/2022/4/\?kind=executive-bureau"))
    titles = grid.locator(".month-grid__event").all_inner_texts()
    assert titles and all("اجتماع" in title for title in titles)

    # Open the meeting of 23 April 2022 and download its .ics.
    grid.get_by_role("link", name=re.compile("للاطلاع على أنشطة الجمعية")).first.click()
    page.wait_for_url(re.compile(r"/ar/events/event/\d+/$"))
    assert "للاطلاع على أنشطة الجمعية" in page.locator("h1").inner_text()
    assert "23 أبريل 2022" in page.locator(".event__facts").inner_text()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="إضافة إلى يوميتي بصيغة iCal").click()
    path = Path(tmp_path) / "event.ics"
    download_info.value.save_as(path)
    calendar = Calendar.from_ical(path.read_bytes())
    [entry] = calendar.walk("VEVENT")
    assert entry["DTSTART"].dt == datetime.date(2022, 4, 23)
    assert "للاطلاع على أنشطة الجمعية" in str(entry["SUMMARY"])

    # The subscribe page shows this member's private address, which carries members-only events.
    page.locator(".subscribe-hint").get_by_role("link", name="طريقة الاشتراك").click()
    page.wait_for_url("**/ar/events/subscribe/")
    private = page.locator("#private-feed").input_value()
    assert re.search(r"/ar/events/private/[\w-]+/calendar\.ics$", private)
    feed = page.context.request.get(private)
    summaries = [str(e["SUMMARY"]) for e in Calendar.from_ical(feed.body()).walk("VEVENT")]
    assert "اجتماع خاص بالأعضاء للاختبار" in summaries


def test_the_public_never_sees_members_only_events(page, calendar_site):
    page.goto(f"{calendar_site.url}/ar/events/2022/4/")
    assert page.locator("table.month-grid").get_by_text("اجتماع خاص بالأعضاء للاختبار").count() == 0
    page.goto(f"{calendar_site.url}/ar/events/subscribe/")
    assert page.locator("#private-feed").count() == 0


@pytest.mark.parametrize("language", ["ar", "fr"])
@pytest.mark.parametrize(
    "path", ["events/2022/4/", "events/agenda/past/", "events/programme/", "events/subscribe/"]
)
def test_calendar_pages_have_no_accessibility_violations(page, calendar_site, axe_check, language, path):
    page.goto(f"{calendar_site.url}/{language}/{path}")
    axe_check(page)


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_calendar_pages_fit_a_phone(page, calendar_site, language):
    page.set_viewport_size({"width": 390, "height": 844})
    for path in [
        "events/2022/4/",
        "events/agenda/",
        "events/agenda/past/",
        "events/to-be-scheduled/",
        "events/subscribe/",
    ]:
        page.goto(f"{calendar_site.url}/{language}/{path}")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, path


def test_on_a_phone_the_month_lists_only_days_with_activities(page, calendar_site):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{calendar_site.url}/ar/events/2022/3/")
    visible_days = page.locator("td.month-grid__day:visible .month-grid__date").all_inner_texts()
    # The programme's preparatory meeting (10), the 15 March meetings, the Strasbourg congress
    # (22-24, listed once on its first day with its range), the seminar (26), the bureau of
    # 30 March: every dated row is in the calendar.
    assert [text.split()[1] for text in visible_days] == ["10", "15", "22", "26", "30"]
    congress = page.locator("td.month-grid__day:visible", has_text="22").locator(".month-grid__range")
    assert congress.count() >= 1 and congress.first.is_visible()


def test_the_programme_prints_as_a_bare_table(page, calendar_site):
    page.goto(f"{calendar_site.url}/ar/events/programme/")
    page.emulate_media(media="print")
    assert page.locator(".programme__actions").is_hidden()
    assert page.locator(".main-nav").is_hidden()
    assert page.locator(".programme-table tbody tr").count() == 37
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF-")


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_event_and_unscheduled_pages_have_no_accessibility_violations(
    page, calendar_site, axe_check, language
):
    from events.models import Event

    for event in (
        Event.objects.get(start_date=datetime.date(2022, 1, 29)),
        Event.objects.get(start_date=datetime.date(2016, 3, 30)),
    ):
        page.goto(f"{calendar_site.url}/{language}/events/event/{event.pk}/")
        axe_check(page)
    page.goto(f"{calendar_site.url}/{language}/events/to-be-scheduled/")
    axe_check(page)
