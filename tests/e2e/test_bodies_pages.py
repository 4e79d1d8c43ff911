"""The Azemmour foundation's demo in a real browser: its bodies, its about page and a French page
of a text written only in Arabic pass axe, keep their direction per part and never scroll sideways."""

import pytest
from django.core.management import call_command

from tests.e2e.test_public_pages import VIEWPORTS, watch

pytestmark = pytest.mark.browser

PAGES = [
    ("ar", "/ar/bureau/bodies/"),
    ("fr", "/fr/bureau/bodies/"),
    ("ar", "/ar/about/"),
    ("fr", "/fr/about/"),
    ("fr", "/fr/press/fondation-dazemmour-pour-le-developpement-local/"),
]


@pytest.fixture
def azemmour_site(transactional_db, live_server):
    call_command("load_demo", "--association", "azemmour", verbosity=0)
    return live_server


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_azemmour_pages(page, azemmour_site, axe_check, viewport):
    page.set_viewport_size(VIEWPORTS[viewport])
    problems = watch(page)
    for language, path in PAGES:
        page.goto(f"{azemmour_site.url}{path}")
        assert page.locator("html").get_attribute("lang") == language, path
        axe_check(page)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"
        assert problems == [], f"{path}: {problems}"
    # The French press page: a French notice, then the Arabic text marked Arabic, right to left.
    notice = page.locator(".untranslated-notice")
    assert notice.inner_text() == "Ce contenu n'est disponible qu'en arabe."
    body = page.locator(".press-article__body")
    assert body.get_attribute("lang") == "ar" and body.get_attribute("dir") == "rtl"
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.press-article__body')).direction") == "rtl"
    )
    # The bodies page lists the three bodies, the bureau's five members under the first.
    page.goto(f"{azemmour_site.url}/ar/bureau/bodies/")
    assert page.locator("section.bureau-body > h2").all_inner_texts() == [
        "المكتب التنفيذي",
        "المجلس الإداري",
        "المجلس الاستشاري للكفاءات المدنية",
    ]
    assert page.locator("#body-executive_bureau .bureau-card").count() == 5
