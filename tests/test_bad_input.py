"""Malformed paths and query strings answer 400 or 404 with a translated page, never 500.

The URLs are enumerated from the project's own URL configuration, so a new view is covered
without editing this test: each parameter gets values that match its converter but point at
nothing (or are absurd), and each page gets the query strings people and robots send.
"""

import re

import pytest
from django.urls import URLResolver, get_resolver

from tests.urlwalk import public_patterns

ALLOWED = {200, 301, 302, 400, 403, 404, 405}

# Past 2^64 − 1: more than any integer column holds (SQLite's driver raised OverflowError: a 500).
HUGE = "99999999999999999999"

ABSURD_VALUES = {
    "int": ["999999999", "0", HUGE],
    "slug": ["no-such-thing", "a" * 300],
    "uslug": ["لا-يوجد-شيء", "%D9%8E%D9%8E"],
    "str": ["x" * 300, "..%2F..%2Fetc%2Fpasswd", "x%00y"],
    "path": ["no/such/thing"],
}

BAD_QUERIES = [
    "page=-1",
    "page=abc",
    "page=99999999999999999999",
    "page=0",
    "year=99999",
    "year=-5",
    "year=abc",
    "month=13",
    "month=0",
    "kind=%FF%FE",
    "category=%00",
    "q=%00",
    "kind=a%00b&region=%00",
    "q=" + "الأقاليم" * 400,
    "q=%FF%FE%FD",
    "q=%27%22%3E%3Cscript%3Ealert(1)%3C/script%3E",
    "lang=xx&page=2&page=3",
    # Ids the pages read from their query strings (links from other pages: ?council= on a council's page).
    f"council={HUGE}",
    f"region={HUGE}",
    f"year={HUGE}",
    f"kind={HUGE}",
    f"category={HUGE}",
    "year=%C2%B2",  # "²": str.isdigit() says yes, int() raises
    "council=%D9%A3",  # "٣", an Arabic-Indic digit
]


def query_names(html):
    """The names a page sends in its own query strings: its GET forms' fields and its links'
    parameters (``?level=…&page=2``), so that a new filter is tried without editing this test."""
    names = set()
    for form in re.findall(r"<form\b(?![^>]*method=\"post\")[^>]*>(.*?)</form>", html, flags=re.S | re.I):
        names.update(re.findall(r"<(?:input|select|textarea)\b[^>]*\bname=\"([^\"]+)\"", form))
    for query in re.findall(r"href=\"[^\"#]*\?([^\"#]*)\"", html):
        names.update(part.split("=", 1)[0] for part in query.replace("&amp;", "&").split("&") if part)
    return sorted(names - {"csrfmiddlewaretoken", "next"})


def urls_for(route):
    """Concrete URLs for ``route`` ("ar/events/<int:year>/<int:month>/"), one per absurd value."""
    names = re.findall(r"<(?:(\w+):)?(\w+)>", route)
    if not names:
        return [route]
    urls = []
    for converter, _name in names:
        for value in ABSURD_VALUES.get(converter or "str", ["x"]):
            url = re.sub(r"<(?:\w+:)?\w+>", value, route, count=1)
            url = re.sub(r"<(?:(\w+):)?\w+>", lambda m: ABSURD_VALUES.get(m.group(1) or "str")[0], url)
            urls.append(url)
    return urls


@pytest.mark.django_db
@pytest.mark.parametrize("visitor", ["anonymous", "superuser"])
def test_every_url_with_absurd_parameters_never_fails(request, visitor, demo):
    client = request.getfixturevalue("admin_client" if visitor == "superuser" else "client")
    client.raise_request_exception = False
    failures = []
    for route, name in public_patterns():
        for url in urls_for(route):
            response = client.get("/" + url)
            if response.status_code not in ALLOWED:
                failures.append((name, url[:80], response.status_code))
    assert failures == []


@pytest.mark.django_db
@pytest.mark.parametrize("visitor", ["anonymous", "superuser"])
def test_list_pages_survive_bad_query_strings(request, visitor, demo):
    client = request.getfixturevalue("admin_client" if visitor == "superuser" else "client")
    client.raise_request_exception = False
    failures = []
    pages = [route for route, _name in public_patterns() if "<" not in route]
    for route in pages:
        page = client.get(f"/{route}")
        names = query_names(page.content.decode(errors="replace")) if page.status_code == 200 else []
        for query in [*BAD_QUERIES, *(f"{name}={HUGE}" for name in names)]:
            response = client.get(f"/{route}?{query}")
            if response.status_code not in ALLOWED:
                failures.append((route, query[:40], response.status_code))
    assert failures == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    ["/ar/events/2026/13/", "/ar/events/99999/1/", "/fr/events/0/5/", "/ar/events/programme/99999/"],
)
def test_impossible_dates_are_not_found(client, url):
    assert client.get(url).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/xx/press/", "/en/", "/ar/press/%FF%FE/", "/ar/%D8/"])
def test_unknown_language_or_broken_utf8_is_a_translated_not_found_page(client, url):
    response = client.get(url)
    assert response.status_code in {400, 404}
    html = response.content.decode()
    assert 'dir="rtl"' in html  # the default language's page, with the portal's layout


