"""Static files as served in production (issue 8): hashed names, gzip and Brotli copies written by
collectstatic with WhiteNoise's compressed manifest storage, and served by WhiteNoise with a
cache lifetime of at least a year, ``immutable``, on the hashed names.

collectstatic really runs (into a temporary STATIC_ROOT) and the requests go through the
portal's WSGI stack (Django's test client, WhiteNoise's middleware reading that folder).
"""

import gzip
import re

import brotli
import pytest
from django.core.management import call_command
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db

PRODUCTION_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"
YEAR = 365 * 24 * 3600
HASHED = re.compile(r"^(?P<stem>.+)\.(?P<hash>[0-9a-f]{12})\.(?P<ext>\w+)$")


def production_settings(static_root):
    return {
        "STATIC_ROOT": static_root,
        "STORAGES": {
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": PRODUCTION_STORAGE},
        },
        "WHITENOISE_AUTOREFRESH": False,
        "WHITENOISE_USE_FINDERS": False,
    }


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("staticfiles")
    with override_settings(**production_settings(root)):
        call_command("collectstatic", interactive=False, verbosity=0)
    return root


@pytest.fixture
def production(settings, static_root):
    """Settings as in production for this test; a new Client loads WhiteNoise on them."""
    for name, value in production_settings(static_root).items():
        setattr(settings, name, value)
    return Client()


def max_age(response):
    found = re.search(r"max-age=(\d+)", response["Cache-Control"])
    return int(found.group(1)) if found else 0


def test_collectstatic_writes_hashed_names_with_gzip_and_brotli_copies(static_root):
    css = sorted(path.name for path in (static_root / "css").iterdir())
    hashed = [name for name in css if HASHED.match(name) and name.endswith(".css")]
    assert any(name.startswith("portal.") for name in hashed), css
    for name in hashed:
        assert f"{name}.gz" in css and f"{name}.br" in css, name
        original = (static_root / "css" / name).read_bytes()
        assert gzip.decompress((static_root / "css" / f"{name}.gz").read_bytes()) == original
        assert brotli.decompress((static_root / "css" / f"{name}.br").read_bytes()) == original
    fonts = [path.name for path in (static_root / "fonts").iterdir()]
    assert any(HASHED.match(name) and name.endswith(".woff2") for name in fonts), fonts
    # woff2 is compressed already: no useless .gz or .br copies of it.
    assert not [name for name in fonts if name.endswith((".woff2.gz", ".woff2.br"))]


def test_pages_link_hashed_files_served_compressed_and_cached_for_a_year(production, static_root):
    html = production.get("/ar/").content.decode()
    stylesheet = re.search(r'<link rel="stylesheet" href="(/static/css/portal\.[0-9a-f]{12}\.css)"', html)
    assert stylesheet, "the home page does not link the hashed stylesheet"
    url = stylesheet.group(1)
    original = (static_root / url.removeprefix("/static/")).read_bytes()

    br = production.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert br.status_code == 200
    assert br["Content-Encoding"] == "br"
    assert "Accept-Encoding" in br["Vary"]
    body = b"".join(br.streaming_content)
    assert brotli.decompress(body) == original and len(body) < len(original) / 3

    gz = production.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert gz["Content-Encoding"] == "gzip"
    assert gzip.decompress(b"".join(gz.streaming_content)) == original

    plain = production.get(url)
    assert "Content-Encoding" not in plain and b"".join(plain.streaming_content) == original

    for response in (br, gz, plain):
        assert max_age(response) >= YEAR
        assert "public" in response["Cache-Control"] and "immutable" in response["Cache-Control"]

    # The stylesheet's fonts are rewritten to hashed names too, and cached the same way.
    fonts = re.findall(r'url\("?(?:\.\./)?(fonts/[^")]+\.woff2)"?\)', original.decode())
    assert fonts and all(HASHED.match(font.rsplit("/", 1)[1]) for font in fonts), fonts
    font = production.get("/static/" + fonts[0], HTTP_ACCEPT_ENCODING="gzip, br")
    assert font.status_code == 200 and font["Content-Type"] == "font/woff2"
    assert "Content-Encoding" not in font
    assert max_age(font) >= YEAR and "immutable" in font["Cache-Control"]


def test_unhashed_names_are_never_immutable(production):
    """A file asked for by its plain name may change at the next deploy: no ``immutable``."""
    response = production.get("/static/css/portal.css")
    assert response.status_code == 200
    assert "immutable" not in response["Cache-Control"]
