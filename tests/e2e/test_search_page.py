"""The search results page in a real browser, in Arabic and French, checked by axe-core (WCAG 2.1
A and AA) in each state a reader meets: results, a type and a year chosen, sorted by date, and
nothing found with a "did you mean" that leads to results."""

import re
from urllib.parse import quote

import pytest
from django.core.management import call_command

# A query with results of several types and years, and a misspelling (one letter changed) of a
# word of the demo's titles that finds nothing by itself.
QUERIES = {
    "ar": ("الجماعات الترابية", "الدبلوماسبة", "الدبلوماسية"),
    "fr": ("cooperation decentralisee", "cooperasion", "coopération"),
}


@pytest.fixture
def demo_site(transactional_db, live_server):
    call_command("load_demo", verbosity=0)
    return live_server


# Known defect (issue 21, left open): with a kind chosen, the year facet still lists years that
# hold none of that kind, and the page for such a year renders neither results nor the message
# this test looks for. Not strict: it passes once that is fixed.
@pytest.mark.parametrize("language", ["ar", "fr"])
def test_the_results_page_in_each_state_passes_axe(page, demo_site, axe_check, language):
    found, misspelt, corrected = QUERIES[language]
    page.goto(f"{demo_site.url}/{language}/search/")
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    axe_check(page)

    # Results: typed in the box, grouped by type, the words marked.
    page.locator("main input[name=q]").fill(found)
    page.locator("main input[name=q]").press("Enter")
    page.wait_for_url(re.compile(rf"/{language}/search/\?q="))
    assert page.locator(".search-result").count() > 1
    assert page.locator(".search-result mark").count() > 0
    assert page.locator("main input[name=q]").input_value() == found
    axe_check(page)

    # One type, then one year of it, then newest first: each choice marked as current.
    page.locator(".search-facets a[href*='type=press']").first.click()
    page.wait_for_url(re.compile(r"type=press"))
    assert page.locator(".search-facets strong[aria-current]").count() >= 2
    axe_check(page)
    page.locator(".search-facets a[href*='year=']").first.click()
    page.wait_for_url(re.compile(r"year=\d{4}"))
    # The years offered are those of the chosen type: each leads to results of it.
    assert page.locator(".search-result").count() > 0
    axe_check(page)
    page.locator(".search-facets a[href*='order=date']").first.click()
    page.wait_for_url(re.compile(r"order=date"))
    assert "type=press" in page.url and "year=" in page.url
    axe_check(page)

    # Nothing found: a clear message and a suggestion that finds something.
    page.goto(f"{demo_site.url}/{language}/search/?q={quote(misspelt)}")
    assert page.locator(".search-result").count() == 0
    suggestion = page.locator("main a[href^='?q=']").first
    assert corrected in suggestion.inner_text()
    axe_check(page)
    suggestion.click()
    page.wait_for_url(re.compile(re.escape(f"?q={quote(corrected)}")))
    assert page.locator(".search-result").count() > 0
    axe_check(page)
