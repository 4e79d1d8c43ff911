"""The main menu folds behind a "Menu" toggle on phones, with and without script, and stays a
full row of links on wider screens; the bureau, calendar and members pages never scroll
sideways, from a small phone to a wide desktop."""

import pytest
from django.core.management import call_command

from tests.e2e.test_public_pages import watch

PHONE = {"width": 390, "height": 844}
TOGGLE = {"ar": "القائمة", "fr": "Menu"}
MAIN_MENU = {"ar": "القائمة الرئيسية", "fr": "Menu principal"}
ABOUT = {"ar": "من نحن", "fr": "À propos"}


@pytest.fixture
def context_for(browser, browser_context_args):
    """A fresh browser context of a given size, with script on or off."""
    contexts = []

    def make(viewport, *, javascript=True):
        context = browser.new_context(
            **{**browser_context_args, "viewport": viewport, "java_script_enabled": javascript}
        )
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


def _is_open(page):
    return page.locator("[data-main-nav]").evaluate("menu => menu.open")


@pytest.mark.parametrize("javascript", [True, False], ids=["script", "no-script"])
@pytest.mark.parametrize("language", ["ar", "fr"])
def test_phone_menu_folds_and_opens(live_server, context_for, axe_check, language, javascript):
    page = context_for(PHONE, javascript=javascript).new_page()
    problems = watch(page)
    page.goto(f"{live_server.url}/{language}/")
    menu = page.get_by_role("navigation", name=MAIN_MENU[language])
    toggle = menu.get_by_text(TOGGLE[language], exact=True)
    about = menu.get_by_role("link", name=ABOUT[language])
    assert toggle.is_visible() and about.is_hidden()
    # Folded, the menu is one bar, not rows of links.
    assert page.locator(".main-nav").bounding_box()["height"] < 60

    toggle.click()
    assert _is_open(page) and about.is_visible()
    # One link a row, laid out from the start side of the language's direction.
    home, about_box = (menu.get_by_role("link").nth(i).bounding_box() for i in (0, 1))
    assert about_box["y"] > home["y"]
    if language == "ar":
        assert abs((home["x"] + home["width"]) - (about_box["x"] + about_box["width"])) < 1
    else:
        assert abs(home["x"] - about_box["x"]) < 1
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    if javascript:
        axe_check(page)

    about.click()
    page.wait_for_url(f"**/{language}/about/")
    assert not _is_open(page)
    assert problems == []


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_phone_menu_works_from_the_keyboard(live_server, context_for, language):
    page = context_for(PHONE).new_page()
    page.goto(f"{live_server.url}/{language}/")
    toggle = page.locator(".main-nav__toggle")
    toggle.focus()
    page.keyboard.press("Enter")
    assert _is_open(page)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.main-nav__list') !== null")
    # Escape folds the menu again and gives the focus back to its toggle.
    page.keyboard.press("Escape")
    assert not _is_open(page)
    assert page.evaluate("document.activeElement.classList.contains('main-nav__toggle')")
    page.keyboard.press("Space")
    assert _is_open(page)


@pytest.mark.parametrize("javascript", [True, False], ids=["script", "no-script"])
@pytest.mark.parametrize("width", [800, 1280, 1400])
def test_wider_screens_keep_the_whole_menu(live_server, context_for, width, javascript):
    page = context_for({"width": width, "height": 800}, javascript=javascript).new_page()
    page.goto(f"{live_server.url}/ar/")
    menu = page.get_by_role("navigation", name=MAIN_MENU["ar"])
    assert page.locator(".main-nav__toggle").is_hidden()
    links = menu.get_by_role("link")
    assert links.count() >= 10
    assert all(links.nth(i).is_visible() for i in range(links.count()))


@pytest.fixture
def demo_site(transactional_db, live_server):
    call_command("load_demo", verbosity=0)
    return live_server


PAGES = [
    "bureau/",
    "bureau/committees/",
    "bureau/mandates/",
    "events/",
    "events/agenda/",
    "events/to-be-scheduled/",
    "members/",
    "search/?q=الأقاليم",
]


OUTSIDE = """() => {
  const width = document.documentElement.clientWidth;
  // A strip that scrolls sideways on its own (the calendar's views on a phone, a wide table)
  // keeps what it holds reachable: only what nothing lets you scroll to is lost.
  const scrolledInside = (el) => {
    for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
      if (["auto", "scroll"].includes(getComputedStyle(box).overflowX)) return true;
    }
    return false;
  };
  return [...document.querySelectorAll("body *")]
    .filter((el) => { const box = el.getBoundingClientRect(); return box.width > 1 && (box.left < -1 || box.right > width + 1); })
    .filter((el) => !el.closest(".skip-link"))
    .filter((el) => !scrolledInside(el))
    .map((el) => `${el.tagName}.${el.className}`);
}"""


@pytest.mark.parametrize("width", [320, 390, 1280, 1400])
def test_pages_never_scroll_sideways(page, demo_site, width):
    page.set_viewport_size({"width": width, "height": 800})
    paths = [*PAGES, *pages_of_objects()]
    for language in ("ar", "fr"):
        for path in paths:
            page.goto(f"{demo_site.url}/{language}/{path}")
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"/{language}/{path} scrolls sideways by {overflow}px at {width}px"
            # Right to left, what overflows the start side is cut off rather than scrollable.
            assert page.evaluate(OUTSIDE) == [], f"/{language}/{path} at {width}px"


def pages_of_objects():
    """A bureau member's page and a public activity's page with a venue, from the demo."""
    from bureau.models import Seat
    from events.models import Event

    person = Seat.objects.order_by("pk").first().person
    event = Event.objects.filter(visibility="public").exclude(venue_ar="").order_by("pk").first()
    return [f"bureau/people/{person.pk}/", event.get_absolute_url().split("/", 2)[2]]
