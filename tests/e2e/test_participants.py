"""People at an event and the pages issue 20 changed, in a real browser: axe finds nothing on
an event page with participants; screenshots in ar and fr at 390 and 1280 px for review."""

import os
from pathlib import Path

import pytest

SHOTS = Path(os.environ.get("SHOTS_DIR", "/work/shots/people"))


@pytest.fixture
def demo_site(transactional_db, live_server):
    from django.core.management import call_command

    from members import territory
    from members.models import Council

    if not Council.objects.exists():
        territory.load(territory.current_apps())
    call_command("load_demo", verbosity=0)
    return live_server


def _pages():
    from events.models import Event
    from members.models import Person
    from training.models import TrainingSession

    daejeon = Event.objects.get(start_date="2022-10-10", kind__slug="conference")
    zahidi = Person.objects.get(name_ar="اعتماد الزهيدي")
    session = TrainingSession.objects.get(event__start_date="2022-07-14")
    return {
        "event-participants": daejeon.get_absolute_url(),
        "person-page": f"/ar/bureau/people/{zahidi.pk}/",
        "to-be-scheduled": "/ar/events/to-be-scheduled/",
        "training-past-session": session.get_absolute_url(),
        "members-directory": "/ar/members/",
    }


def test_event_page_with_participants_is_accessible(page, demo_site, axe_check):
    pages = _pages()
    page.goto(demo_site.url + pages["event-participants"])
    section = page.locator("#participants-title")
    assert section.inner_text() == "المتدخلون والمشاركون"
    assert page.get_by_role("link", name="اعتماد الزهيدي").count() == 1
    axe_check(page)
    page.get_by_role("link", name="اعتماد الزهيدي").click()
    page.wait_for_url("**/bureau/people/**")
    assert "المؤتمر العالمي السابع لمنظمة المدن والحكومات المحلية المتحدة" in page.content()
    axe_check(page)


def test_screenshots_of_the_changed_pages(page, demo_site):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for name, path in _pages().items():
        for language in ("ar", "fr"):
            for width in (390, 1280):
                page.set_viewport_size({"width": width, "height": 900})
                page.goto(demo_site.url + path.replace("/ar/", f"/{language}/"))
                page.screenshot(path=SHOTS / f"{name}-{language}-{width}.png", full_page=True)
                overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
                assert not overflow, (name, language, width)
