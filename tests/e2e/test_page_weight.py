"""Page weight in Chromium (issues 8 and 22): the home page's first visit transfers under 200 KB,
with the association's logo and the press items' cover images, and a repeat visit fetches only
the HTML, everything else coming from the browser's cache.

Measured as ``make weight`` measures it (bench/page_weight.py, DevTools protocol byte counts),
with the static files as in production: collectstatic with WhiteNoise's compressed manifest
storage into a temporary folder, served by WhiteNoise with hashed names and a year's cache
lifetime. pytest-django's ``live_server`` cannot serve them so (its static handler answers
/static/ from the finders, unhashed and uncached, before WhiteNoise is reached), so the test
starts Django's own live server thread with the portal's plain WSGI stack on the same test
database instead. Uploads are served from ``MEDIA_ROOT`` as the production web server serves
them, with a day's cache lifetime.
"""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connections
from django.test import override_settings
from django.test.testcases import LiveServerThread
from easy_thumbnails.files import get_thumbnailer
from PIL import Image, ImageDraw
from whitenoise import WhiteNoise

from bench.page_weight import FIRST_VISIT_BUDGET, record

PRODUCTION_STATIC = {
    "STORAGES": {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    },
    "WHITENOISE_AUTOREFRESH": False,
    "WHITENOISE_USE_FINDERS": False,
}


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("staticfiles")
    with override_settings(STATIC_ROOT=root, **PRODUCTION_STATIC):
        call_command("collectstatic", interactive=False, verbosity=0)
    return root


def _image_bytes(size, fmt, draw):
    image = Image.new("RGB", size, "#f4f6f8")
    draw(ImageDraw.Draw(image), size)
    buffer = io.BytesIO()
    image.save(buffer, fmt, quality=88) if fmt == "JPEG" else image.save(buffer, fmt)
    return buffer.getvalue()


def _photo(canvas, size):
    """A photograph's worth of detail: gradients and many shapes, so JPEG/WebP cannot cheat."""
    width, height = size
    for y in range(0, height, 4):
        canvas.rectangle([0, y, width, y + 4], fill=(40 + y % 180, 90 + (y * 3) % 120, 60 + (y * 7) % 150))
    for i in range(400):
        x, y = (i * 97) % width, (i * 53) % height
        canvas.ellipse(
            [x, y, x + 40 + i % 60, y + 30 + i % 45], fill=((i * 31) % 255, (i * 17) % 255, (i * 7) % 255)
        )


def _add_logo_and_covers():
    """A raster logo (the heavier case: an SVG is a few kB) and a cover photo on the three
    press items that the home page shows, as the secretariat would upload them."""
    from association.models import AssociationProfile
    from press.models import PressRelease
    from press.selectors import HOME_PRESS_ITEMS

    profile = AssociationProfile.get_solo()
    logo = _image_bytes(
        (1000, 1000),
        "PNG",
        lambda canvas, size: canvas.rectangle([100, 100, 900, 900], outline="#0b5d3b", width=60),
    )
    profile.logo.save("logo.png", ContentFile(logo))
    get_thumbnailer(profile.logo)["logo"]  # made on upload's first display; here before serving starts
    # The home page's own query: PostgreSQL sorts undated items first under a bare "-publish_at".
    shown = PressRelease.objects.published().for_list()[:HOME_PRESS_ITEMS]
    for number, item in enumerate(PressRelease.objects.filter(pk__in=[item.pk for item in shown])):
        item.cover_image.save(
            f"cover-{number}.jpg", ContentFile(_image_bytes((2400, 1600), "JPEG", _photo)), save=False
        )
        item.cover_alt = item.title
        item.save()


