"""Every public page in a real browser, in both languages, on a phone and on a desktop.

The pages come from the URL configuration and the sitemap (one page per kind of address), so
a new page is covered without editing this test. On each: axe-core (WCAG 2.1 A and AA) finds
nothing, the console shows no error (a Content-Security-Policy violation is one), no request
fails, the direction follows the language, and the phone width never scrolls sideways.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.test import Client

from tests.urlwalk import public_patterns, sitemap_text

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}


@pytest.fixture
def demo_site(transactional_db, live_server):
    call_command("load_demo", verbosity=0)
    return live_server


def public_paths(language):
    """Paths of the public HTML pages in ``language``, one per kind of address."""
    client = Client()
    paths = set()
    for route, _name in public_patterns():
        if "<" in route or not route.startswith("ar/"):
            continue
        path = f"/{language}/{route[3:]}"
        response = client.get(path)
        if response.status_code == 200 and "text/html" in response.headers.get("Content-Type", ""):
            paths.add(path)
    shapes = set()
    sitemap = sitemap_text(client)
    for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap):
        path = urlsplit(loc).path
        if not path.startswith(f"/{language}/"):
            continue
        shape = re.sub(r"\d+", "N", re.sub(r"/[^/]+/$", "/X/", path))
        if shape not in shapes:
            shapes.add(shape)
            paths.add(path)
    return sorted(paths)


def _failed(request):
    """A request that really failed, not one the browser or a script cancelled.

    The admin's autocomplete (select2) aborts its previous request when the user types on, and
    Chromium drops its own favicon fetch when the page is left before it ends (a form submitted
    just after load); both are reported as ``net::ERR_ABORTED``. That is the page working, not a
    failure: a missing favicon still shows as an HTTP error response.
    """
    aborted = request.failure == "net::ERR_ABORTED"
    favicon = urlsplit(request.url).path.endswith(("/favicon.svg", "/favicon.ico"))
    return not (aborted and (request.resource_type in {"xhr", "fetch"} or favicon))


def watch(page):
    """Collect console errors, failed requests and error responses while the page is used."""
    problems = []
    page.on(
        "console", lambda message: message.type == "error" and problems.append(f"console: {message.text}")
    )
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on(
        "requestfailed",
        lambda request: _failed(request) and problems.append(f"failed: {request.url} {request.failure}"),
    )
    page.on(
        "response",
        lambda response: (
            response.status >= 400 and problems.append(f"HTTP {response.status}: {response.url}")
        ),
    )
    return problems


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("fr", "ltr")])
def test_every_public_page(page, demo_site, axe_check, language, direction, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    paths = public_paths(language)
    assert len(paths) >= 15
    problems = watch(page)
    for path in paths:
        page.goto(f"{demo_site.url}{path}")
        page.wait_for_load_state("networkidle")
        assert page.locator("html").get_attribute("dir") == direction, path
        assert page.locator("html").get_attribute("lang") == language, path
        axe_check(page)
        if viewport == "phone":
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"
        assert problems == [], f"{path}: {problems}"


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("fr", "ltr")])
def test_home_page_direction_in_a_real_browser(page, demo_site, language, direction):
    page.goto(f"{demo_site.url}/{language}/")
    # The layout really flows in that direction: the brand sits at the start of the header.
    brand = page.locator(".brand").bounding_box()
    width = page.viewport_size["width"]
    if direction == "rtl":
        assert brand["x"] + brand["width"] > width / 2
    else:
        assert brand["x"] < width / 2


def test_language_switcher_keeps_the_page(page, demo_site):
    page.goto(f"{demo_site.url}/ar/about/")
    page.get_by_role("navigation", name="اللغة").get_by_role("link", name="français").click()
    page.wait_for_url("**/fr/about/")
    assert page.locator("h1").inner_text() == "Présentation de l'association"
