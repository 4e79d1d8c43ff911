"""Content written in one language only says so on the other language's page (issue 20, item 7).

A French page whose text exists only in Arabic says so in French, marks the Arabic text with
lang="ar" dir="rtl", has an address in Latin letters (the Arabic one redirects there), and
declares hreflang alternates only between real translations.
"""

import re
from urllib.parse import unquote

import pytest

from events.models import EventKind
from press.models import PressRelease
from tests.events.factories import EventFactory
from tests.press.factories import PressReleaseFactory

NOTICE_FR = "Ce contenu n'est disponible qu'en arabe."


def _hreflangs(html):
    links = re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="http://testserver([^"]+)">', html)
    return {code: unquote(url) for code, url in links}


@pytest.fixture
def arabic_only():
    return PressReleaseFactory(
        title_ar="تأسيس مؤسسة ازمور للتنمية المحلية",
        title_fr="Fondation d'Azemmour pour le développement local",
        body_ar="<p>انعقد مؤخرا بمدينة ازمور الجمع العام التأسيسي.</p>",
    )


@pytest.mark.django_db
def test_each_language_has_its_slug(arabic_only):
    assert arabic_only.slug == "تأسيس-مؤسسة-ازمور-للتنمية-المحلية"
    assert arabic_only.latin_slug == "fondation-dazemmour-pour-le-developpement-local"
    assert (
        arabic_only.slug_in("fr") == arabic_only.latin_slug and arabic_only.slug_in("ar") == arabic_only.slug
    )
    # Without a French title the French page keeps the Arabic address; two equal titles, two slugs.
    assert PressReleaseFactory(title_fr="").latin_slug == ""
    twin = PressReleaseFactory(title_fr="Fondation d'Azemmour pour le développement local")
    assert twin.latin_slug == "fondation-dazemmour-pour-le-developpement-local-2"


@pytest.mark.django_db
def test_french_page_of_an_arabic_only_text_says_so_and_marks_each_part(client, arabic_only):
    response = client.get(f"/fr/press/{arabic_only.latin_slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr" dir="ltr"' in html
    assert NOTICE_FR in html
    notice = re.search(r'<p class="untranslated-notice"[^>]*>', html).group(0)
    assert 'lang="fr"' in notice
    assert re.search(r'<div class="prose press-article__body" lang="ar" dir="rtl">\s*<p>انعقد', html)
    assert "<h1>Fondation d&#x27;Azemmour" in html  # the French title, in the page's language
    # Not a translation: no hreflang from this page, none to it from the Arabic one.
    assert _hreflangs(html) == {}
    arabic = client.get(f"/ar/press/{arabic_only.slug}/").content.decode()
    assert "untranslated-notice" not in arabic and _hreflangs(arabic) == {}
    # The switcher still leads to each language's own address.
    assert f'href="/i18n/switch/?to=/ar/press/{arabic_only.slug}/" hreflang="ar"' in unquote(unquote(html))
    assert f'href="/i18n/switch/?to=/fr/press/{arabic_only.latin_slug}/" hreflang="fr"' in unquote(arabic)


@pytest.mark.django_db
def test_old_addresses_redirect_to_the_address_of_the_language(client, arabic_only):
    old = client.get(f"/fr/press/{arabic_only.slug}/")
    assert old.status_code == 301 and unquote(old["Location"]) == f"/fr/press/{arabic_only.latin_slug}/"
    crossed = client.get(f"/ar/press/{arabic_only.latin_slug}/")
    assert crossed.status_code == 301 and unquote(crossed["Location"]) == f"/ar/press/{arabic_only.slug}/"
    assert client.get("/fr/press/no-such-item/").status_code == 404
    # A withdrawn item is not found under either address.
    arabic_only.withdraw()
    assert client.get(f"/fr/press/{arabic_only.latin_slug}/").status_code == 404


@pytest.mark.django_db
def test_a_real_translation_declares_its_alternates_and_has_no_notice(client):
    item = PressReleaseFactory(title_fr="Communiqué traduit", body_fr="<p>Le texte en français.</p>")
    html = client.get(f"/fr/press/{item.latin_slug}/").content.decode()
    assert "untranslated-notice" not in html
    assert 'class="prose press-article__body">' in html  # French text: no lang of its own
    assert _hreflangs(html) == {
        "ar": f"/ar/press/{item.slug}/",
        "fr": "/fr/press/communique-traduit/",
        "x-default": f"/ar/press/{item.slug}/",
    }
    assert (
        _hreflangs(client.get(f"/ar/press/{item.slug}/").content.decode())["fr"]
        == "/fr/press/communique-traduit/"
    )


@pytest.mark.django_db
def test_pages_without_language_specific_content_keep_their_alternates(client):
    html = client.get("/fr/partners/").content.decode()
    assert set(_hreflangs(html)) == {"ar", "fr", "x-default"}


@pytest.mark.django_db
def test_sitemap_lists_the_french_address_in_latin_letters(client, arabic_only):
    from tests.urlwalk import sitemap_text

    text = sitemap_text(client)
    assert f"/fr/press/{arabic_only.latin_slug}/" in text
    assert f"/fr/press/{arabic_only.slug}/" not in text


@pytest.mark.django_db
def test_detail_query_count_is_pinned(client, settings, arabic_only, django_assert_max_num_queries):
    settings.PAGE_CACHE = False
    client.get(f"/fr/press/{arabic_only.latin_slug}/")  # profile, menu and neighbours cached
    # 6 for the page, and the menu's two content checks (issue 20)
    with django_assert_max_num_queries(8):
        assert client.get(f"/fr/press/{arabic_only.latin_slug}/").status_code == 200


@pytest.mark.django_db
def test_event_written_only_in_arabic_says_so_in_french(client):
    EventKind.objects.get_or_create(
        slug="executive-bureau", defaults={"name_ar": "اجتماع المكتب", "name_fr": "Bureau"}
    )
    event = EventFactory(summary_ar="ملخص بالعربية", body_ar="نص النشاط بالعربية")
    html = client.get(f"/fr/events/event/{event.pk}/").content.decode()
    assert NOTICE_FR in html
    assert '<p class="lead" lang="ar" dir="rtl">ملخص بالعربية</p>' in html
    assert '<div class="prose" lang="ar" dir="rtl"><p>نص النشاط بالعربية</p></div>' in html
    assert _hreflangs(html) == {}
    event.summary_fr, event.body_fr = "Résumé", "Texte"
    event.save()
    translated = client.get(f"/fr/events/event/{event.pk}/").content.decode()
    assert NOTICE_FR not in translated and set(_hreflangs(translated)) == {"ar", "fr", "x-default"}


@pytest.mark.django_db
def test_the_azemmour_demo_press_page_in_french(client):
    from django.core.management import call_command

    call_command("load_demo", "--association", "azemmour", verbosity=0)
    item = PressRelease.objects.get()
    assert item.latin_slug == "fondation-dazemmour-pour-le-developpement-local"
    html = client.get(f"/fr/press/{item.latin_slug}/").content.decode()
    assert NOTICE_FR in html and 'lang="ar" dir="rtl"' in html
