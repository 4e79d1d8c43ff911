"""Every admin page the secretariat uses fits the screen, is accessible and speaks its language.

Walked in Arabic and French, at 1280×800 and on a 390 px phone, on the AMPCP demo, as a
superuser with a confirmed second factor: axe-core (WCAG 2.1 AA) finds nothing, the page never
scrolls sideways, ``<html>`` has the right ``lang`` and ``dir``, and none of the English that
Django and its libraries used to show is left in the Arabic admin. Screenshots go to
``$ADMIN_SCREENSHOTS`` when it is set.
"""

import os
import re

import pytest
from django.core.management import call_command
from django.test import Client

from tests.auth import force_login_verified

SIZES = [(1280, 800), (390, 844)]
# Django's, django-simple-history's and the admin's English that must not reach the Arabic admin.
ENGLISH = ["Add another", "Changes", "Search", "True", "False", "Arabic", "French", "Axes", "Move up"]


def _pages():
    from bureau.models import Committee, Mandate
    from events.models import Event
    from members.models import Council, Person

    mandate = Mandate.objects.current()
    history = mandate.history.first()
    person = Person.objects.filter(bureau_seats__isnull=False).first()
    return [
        "",
        f"bureau/mandate/{mandate.pk}/change/",
        "bureau/committee/",
        f"bureau/committee/{Committee.objects.filter(mandate=mandate).first().pk}/change/",
        "members/person/",
        f"members/person/{person.pk}/change/",
        "members/council/",
        f"members/council/{Council.objects.filter(seats__isnull=False).first().pk}/change/",
        "members/membershipapplication/",
        "events/event/",
        f"events/event/{Event.objects.first().pk}/change/",
        "association/pressrelease/",
        f"bureau/mandate/{mandate.pk}/history/",
        f"bureau/mandate/{mandate.pk}/history/{history.history_id}/",
    ]


@pytest.fixture
def signed_in(page, live_server, django_user_model):
    call_command("load_demo", verbosity=0)
    user = django_user_model.objects.create_superuser("secretary", "s@example.org", "a-long-test-password")
    client = force_login_verified(Client(), user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return live_server


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_admin_pages_fit_speak_and_pass_axe(page, signed_in, axe_check, language):
    problems = []
    shots = os.environ.get("ADMIN_SCREENSHOTS")
    for path in _pages():
        for width, height in SIZES:
            page.set_viewport_size({"width": width, "height": height})
            page.goto(f"{signed_in.url}/{language}/admin/{path}")
            where = f"{language} {width}px /admin/{path}"
            html = page.locator("html")
            if html.get_attribute("lang") != language or html.get_attribute("dir") != (
                "rtl" if language == "ar" else "ltr"
            ):
                problems.append(f"{where}: lang/dir")
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            if overflow > 0:
                problems.append(f"{where}: {overflow}px wider than the screen")
            try:
                axe_check(page)
            except AssertionError as error:
                problems.append(f"{where}: {error}")
            if language == "ar":
                text = page.evaluate(
                    """() => [document.body.innerText, ...Array.from(document.querySelectorAll('[alt],[aria-label],input[type=submit]'),
                        e => e.getAttribute('alt') || e.getAttribute('aria-label') || e.value)].join(' ')"""
                )
                english = [word for word in ENGLISH if re.search(rf"\b{word}\b", text)]
                if english:
                    problems.append(f"{where}: English {english}")
            if shots:
                name = re.sub(r"\W+", "-", path).strip("-") or "index"
                page.screenshot(path=f"{shots}/{name}-{language}-{width}.png", full_page=True)
    assert not problems, "\n".join(problems)


def test_rows_of_a_sortable_inline_move_with_the_keyboard(page, signed_in):
    from bureau.models import Mandate

    mandate = Mandate.objects.current()
    page.goto(f"{signed_in.url}/ar/admin/bureau/mandate/{mandate.pk}/change/")
    rows = page.locator("#seats-group tr.has_original")
    first, second = rows.nth(0).get_attribute("id"), rows.nth(1).get_attribute("id")
    rows.nth(1).locator("button[data-move=up]").focus()
    page.keyboard.press("Enter")
    assert rows.nth(0).get_attribute("id") == second and rows.nth(1).get_attribute("id") == first
    orders = [
        int(value) for value in rows.locator("input._reorder_").evaluate_all("els => els.map(e => e.value)")
    ]
    assert orders == sorted(orders)
    # On a phone the rows are cards, each input with its own visible label.
    page.set_viewport_size({"width": 390, "height": 844})
    label = rows.nth(0).locator("td.field-start > label:first-child")
    assert label.is_visible() and label.bounding_box()["width"] > 20
