"""Acceptance: the portal's three uses, end to end in Chromium, in Arabic and in French, on a
phone (390 x 844) and on a desktop (1280 x 800).

Each use starts from the demo content (``load_demo``, transcribed from the source documents)
plus, through the factories, what the demo lacks: an upcoming training session open for
registration and a members-only activity. The person moves through the site as they would
(menus, links, buttons: no typed addresses after the first page); on every page the console
shows no error (a Content-Security-Policy violation is one), no request fails, and axe-core
(WCAG 2.1 A and AA) finds nothing at the end of each use.

1. The secretariat edits the bureau in the admin (see ``test_secretariat_edits_the_bureau``).
2. A member uses the calendar, its feeds and the training registrations.
3. A visitor reads the latest press release, switches language, follows the RSS feed, searches.
"""

import contextlib
import datetime
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from icalendar import Calendar
from playwright.sync_api import expect

from tests.e2e.navigation import main_menu_link
from tests.e2e.test_public_pages import watch

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
OTHER = {"ar": "fr", "fr": "ar"}
PASSWORD = "a-long-test-password"
MEMBERS_ONLY_TITLE = "اجتماع المكتب التنفيذي المخصص للأعضاء"


COMBINATIONS = [(language, viewport) for language in ("ar", "fr") for viewport in VIEWPORTS]


def each_combination(browser, browser_context_args):
    """For each language and screen size, a fresh browser (no cookies) and its problem list.

    The combinations run inside one test, on one loaded demo: loading it again for each would
    take most of the run. A failure names its combination (see ``labelled``)."""
    for language, viewport in COMBINATIONS:
        context = browser.new_context(**{**browser_context_args, "viewport": VIEWPORTS[viewport]})
        try:
            page = context.new_page()
            yield language, viewport, page, watch(page)
        finally:
            context.close()


@contextlib.contextmanager
def labelled(language, viewport):
    """Prefix a failure with the language and screen size it happened in."""
    try:
        yield
    except Exception as exc:
        raise AssertionError(f"[{language}, {viewport}] {exc}") from exc


def _fits(page):
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"


def _first_of_next_month(today):
    return (today.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)


@pytest.fixture
def demo_site(transactional_db, live_server):
    call_command("load_demo", verbosity=0)
    return live_server


@pytest.fixture
def member_site(demo_site, django_user_model):
    """The demo plus a member, an upcoming training session next month open for registration
    and, the day after it, a members-only bureau meeting."""
    from django.utils import timezone

    from events.models import Event, EventKind
    from tests.events.factories import EventFactory
    from tests.training.factories import EventFactory as TrainingEventFactory
    from tests.training.factories import SessionFactory, member

    users = {
        (language, viewport): member(django_user_model, username=f"elu-{language}-{viewport}")
        for language, viewport in COMBINATIONS
    }
    day = _first_of_next_month(timezone.localdate()) + datetime.timedelta(days=11)
    session = SessionFactory(
        capacity=18,
        event=TrainingEventFactory(
            start_date=day,
            title_ar="دورة تكوينية حول تدبير مالية مجالس العمالات والأقاليم",
            title_fr="Session de formation sur la gestion financière des conseils",
        ),
    )
    meeting = EventFactory(
        kind=EventKind.objects.get(slug="executive-bureau"),
        title_ar=MEMBERS_ONLY_TITLE,
        title_fr="Réunion du bureau exécutif réservée aux membres",
        start_date=day + datetime.timedelta(days=1),
        visibility=Event.Visibility.MEMBERS,
    )
    return demo_site, users, session, meeting


def _title(obj, language):
    return getattr(obj, f"title_{language}") or obj.title_ar


# ---------------------------------------------------------------------------------------------
# 2. A member: calendar, .ics, private feed, training registration.


def test_member_uses_the_calendar_and_registers_for_training(
    browser, browser_context_args, member_site, axe_check, tmp_path
):
    site, users, session, meeting = member_site
    for language, viewport, page, problems in each_combination(browser, browser_context_args):
        with labelled(language, viewport):
            member_uses_the_calendar_and_training(
                page,
                problems,
                axe_check,
                tmp_path,
                site,
                users[language, viewport],
                session,
                meeting,
                language,
            )


