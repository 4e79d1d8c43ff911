"""Page weight in Chromium (issue 8): the home page's first visit transfers under 250 KB and a
repeat visit fetches only the HTML, everything else coming from the browser's cache.

Measured as ``make weight`` measures it (bench/page_weight.py, DevTools protocol byte counts),
with the static files as in production: collectstatic with WhiteNoise's compressed manifest
storage into a temporary folder, served by WhiteNoise with hashed names and a year's cache
lifetime. pytest-django's ``live_server`` cannot serve them so (its static handler answers
/static/ from the finders, unhashed and uncached, before WhiteNoise is reached), so the test
starts Django's own live server thread with the portal's plain WSGI stack on the same test
database instead.
"""

import pytest
from django.core.management import call_command
from django.db import connections
from django.test import override_settings
from django.test.testcases import LiveServerThread

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


@pytest.fixture
def production_site(transactional_db, settings, static_root):
    """The demo content served by the portal's WSGI stack, static files as in production."""
    from tests.reference import restore_reference_data

    restore_reference_data()
    call_command("load_demo", verbosity=0)
    settings.STATIC_ROOT = static_root
    for name, value in PRODUCTION_STATIC.items():
        setattr(settings, name, value)
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    shared = {
        conn.alias: conn for conn in connections.all() if conn.vendor == "sqlite" and conn.is_in_memory_db()
    }
    for conn in shared.values():
        conn.inc_thread_sharing()
    server = LiveServerThread("127.0.0.1", lambda handler: handler, connections_override=shared)
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
def test_home_page_first_visit_under_250_kb_and_repeat_visit_only_the_html(browser, production_site, path):
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

    page.goto("about:blank")
    repeat = record(page, production_site + path)
    assert [(url, kind) for url, _size, kind in repeat.fetched] == [(production_site + path, "Document")]
    assert len(repeat.from_cache) == len(first.fetched) - 1
    context.close()
