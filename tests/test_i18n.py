"""Arabic first: direction, Moroccan month names, Western digits, fallback, alternates."""

import datetime

import pytest
from django.template.defaultfilters import date as date_filter
from django.urls import reverse
from django.utils import translation

from association.models import AssociationProfile
from tests.factories import PartnerFactory

MOROCCAN_MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو",
                   "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"]  # fmt: skip
LEVANTINE = ["كانون", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين", "سبتمبر", "ديسمبر", "أغسطس", "نوفمبر"]


@pytest.mark.parametrize("month", range(1, 13))
def test_arabic_dates_use_moroccan_month_names(month):
    day = datetime.date(2022, month, 29 if month != 2 else 28)
    with translation.override("ar"):
        for fmt in ("DATE_FORMAT", "F", "E", "N", "b", "YEAR_MONTH_FORMAT", "MONTH_DAY_FORMAT"):
            text = date_filter(day, fmt)
            assert MOROCCAN_MONTHS[month - 1] in text, (fmt, text)
            assert not any(word in text for word in LEVANTINE), (fmt, text)


def test_arabic_dates_read_as_in_the_sources_with_western_digits():
    with translation.override("ar"):
        assert date_filter(datetime.date(2022, 1, 29), "DATE_FORMAT") == "29 يناير 2022"
        assert date_filter(datetime.date(2022, 9, 16), "DATE_FORMAT") == "16 شتنبر 2022"
    with translation.override("fr"):
        assert date_filter(datetime.date(2022, 1, 29), "DATE_FORMAT") == "29 janvier 2022"


@pytest.mark.django_db
def test_admin_date_picker_uses_moroccan_months(admin_client):
    body = admin_client.get("/ar/admin/jsi18n/").content.decode()
    assert "\\u063a\\u0634\\u062a" in body or "غشت" in body  # August
    assert "\\u062f\\u062c\\u0646\\u0628\\u0631" in body or "دجنبر" in body  # December


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("fr", "ltr")])
def test_page_direction_follows_the_language(client, language, direction):
    response = client.get(f"/{language}/")
    assert f'<html lang="{language}" dir="{direction}"' in response.content.decode()


@pytest.mark.django_db
def test_root_goes_to_arabic_even_for_a_french_browser(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9")
    assert response.status_code == 302
    assert response["Location"] == "/ar/"


@pytest.mark.django_db
def test_a_chosen_language_is_remembered(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    assert client.get("/")["Location"] == "/fr/"


@pytest.mark.django_db
def test_switcher_keeps_the_current_page_and_alternates_are_declared(client):
    html = client.get("/ar/partners/").content.decode()
    assert 'href="/i18n/switch/?to=/fr/partners/" hreflang="fr" lang="fr" dir="ltr"' in html
    assert '<link rel="alternate" hreflang="fr" href="http://testserver/fr/partners/">' in html
    assert '<link rel="alternate" hreflang="ar" href="http://testserver/ar/partners/">' in html
    assert 'hreflang="x-default" href="http://testserver/ar/partners/"' in html


@pytest.mark.django_db
def test_content_falls_back_to_arabic(client):
    PartnerFactory(organisation__name_ar="اللجنة الوطنية للتربية والعلوم والثقافة", organisation__name_fr="")
    html = client.get("/fr/partners/").content.decode()
    assert "اللجنة الوطنية للتربية والعلوم والثقافة" in html


@pytest.mark.django_db
def test_translated_content_is_shown_in_the_active_language(client):
    PartnerFactory(
        organisation__name_ar="جمعية جهات المغرب", organisation__name_fr="Association des régions du Maroc"
    )
    assert "Association des régions du Maroc" in client.get("/fr/partners/").content.decode()
    assert "جمعية جهات المغرب" in client.get("/ar/partners/").content.decode()


@pytest.mark.django_db
def test_amazigh_can_be_switched_on_by_settings_alone(client, settings):
    settings.LANGUAGES = [("ar", "Arabic"), ("fr", "French"), ("zgh", "Standard Moroccan Tamazight")]
    response = client.get("/zgh/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="zgh" dir="ltr"' in html
    assert "ⵜⴰⵎⴰⵣⵉⵖⵜ" in html  # the switcher names it in Tifinagh
    assert reverse("association:home") == "/zgh/"


def test_every_interface_string_is_translated():
    from pathlib import Path

    from babel.messages.pofile import read_po

    root = Path(__file__).resolve().parent.parent
    catalogues = [p for p in root.glob("*/locale/*/LC_MESSAGES/django.po")] + list(
        (root / "locale").glob("*/LC_MESSAGES/django.po")
    )
    checked = 0
    for path in catalogues:
        language = path.parent.parent.name
        if language not in {"ar", "fr"}:
            continue
        with path.open("rb") as handle:
            catalog = read_po(handle)
        untranslated = [
            m.id for m in catalog if m.id and not (m.string if isinstance(m.string, str) else all(m.string))
        ]
        fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
        assert not untranslated, f"{path}: {untranslated}"
        assert not fuzzy, f"{path}: {fuzzy}"
        checked += 1
    assert checked >= 2


# The switcher remembers the choice -----------------------------------------------------------------


def _switch(client, to):
    return client.get("/i18n/switch/", {"to": to})


@pytest.mark.django_db
def test_choosing_french_with_the_switcher_makes_the_root_open_french(client, settings):
    html = client.get("/ar/press/?year=2022&page=1").content.decode()
    # A real link, followed without script: to the same page in French, query string kept.
    href = "/i18n/switch/?to=/fr/press/%3Fyear%3D2022%26page%3D1"
    assert f'<a href="{href}" hreflang="fr" lang="fr" dir="ltr">' in html
    response = client.get(href)
    assert response.status_code == 302 and response["Location"] == "/fr/press/?year=2022&page=1"
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "fr" and cookie["max-age"] == settings.LANGUAGE_COOKIE_AGE > 0
    assert cookie["samesite"] == "Lax"
    assert "no-store" in response["Cache-Control"]
    assert client.get("/")["Location"] == "/fr/"
    # And back to Arabic.
    assert _switch(client, "/ar/")["Location"] == "/ar/"
    assert client.get("/")["Location"] == "/ar/"


@pytest.mark.django_db
def test_the_switcher_keeps_an_arabic_address(client):
    """Addresses with Arabic letters (press items) reach the page as they were."""
    to = "/ar/press/%D8%AE%D8%A8%D8%B1/"
    response = _switch(client, to)
    assert response["Location"] == to and response.cookies["django_language"].value == "ar"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "to",
    [
        "https://evil.example/fr/",
        "//evil.example/fr/",
        "/\\evil.example/fr/",
        "http://testserver.evil.example/fr/",
        "javascript:alert(1)",
        "/fr/\r\nSet-Cookie: x=1",
        "/de/",
        "/press/",
        "",
    ],
)
def test_the_switcher_redirects_nowhere_but_the_portal(client, to):
    response = _switch(client, to)
    assert response.status_code == 302 and response["Location"] == "/ar/"
    assert not response.cookies


@pytest.mark.django_db
def test_cached_pages_carry_no_language_cookie(client, settings):
    settings.PAGE_CACHE = True
    settings.CONTENT_DATA_CACHE = True
    AssociationProfile.get_solo()  # created by a site's first request (a write)
    _switch(client, "/fr/partners/")
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"
    first = client.get("/fr/partners/")
    second = client.get("/fr/partners/")
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    for response in (first, second):
        assert not response.cookies and "Set-Cookie" not in response
        assert response["Cache-Control"].startswith("public")