def member_uses_the_calendar_and_training(
    page, problems, axe_check, tmp_path, site, user, session, meeting, language
):
    training = session.event

    # Log in from the link in the header.
    page.goto(f"{site.url}/{language}/")
    page.locator(f'.account-links a[href="/{language}/members/login/"]').click()
    page.wait_for_url(f"**/{language}/members/login/**")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".account-links form button").count() == 1, "not logged in"
    assert problems == [], problems

    # The month calendar, from the main menu; then the next month, which has the session.
    main_menu_link(page, f"/{language}/events/").click()
    page.wait_for_url(f"**/{language}/events/")
    _fits(page)
    page.locator('.month-header a[rel="next"]').click()
    month = f"/{language}/events/{training.start_date.year}/{training.start_date.month}/"
    page.wait_for_url(f"**{month}")
    grid = page.locator("table.month-grid")
    assert grid.get_by_role("link", name=_title(training, language)).is_visible()
    assert grid.get_by_role("link", name=_title(meeting, language)).is_visible()  # members see it
    _fits(page)
    assert problems == [], problems

    # Filter by kind: training only; the bureau meeting goes, the month stays.
    page.select_option("#id_kind", "training")
    page.locator("#id_kind").locator("xpath=ancestor::form").locator("button[type=submit]").click()
    page.wait_for_url(re.compile(re.escape(month) + r"\?kind=training"))
    titles = grid.locator(".month-grid__event").all_inner_texts()
    assert any(_title(training, language) in title for title in titles), titles
    assert not any(_title(meeting, language) in title for title in titles), titles

    # Open the session's activity and download its .ics.
    grid.get_by_role("link", name=_title(training, language)).click()
    page.wait_for_url(f"**/{language}/events/event/{training.pk}/")
    assert page.locator("h1").inner_text() == _title(training, language)
    with page.expect_download() as download_info:
        page.locator(f'a[href="/{language}/events/event/{training.pk}/calendar.ics"]').click()
    path = Path(tmp_path) / "event.ics"
    download_info.value.save_as(path)
    [entry] = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert entry["DTSTART"].dt == training.start_date
    assert _title(training, language) in str(entry["SUMMARY"])
    _fits(page)
    assert problems == [], problems

    # The subscribe page: the private address carries the members-only meeting, the public
    # address does not.
    page.locator(f'main a[href="/{language}/events/subscribe/"]').first.click()
    page.wait_for_url(f"**/{language}/events/subscribe/")
    private = page.locator("#private-feed").input_value()
    public = page.locator("#public-feed").input_value()
    assert re.search(rf"/{language}/events/private/[\w-]+/calendar\.ics$", private), private

    def summaries(url):
        response = page.context.request.get(url if url.startswith("http") else f"{site.url}{url}")
        assert response.ok, url
        return [str(e["SUMMARY"]) for e in Calendar.from_ical(response.body()).walk("VEVENT")]

    private_summaries = summaries(private)
    public_summaries = summaries(public)
    assert any(_title(meeting, language) in s for s in private_summaries)
    assert not any(_title(meeting, language) in s for s in public_summaries)
    assert any(_title(training, language) in s for s in public_summaries)
    _fits(page)
    assert problems == [], problems

    # Training, from the main menu: register for the session.
    main_menu_link(page, f"/{language}/training/").click()
    page.wait_for_url(f"**/{language}/training/")
    card = page.locator(f"#session-{session.pk}").locator("xpath=..")
    seats = {"ar": "يتبقى 18 مقعدا", "fr": "18 places restantes"}[language]
    assert seats in card.inner_text()
    card.locator("button[type=submit]").click()
    page.wait_for_url(f"**/{language}/training/session/{session.pk}/")
    assert page.locator(".training-status--registered").is_visible()
    assert session.registrations.filter(person=user.person, status="registered").count() == 1
    _fits(page)

    # Under their registrations, then cancelled: the seat is free again.
    page.locator(f'.training-status a[href="/{language}/training/mine/"]').click()
    page.wait_for_url(f"**/{language}/training/mine/")
    row = page.locator("tbody tr", has_text=_title(training, language))
    assert row.count() == 1
    _fits(page)
    # Cancelling asks first, on a page that names the session; "yes" cancels.
    row.locator(".button--secondary").click()
    page.wait_for_url(re.compile(rf"/{language}/training/registration/\d+/cancel/$"))
    assert _title(training, language) in page.locator("main").inner_text()
    _fits(page)
    page.locator("form.form-actions button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/{language}/training/mine/#registration-\d+$"))
    status = {"ar": "ملغى", "fr": "Annulé"}[language]
    assert status in page.locator("tbody tr", has_text=_title(training, language)).inner_text()
    session.refresh_from_db()
    assert session.seats_left == 18
    page.goto(f"{site.url}/{language}/training/")
    assert seats in page.locator(f"#session-{session.pk}").locator("xpath=..").inner_text()
    assert problems == [], problems
    axe_check(page)