@pytest.mark.django_db
def test_not_found_page_speaks_the_language_of_the_url(client):
    french = client.get("/fr/no-such-page/")
    assert french.status_code == 404
    assert '<html lang="fr" dir="ltr"' in french.content.decode()
    arabic = client.get("/ar/no-such-page/")
    assert '<html lang="ar" dir="rtl"' in arabic.content.decode()


def test_the_walk_finds_the_apps_pages():
    routes = [route for route, _name in public_patterns()]
    assert any(route.startswith("ar/events/") for route in routes)
    assert any(route.startswith("ar/press/") for route in routes)
    assert not any("admin/" in route for route in routes)
    assert isinstance(get_resolver().url_patterns[0], (URLResolver, object))


@pytest.mark.django_db
@pytest.mark.parametrize("language, words", [("ar", 'lang="ar" dir="rtl"'), ("fr", 'lang="fr" dir="ltr"')])
def test_a_nul_character_gets_the_translated_400_page(client, language, words):
    """PostgreSQL refuses NUL in text: it must never reach a query (a 500 there, not on SQLite)."""
    client.raise_request_exception = False
    for url in (f"/{language}/press/?category=%00", f"/{language}/search/?q=a%00b", f"/{language}/x%00/"):
        response = client.get(url)
        assert response.status_code == 400, url
        assert words in response.content.decode()


@pytest.mark.django_db
def test_a_host_that_is_not_allowed_gets_the_translated_400_page_on_every_url(client, settings):
    """The 400 page must not ask for the host again (it once did, in the layout): never a 500."""
    settings.DEBUG = False
    client.raise_request_exception = False
    urls = ["/health/", "/robots.txt", "/sitemap.xml", "/ar/admin/", "/fr/admin/login/", "/nowhere"]
    urls += ["/" + urls_for(route)[0] for route, _name in public_patterns()]
    failures = []
    for url in urls:
        for method in (client.get, client.post):
            response = method(url, HTTP_HOST="evil.example")
            if response.status_code != 400:
                failures.append((method.__name__, url[:80], response.status_code))
    assert failures == []
    french = client.get("/fr/press/", HTTP_HOST="evil.example:80").content.decode()
    assert '<html lang="fr" dir="ltr"' in french and "evil.example" not in french
    arabic = client.get("/ar/", HTTP_HOST="evil.example").content.decode()
    assert '<html lang="ar" dir="rtl"' in arabic and "evil.example" not in arabic


JUNK = ["abc", "-1", "%00", "9999999999999999999", HUGE, "%27", "%3Cx%3E"]


def admin_changelists():
    """The changelist address of every model registered in the admin."""
    from django.contrib import admin

    return sorted(
        f"/ar/admin/{model._meta.app_label}/{model._meta.model_name}/" for model in admin.site._registry
    )


@pytest.mark.django_db
def test_every_admin_changelist_survives_junk_filters_and_searches(admin_client, demo):
    """Each filter's parameters (read from the changelist itself) and ``q`` get junk: never a 500."""
    admin_client.raise_request_exception = False
    failures = []
    for url in admin_changelists():
        page = admin_client.get(url)
        assert page.status_code == 200, url
        if "cl" not in page.context:  # a single object (the association's profile): no list
            continue
        changelist = page.context["cl"]
        parameters = {"q"} if changelist.search_fields else set()
        for spec in changelist.filter_specs:
            parameters.update(spec.expected_parameters())
        for parameter in sorted(parameters):
            for junk in JUNK:
                response = admin_client.get(f"{url}?{parameter}={junk}")
                if response.status_code not in ALLOWED:
                    failures.append((url, parameter, junk, response.status_code))
    assert failures == []


CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/ar/press/%00/", "/fr/press/%00/", "/ar/nope/", "/fr/x%01y/", "/ar/press/%1B%5B31m/", "/ar/%7F/"]
)
def test_error_pages_declare_no_canonical_and_write_no_control_character(client, url):
    """The 400 page wrote the NUL of ``/ar/press/%00/`` raw into its canonical link (a parse
    error in HTML): an error page has no canonical, and no address is written unencoded."""
    client.raise_request_exception = False
    response = client.get(url)
    assert response.status_code in {400, 404}
    html = response.content.decode()
    assert 'rel="canonical"' not in html
    assert not CONTROL.search(html), CONTROL.search(html)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "language", "other"),
    [
        ("/fr/nope/", "ar", "/ar/nope/"),
        ("/ar/nope/", "fr", "/fr/nope/"),
        ("/fr/press/%00/", "ar", "/ar/press/%00/"),
        ("/ar/no/such/page/?q=1", "fr", "/fr/no/such/page/?q=1"),
    ],
)
def test_the_language_switcher_of_an_unknown_address_leads_to_the_other_language(
    client, url, language, other
):
    """The switcher linked ``/fr/nope/`` to itself: a click stayed on the French page. Its link
    goes through the switch view (which remembers the choice) to the other language's address."""
    client.raise_request_exception = False
    html = client.get(url).content.decode()
    link = re.search(rf'<a href="([^"]+)" hreflang="{language}"', html)
    assert link, html
    response = client.get(link.group(1).replace("&amp;", "&"))
    assert response.status_code == 302 and response["Location"] == other


@pytest.mark.django_db
def test_a_page_canonical_is_its_address_percent_encoded(client, demo):
    html = client.get("/ar/press/").content.decode()
    assert re.search(r'<link rel="canonical" href="http://testserver/ar/press/">', html)
