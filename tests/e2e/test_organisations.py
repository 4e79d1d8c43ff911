"""Relayed news and councils' pages in the browser, on the AMPCP demo (issue 20).

The press list's origin filter is used with the keyboard's links, the council page of Sefrou
shows its network and the Sefrou meeting, the admin of organisations and network members fits
the screen; axe-core finds nothing on any of them, in Arabic and French, at 1280 and 390 px.
Screenshots go to ``$ORGS_SCREENSHOTS`` when it is set.
"""

import os
import re

import pytest
from django.core.management import call_command
from django.test import Client

from tests.auth import force_login_verified

SIZES = [(1280, 800), (390, 844)]


@pytest.fixture
def demo_site(live_server):
    call_command("load_demo", verbosity=0)
    return live_server


def _shoot(page, name, language, width):
    shots = os.environ.get("ORGS_SCREENSHOTS")
    if shots:
        page.screenshot(path=f"{shots}/{name}-{language}-{width}.png", full_page=True)


def _fits(page):
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_press_list_filters_relayed_news_and_names_the_source(page, demo_site, axe_check, language):
    label = "نقلا عن" if language == "ar" else "Source :"
    relayed_label = (
        "أخبار منقولة عن هيئات أخرى" if language == "ar" else "Nouvelles relayées d'autres organisations"
    )
    for width, height in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        page.goto(f"{demo_site.url}/{language}/press/?year=2016")
        page.get_by_role("link", name=relayed_label).click()
        page.wait_for_url(re.compile(r".*origin=relayed.*"))
        assert "year=2016" in page.url  # the year chosen is kept
        assert page.get_by_role("link", name=relayed_label).get_attribute("aria-current") == "true"
        main = page.locator("main").inner_text()
        assert label in main
        assert (
            "الشبكة المغربية للحكامة التشاركية" in main
            or "Réseau marocain de la gouvernance participative" in main
        )
        assert _fits(page)
        axe_check(page)
        _shoot(page, "press-list-relayed", language, width)
        page.locator(".press-card__title a").first.click()
        page.wait_for_load_state()
        assert label in page.locator(".press-article__header").inner_text()
        axe_check(page)
        _shoot(page, "press-detail-relayed", language, width)


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_council_page_from_the_directory_data(page, demo_site, axe_check, language):
    from members.models import Council

    sefrou = Council.objects.get(commune__code="03.451.01.09")
    for width, height in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        page.goto(f"{demo_site.url}/{language}/members/councils/{sefrou.pk}/")
        assert page.locator("html").get_attribute("lang") == language
        main = page.locator("main").inner_text()
        assert (
            "الشبكة المغربية للحكامة التشاركية" in main
            or "Réseau marocain de la gouvernance participative" in main
        )
        assert "15" in page.locator(".network-list__facts").inner_text()  # the 15 communes named
        assert "الملتقى الثاني للشبكة المغربية للحكامة التشاركية" in main or "2e rencontre du Réseau" in main
        assert _fits(page)
        axe_check(page)
        _shoot(page, "council-sefrou", language, width)


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_admin_of_organisations_and_network_members(page, demo_site, axe_check, django_user_model, language):
    from members.models import Organisation

    user = django_user_model.objects.create_superuser("secretary", "s@example.org", "a-long-test-password")
    client = force_login_verified(Client(), user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": demo_site.url}]
    )
    network = Organisation.objects.get(name_ar="الشبكة المغربية للحكامة التشاركية")
    for path in [
        "members/organisation/",
        f"members/organisation/{network.pk}/change/",
        "members/networkmembership/",
        "members/networkmembership/import/",
    ]:
        for width, height in SIZES:
            page.set_viewport_size({"width": width, "height": height})
            page.goto(f"{demo_site.url}/{language}/admin/{path}")
            assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
            assert _fits(page), path
            axe_check(page)
            _shoot(page, "admin-" + re.sub(r"\W+", "-", path).strip("-"), language, width)