# ---------------------------------------------------------------------------------------------
# 3. A visitor: home, latest press release, the other language and back, RSS, search.


def test_visitor_reads_the_news_switches_language_follows_rss_and_searches(
    browser, browser_context_args, demo_site, axe_check
):
    for language, viewport, page, problems in each_combination(browser, browser_context_args):
        with labelled(language, viewport):
            visitor_reads_switches_follows_rss_and_searches(page, problems, axe_check, demo_site, language)


def visitor_reads_switches_follows_rss_and_searches(page, problems, axe_check, site, language):
    from press.models import PressRelease

    other = OTHER[language]
    latest = PressRelease.objects.published().first()

    page.goto(f"{site.url}/{language}/")
    _fits(page)
    first = page.locator("section.home-press .press-card__title a").first
    assert first.inner_text() == _title(latest, language)
    first.click()
    page.wait_for_url(re.compile(rf"/{language}/press/[^/]+/$"))
    article = page.url
    assert page.locator("h1").inner_text() == _title(latest, language)
    _fits(page)
    assert problems == [], problems

    # To the other language and back: the same press release each time.
    page.locator(f'.language-switcher a[hreflang="{other}"]').click()
    page.wait_for_url(re.compile(rf"/{other}/press/[^/]+/$"))
    assert page.locator("html").get_attribute("lang") == other
    assert page.locator("h1").inner_text() == _title(latest, other)
    _fits(page)
    page.locator(f'.language-switcher a[hreflang="{language}"]').click()
    page.wait_for_url(article)
    assert page.locator("h1").inner_text() == _title(latest, language)
    assert problems == [], problems

    # The RSS feed declared in the head: fetched, parsed, the latest release is its first item.
    href = page.locator('head link[rel="alternate"][type="application/rss+xml"]').get_attribute("href")
    assert href == f"/{language}/press/feed/rss/"
    response = page.context.request.get(f"{site.url}{href}")
    assert response.ok and "xml" in response.headers["content-type"]
    import xml.etree.ElementTree as ET

    channel = ET.fromstring(response.body()).find("channel")
    items = channel.findall("item")
    assert items and items[0].findtext("title") == _title(latest, language)
    assert items[0].findtext("link").endswith(page.url.removeprefix(site.url))

    # Search from the main menu, without the hamza: finds the words written with it.
    main_menu_link(page, f"/{language}/search/").click()
    page.wait_for_url(f"**/{language}/search/")
    page.locator("main input[name=q]").fill("الاقاليم")
    page.locator("main input[name=q]").press("Enter")
    page.wait_for_url(re.compile(rf"/{language}/search/\?q="))
    results = page.locator(".search-result").all_inner_texts()
    # The press releases written with the hamza are found, shown in the page's language.
    expected = [
        _title(item, language) for item in PressRelease.objects.published() if "الأقاليم" in item.title_ar
    ]
    assert expected
    assert any(title in text for title in expected for text in results), results
    if language == "ar":
        assert any("الأقاليم" in text for text in results)
    _fits(page)
    assert problems == [], problems
    axe_check(page)


# ---------------------------------------------------------------------------------------------
# 1. The secretariat: the bureau in the admin, then the public bureau page.

# What the public page shows after the edit: (Arabic, French) names and titles.
NAMES = {
    "chaoui": {"ar": "فاطمة الزهراء الشاوي", "fr": "Fatima Zahra Chaoui"},
    "bakkouri": {"ar": "مصطفى البكوري", "fr": "Mustapha Bakkouri"},
    "boudiab": {"ar": "رضوان بودياب", "fr": "Redouane Boudiab"},
    "idrissi": {"ar": "نجاة الإدريسي", "fr": "Najat Idrissi"},
}
TITLES = {
    "ar": {"first_vp_f": "النائبة الأولى", "second_vp_m": "النائب الثاني", "councillor_f": "مستشارة"},
    "fr": {
        "first_vp_f": "1re vice-présidente",
        "second_vp_m": "2e vice-président",
        "councillor_f": "Conseillère",
    },
}


