"""The mandate's page loads its scripts and styles as bundles (issue 19: at most 20 requests).

The bundles are built from the files Django, select2, adminsortable2 and the portal ship
(portal.staticbundles): the page's own media, unbundled, must be what the script bundle holds,
in the same order, so that a new version of a widget cannot leave a script out unnoticed; the
stylesheets read from their new folder (every url() found, imports inlined).
"""

import posixpath
import re

import pytest
from django.contrib.staticfiles import finders

from bureau import admin as bureau_admin
from portal import staticbundles
from tests.bureau.factories import MandateFactory, SeatFactory
from tests.bureau.test_admin import _url


def _plain(path):
    return re.sub(r"\.min\.js$", ".js", staticbundles.name_of(path))


@pytest.mark.django_db
def test_the_page_links_the_bundles_and_they_hold_what_its_media_lists(secretariat_client, monkeypatch):
    mandate = MandateFactory()
    SeatFactory(mandate=mandate, office="president")
    html = secretariat_client.get(_url(mandate)).content.decode()
    scripts = re.findall(r'<script src="([^"]+)"', html)
    styles = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    assert scripts == ["/ar/admin/jsi18n/", "/static/bundles/roster-admin.js"], scripts
    assert styles == ["/static/bundles/roster-admin-rtl-1.css", "/static/bundles/roster-admin-rtl-2.css"], (
        styles
    )
    with_fr = secretariat_client.get(_url(mandate).replace("/ar/", "/fr/")).content.decode()
    assert re.findall(r'<link rel="stylesheet" href="([^"]+)"', with_fr) == [
        "/static/bundles/roster-admin.css",
        "/static/admin/css/responsive.css",
    ]

    # The same page without bundles: its scripts are the bundle's, in the bundle's order.
    monkeypatch.setattr(bureau_admin.MandateAdmin, "static_bundle", None)
    media = secretariat_client.get(_url(mandate)).context["media"]
    listed = [_plain(path) for path in media._js]
    unneeded = [
        path for path in listed if re.search(r"/(actions(-[\d.]+)?|urlify|prepopulate|xregexp)\.js$", path)
    ]
    bundled = [_plain(path) for path in staticbundles.sources(bureau_admin.ROSTER_SCRIPTS)]
    # What the base templates load besides the media; select2's messages in both languages.
    extra = {"admin/js/theme.js", "js/admin.js"}
    messages = [path for path in listed if "/select2/i18n/" in path]
    assert messages and set(messages) <= set(bundled)
    assert [path for path in listed if path not in unneeded and path not in messages] == [
        path for path in bundled if path not in extra and "/select2/i18n/" not in path
    ]
    assert {staticbundles.name_of(path) for paths in media._css.values() for path in paths} <= set(
        staticbundles.sources(bureau_admin.ROSTER_STYLES)
    )


def test_the_bundled_stylesheets_find_every_image_and_font_from_their_folder():
    for name in (
        bureau_admin.ROSTER_STYLES,
        bureau_admin.ROSTER_STYLES_RTL_HEAD,
        bureau_admin.ROSTER_STYLES_RTL,
    ):
        css = staticbundles.build(name).decode()
        assert "@import" not in css
        urls = re.findall(r"""url\(\s*['"]?([^'")]+)""", css)
        relative = [url for url in urls if not url.startswith(("data:", "#", "/"))]
        assert relative
        for url in relative:
            target = posixpath.normpath(
                posixpath.join(posixpath.dirname(name), url.split("?")[0].split("#")[0])
            )
            assert finders.find(target), (name, url)
    css = staticbundles.build(bureau_admin.ROSTER_STYLES).decode()
    assert 'url("../admin/img/icon-calendar.svg")' in css
    assert 'url("../fonts/noto-naskh-arabic-arabic-400-normal.woff2")' in css
    # forms.css's import (widgets.css) comes before forms.css's own rules, as the browser read it.
    assert (
        css.index("/* admin/css/forms.css */")
        < css.index(".selector-chooser li")
        < css.index(".aligned label")
    )


def test_the_script_bundle_points_to_no_source_map():
    js = staticbundles.build(bureau_admin.ROSTER_SCRIPTS).decode()
    assert "sourceMappingURL" not in js
    assert "window.django = {jQuery: jQuery.noConflict(true)};" in js
