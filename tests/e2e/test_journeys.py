"""Issue 22's journeys in a real browser: register from the event page, cancel with a
confirmation and undo, the waiting-list position, the calendar on a phone."""

import datetime
import re

import pytest
from django.utils import timezone

from tests.training.factories import PersonFactory, SessionFactory, member
from training import services
from training.models import Registration

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def site(transactional_db, live_server):
    import importlib

    from events.models import EventKind
    from members import territory
    from members.models import Council

    # The territory and the kinds come from data migrations, which an earlier transactional
    # test's flush may have emptied: seed them again (both are idempotent).
    if not Council.objects.exists():
        territory.load(territory.current_apps())
    if not EventKind.objects.filter(slug="training").exists():
        importlib.import_module("events.migrations.0002_event_kinds").seed_kinds(
            territory.current_apps(), None
        )
    return live_server


def _sign_in(page, server, user, next_url):
    page.goto(f"{server.url}/ar/members/login/?next={next_url}")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", "a-long-test-password")
    page.locator("main form").get_by_role("button").click()
    page.wait_for_url(f"**{next_url}")


def test_member_registers_from_the_event_page(page, site, django_user_model, axe_check):
    session = SessionFactory(capacity=4)
    user = member(django_user_model, username="elu")
    event_url = session.event.get_absolute_url()
    _sign_in(page, site, user, event_url)
    panel = page.locator("section.training-panel")
    assert "تتبقى 4 مقاعد من أصل 4" in panel.inner_text()
    axe_check(page)
    panel.get_by_role("button", name=re.compile("التسجيل")).click()
    page.wait_for_url(f"**{event_url}")
    assert page.get_by_text("أنت مسجل في هذه الدورة.").is_visible()
    assert "أنت مسجل." in panel.inner_text() and "تتبقى 3 مقاعد من أصل 4" in panel.inner_text()
    assert Registration.objects.get(session=session).person == user.person


def test_member_cancels_after_confirming_then_undoes(page, site, django_user_model, axe_check):
    session = SessionFactory(capacity=4)
    user = member(django_user_model, username="elu")
    services.registration_create(session=session, person=user.person)
    _sign_in(page, site, user, "/ar/training/mine/")
    row = page.locator("tbody tr", has_text=session.event.title_ar)
    row.get_by_role("link", name=re.compile("إلغاء")).click()
    page.wait_for_url("**/cancel/")
    assert page.get_by_role("heading", name="إلغاء التسجيل؟").is_visible()
    axe_check(page)
    page.get_by_role("link", name="لا، احتفظ به").click()  # going back changes nothing
    page.wait_for_url("**/ar/training/mine/")
    assert Registration.objects.get(session=session).status == "registered"

    row.get_by_role("link", name=re.compile("إلغاء")).click()
    page.get_by_role("button", name="نعم، ألغِ التسجيل").click()
    page.wait_for_url("**/ar/training/mine/*")
    assert page.get_by_text("يمكنكم التراجع عن ذلك أدناه خلال 30 دقيقة", exact=False).is_visible()
    assert Registration.objects.get(session=session).status == "cancelled"
    row.get_by_role("button", name=re.compile("التراجع عن الإلغاء")).click()
    page.wait_for_url("**/ar/training/mine/*")
    assert page.get_by_text("أنت مسجل في هذه الدورة.").is_visible()
    assert Registration.objects.get(session=session).status == "registered"


def test_waiting_list_position_moves_up_when_someone_ahead_cancels(page, site, django_user_model):
    session = SessionFactory(capacity=1)
    services.registration_create(session=session, person=PersonFactory())
    ahead = services.registration_create(session=session, person=PersonFactory())
    user = member(django_user_model, username="elu")
    _sign_in(page, site, user, session.get_absolute_url())
    page.get_by_role("button", name=re.compile("الانضمام إلى لائحة الانتظار")).click()
    page.wait_for_url(f"**{session.get_absolute_url()}")
    assert "الدورة مكتملة: أنت في المرتبة 2 في لائحة الانتظار." in page.locator(".message").inner_text()
    assert "أنت في المرتبة 2 في لائحة الانتظار." in page.locator(".training-status").inner_text()
    services.registration_cancel(registration=ahead)
    page.reload()
    assert "أنت في المرتبة 1 في لائحة الانتظار." in page.locator(".training-status").inner_text()
    page.goto(f"{site.url}/ar/training/mine/")
    assert "المرتبة 1 في لائحة الانتظار" in page.locator("tbody").inner_text()


def _in_first_screen(page, locator):
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= page.viewport_size["height"]


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_calendar_on_a_phone_opens_on_the_next_activity(page, site, language, axe_check):
    from events.models import Event, EventKind

    today = timezone.localdate()
    Event.objects.create(
        kind=EventKind.objects.get(slug="training"),
        title_ar="دورة تكوينية قريبة",
        title_fr="Session de formation prochaine",
        start_date=today + datetime.timedelta(days=45),
        visibility=Event.Visibility.PUBLIC,
    )
    page.set_viewport_size(PHONE)
    page.goto(f"{site.url}/{language}/events/")
    link = page.locator(".calendar-spotlight a.event-item__title").first
    assert link.inner_text() in ("دورة تكوينية قريبة", "Session de formation prochaine")
    assert _in_first_screen(page, link)
    axe_check(page)


def test_calendar_on_a_phone_shows_todays_activity_first(page, site):
    from events.models import Event, EventKind

    today = timezone.localdate()
    Event.objects.create(
        kind=EventKind.objects.get(slug="training"),
        title_ar="لقاء اليوم",
        start_date=today,
        visibility=Event.Visibility.PUBLIC,
    )
    page.set_viewport_size(PHONE)
    page.goto(f"{site.url}/ar/events/")
    assert page.locator("#spotlight-title").inner_text() == "أنشطة اليوم"
    assert _in_first_screen(page, page.locator(".calendar-spotlight").get_by_role("link", name="لقاء اليوم"))


def test_a_multi_day_event_is_listed_once_with_its_range(page, site, axe_check):
    from events.models import Event, EventKind

    Event.objects.create(
        kind=EventKind.objects.get(slug="training"),
        title_ar="مؤتمر من ثلاثة أيام",
        start_date=datetime.date(2024, 5, 14),
        end_date=datetime.date(2024, 5, 16),
        visibility=Event.Visibility.PUBLIC,
    )
    for size in (PHONE, {"width": 1280, "height": 900}):
        page.set_viewport_size(size)
        page.goto(f"{site.url}/ar/events/2024/5/")
        links = page.locator("table.month-grid").get_by_role("link", name=re.compile("مؤتمر من ثلاثة أيام"))
        assert links.count() == 1
        assert "من 14 ماي إلى 16 ماي" in links.first.inner_text()
    axe_check(page)