@pytest.fixture
def bureau_site(transactional_db, live_server, django_user_model):
    """The Tangier-Tetouan demo (its bureau has councillors, the AMPCP one has none), a
    secretariat account and, in the members register, a person not on the bureau yet."""
    from django.contrib.auth.models import Group

    from members.models import Person
    from portal.roles import SECRETARIAT

    call_command("load_demo", association="tanger-tetouan", verbosity=0)
    user = django_user_model.objects.create_user("secretariat", "s@example.org", PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=SECRETARIAT))
    Person.objects.create(name_ar=NAMES["idrissi"]["ar"], name_fr=NAMES["idrissi"]["fr"], gender="f")
    return live_server


def _reset_bureau():
    """The roster as the source gives it again, before the next language and screen size."""
    from bureau import demo as bureau_demo
    from bureau.models import Mandate

    Mandate.objects.current().seats.all().delete()
    bureau_demo.load("tanger-tetouan")


def test_secretariat_edits_the_bureau(browser, browser_context_args, bureau_site, axe_check):
    for language, viewport, page, problems in each_combination(browser, browser_context_args):
        with labelled(language, viewport):
            secretariat_edits_the_bureau(page, problems, axe_check, bureau_site, language, viewport)
        _reset_bureau()


def _seat_row(page, name):
    return page.locator(
        "#seats-group tr.form-row.has_original", has=page.locator(f"option[selected]:has-text('{name}')")
    )


def secretariat_edits_the_bureau(page, problems, axe_check, site, language, viewport):
    from bureau.models import Mandate

    mandate = Mandate.objects.current()
    names = {key: value[language] for key, value in NAMES.items()}
    page.goto(f"{site.url}/{language}/admin/login/")
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    page.fill("#id_username", "secretariat")
    page.fill("#id_password", PASSWORD)
    page.locator("input[type=submit]").click()
    page.wait_for_url(f"**/{language}/admin/")

    # From the admin index to the current mandate.
    page.locator(f'#content-main a[href="/{language}/admin/bureau/mandate/"]').first.click()
    page.wait_for_url(f"**/{language}/admin/bureau/mandate/")
    page.locator("#result_list tbody th a").first.click()
    page.wait_for_url(f"**/{language}/admin/bureau/mandate/{mandate.pk}/change/")
    assert problems == [], problems

    # Move the second vice-president (a woman) above the first, with the keyboard's move button.
    second = _seat_row(page, names["chaoui"])
    second.locator(".inline-move button[data-move='up']").focus()
    page.keyboard.press("Enter")
    rows = page.locator("#seats-group tr.has_original td.field-person option[selected]")
    # The picker labels each person with both names and their council (namesakes differ).
    expect(rows.nth(1)).to_contain_text(names["chaoui"])  # after the president
    expect(rows.nth(2)).to_contain_text(names["bakkouri"])

    # Replace a councillor: the other person is found by typing another spelling of her name.
    councillor = _seat_row(page, names["boudiab"])
    councillor.locator("td.field-person .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill("نجاه الادريسى")
    page.locator(".select2-results__option", has_text=names["idrissi"]).click()
    # The row's title follows before saving: a woman councillor.
    expect(councillor.locator("td.field-generated_title")).to_contain_text(TITLES[language]["councillor_f"])
    page.locator("input[name=_save]").last.click()
    page.wait_for_url(f"**/{language}/admin/bureau/mandate/")
    assert page.locator(".messagelist .success").count() == 1
    assert problems == [], problems
    axe_check(page)

    # The public page: the new order, the titles agree with the new holders' gender.
    page.goto(f"{site.url}/{language}/bureau/")
    text = page.locator("main").inner_text()
    titles = TITLES[language]
    assert text.index(names["chaoui"]) < text.index(names["bakkouri"])
    assert titles["first_vp_f"] in text and titles["second_vp_m"] in text
    assert names["idrissi"] in text and names["boudiab"] not in text
    card = page.locator(".bureau-card", has_text=names["idrissi"])
    assert card.locator(".bureau-card__title").inner_text() == titles["councillor_f"]
    _fits(page)
    assert problems == [], problems
    axe_check(page)
