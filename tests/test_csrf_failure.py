"""A form sent without a valid CSRF token (left open too long, cookies off) gets the portal's own
page in the language of its address, saying to reload the form (portal.views.csrf_failure)."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def browser():
    """A client that, like a browser whose CSRF cookie expired, is checked for the token."""
    return Client(enforce_csrf_checks=True)


@pytest.mark.parametrize(
    ("url", "html", "title", "advice"),
    [
        ("/ar/contact/", '<html lang="ar" dir="rtl"', "انتهت صلاحية هذا النموذج", "أعيدوا تحميل النموذج"),
        (
            "/ar/members/login/",
            '<html lang="ar" dir="rtl"',
            "انتهت صلاحية هذا النموذج",
            "أعيدوا تحميل النموذج",
        ),
        (
            "/fr/members/apply/",
            '<html lang="fr" dir="ltr"',
            "Ce formulaire a expiré",
            "Rechargez le formulaire",
        ),
        ("/fr/contact/", '<html lang="fr" dir="ltr"', "Ce formulaire a expiré", "Rechargez le formulaire"),
    ],
)
def test_a_form_without_its_token_gets_the_portals_translated_page(browser, url, html, title, advice):
    response = browser.post(url, {"message": "x"})
    assert response.status_code == 403
    page = response.content.decode()
    assert html in page
    assert f"<title>{title}" in page and f"<h1>{title}</h1>" in page
    assert advice in page
    # The portal's layout (header, menu, footer), and a way back to the form.
    assert 'class="site-header"' in page and "<footer" in page
    assert f'<a class="button" href="{url}">' in page
    assert "CSRF" not in page and 'lang="en"' not in page


def test_the_link_goes_back_to_the_portal_page_the_form_was_on(browser):
    response = browser.post(
        "/fr/members/login/?next=/fr/members/account/",
        HTTP_REFERER="http://testserver/fr/training/session/3/",
    )
    assert '<a class="button" href="http://testserver/fr/training/session/3/">' in response.content.decode()
    # A referring page elsewhere is not linked to: the address the form was sent to is.
    response = browser.post("/fr/members/login/?next=/fr/", HTTP_REFERER="https://evil.example/fr/")
    page = response.content.decode()
    assert "evil.example" not in page
    assert '<a class="button" href="/fr/members/login/?next=/fr/">' in page


def test_the_page_is_never_cached(browser, settings):
    settings.PAGE_CACHE = True
    response = browser.post("/ar/contact/", {"message": "x"})
    assert response.status_code == 403
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert not response.has_header("ETag") and not response.has_header("X-Page-Cache")
