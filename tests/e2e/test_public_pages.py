import pytest
from django.core.management import call_command

PAGES = ["", "about/", "partners/", "documents/", "contact/"]


@pytest.fixture
def demo_site(transactional_db, live_server):
    call_command("load_demo", verbosity=0)
    return live_server


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("fr", "ltr")])
def test_home_page_direction_in_a_real_browser(page, demo_site, language, direction):
    page.goto(f"{demo_site.url}/{language}/")
    assert page.locator("html").get_attribute("dir") == direction
    assert page.locator("html").get_attribute("lang") == language
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


@pytest.mark.parametrize("language", ["ar", "fr"])
@pytest.mark.parametrize("path", PAGES)
def test_pages_have_no_accessibility_violations(page, demo_site, axe_check, language, path):
    page.goto(f"{demo_site.url}/{language}/{path}")
    axe_check(page)


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_phone_width_has_no_horizontal_scroll(page, demo_site, language):
    page.set_viewport_size({"width": 390, "height": 844})
    for path in PAGES:
        page.goto(f"{demo_site.url}/{language}/{path}")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, path