@pytest.fixture
def production_site(transactional_db, settings, static_root):
    """The demo content served by the portal's WSGI stack, static files as in production."""
    from tests.reference import restore_reference_data

    restore_reference_data()
    call_command("load_demo", verbosity=0)
    _add_logo_and_covers()
    settings.STATIC_ROOT = static_root
    for name, value in PRODUCTION_STATIC.items():
        setattr(settings, name, value)
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    shared = {
        conn.alias: conn for conn in connections.all() if conn.vendor == "sqlite" and conn.is_in_memory_db()
    }
    for conn in shared.values():
        conn.inc_thread_sharing()
    server = LiveServerThread(
        "127.0.0.1",
        lambda handler: WhiteNoise(
            handler, root=settings.MEDIA_ROOT, prefix=settings.MEDIA_URL, max_age=86400
        ),
        connections_override=shared,
    )
    server.daemon = True
    server.start()
    server.is_ready.wait()
    if server.error:
        raise server.error
    yield f"http://127.0.0.1:{server.port}"
    server.terminate()
    for conn in shared.values():
        conn.dec_thread_sharing()


@pytest.mark.parametrize("path", ["/ar/", "/fr/"])
def test_home_page_first_visit_under_200_kb_and_repeat_visit_only_the_html(browser, production_site, path):
    context = browser.new_context(locale="ar-MA", viewport={"width": 390, "height": 844})
    page = context.new_page()
    first = record(page, production_site + path)
    kinds = {kind for _url, _size, kind in first.fetched}
    # The measure is real: the page, its stylesheet and its fonts all came over the network.
    assert {"Document", "Stylesheet", "Font"} <= kinds, first.fetched
    assert all(
        "/static/" not in url or ".woff2" not in url or size > 5000 for url, size, _kind in first.fetched
    )
    assert first.transferred < FIRST_VISIT_BUDGET, sorted(first.fetched, key=lambda item: -item[1])
    # The measure includes the logo and the lead story's cover, as thumbnails of their upload.
    media = [url for url, _size, kind in first.fetched if kind == "Image" and "/media/" in url]
    assert any("/association/logo" in url for url in media) and any("/press/" in url for url in media), media

    page.goto("about:blank")
    repeat = record(page, production_site + path)
    assert [(url, kind) for url, _size, kind in repeat.fetched] == [(production_site + path, "Document")]
    # Everything but the page came from the cache (the logo is both the header's image and the
    # tab's icon: the first visit fetched it once and reused it).
    fetched_first = {url for url, _size, _kind in first.fetched if url != production_site + path}
    assert set(repeat.from_cache) == fetched_first | set(first.from_cache)
    context.close()


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_the_mandate_admin_page_loads_in_at_most_20_requests(browser, production_site, language):
    """Issue 19: the roster editor, signed in as the secretariat would be, first visit (empty
    cache): the page, its stylesheets, scripts (bundled, bureau.admin.ROSTER_BUNDLES), the
    admin's translations, fonts and icons: at most 20 requests."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    from bureau.models import Mandate
    from tests.auth import force_login_verified

    user = get_user_model().objects.create_superuser("weight", "w@example.org", "a-long-test-password")
    client = force_login_verified(Client(), user)
    context = browser.new_context(locale="ar-MA", viewport={"width": 1280, "height": 800})
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": production_site}]
    )
    page = context.new_page()
    url = f"{production_site}/{language}/admin/bureau/mandate/{Mandate.objects.current().pk}/change/"
    visit = record(page, url)
    fetched = sorted(visit.fetched, key=lambda item: -item[1])
    kinds = [kind for _url, _size, kind in visit.fetched]
    # Signed in and the page complete: the roster's rows, select2 started on them, the bundles.
    assert page.locator("#seats-group tr.has_original .select2-container").count() >= 5, fetched
    # One bundle of scripts and the admin's translations (plus change_form.js and
    # prepopulate_init.js, which Django's template links itself); two stylesheets.
    assert kinds.count("Script") <= 4 and kinds.count("Stylesheet") <= 2, fetched
    assert visit.requests <= 20, fetched
    context.close()
