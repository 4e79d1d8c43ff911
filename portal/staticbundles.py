"""Static bundles: several static files served as one, for heavy admin pages (issue 19).

A page such as the bureau's roster loads some thirty of Django's, select2's, adminsortable2's and
the portal's scripts and stylesheets, each a request. A bundle is a static path (``bundles/…``)
whose content is its sources concatenated in order: registered by an app in its
``AppConfig.ready()`` (``register``), built by ``BundleFinder`` from the files the other finders
find, so that ``runserver``, the test server and ``collectstatic`` (hashed names, compression,
a year in the browser's cache) all see it as one more static file; nothing is copied into the
repository, and a new Django or select2 is bundled as it comes.

Stylesheets: ``@import`` is replaced by the imported sheet, and every relative ``url()`` is
rewritten from its source's folder to the bundle's. Scripts: source-map comments are dropped
(the maps are not bundled) and each file ends its last statement.

``replace_media`` gives a page's form media with the files a bundle holds replaced by it.
"""

import hashlib
import os
import posixpath
import re
import tempfile
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.finders import BaseFinder
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import FileSystemStorage

_BUNDLES = {}

_IMPORT = re.compile(r"""@import\s+(?:url\(\s*)?(['"]?)([^'")\s]+)\1\s*\)?\s*;""")
_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
_CHARSET = re.compile(r"""@charset\s+['"][^'"]*['"]\s*;""", re.I)
_SOURCE_MAP = re.compile(r"^\s*(//[#@]\s*sourceMappingURL=.*|/\*[#@]\s*sourceMappingURL=.*?\*/)\s*$", re.M)


def register(name, sources):
    """Declare the bundle ``name`` (a static path ending in .js or .css) made of ``sources``."""
    if not name.endswith((".js", ".css")):
        raise ImproperlyConfigured(f"A static bundle is a .js or .css file: {name}")
    _BUNDLES[name] = tuple(sources)


def sources(name):
    return _BUNDLES[name]


def names():
    return list(_BUNDLES)


def _find(source, bundle):
    path = finders.find(source)
    if not path:
        raise ImproperlyConfigured(f"Static bundle {bundle}: {source} is not a static file.")
    return path


def _css_of(source, bundle, seen):
    text = Path(_find(source, bundle)).read_text(encoding="utf-8")
    # Imports first (they are inlined where they stood: at the top), then the sheet's own urls.
    folder = posixpath.dirname(source)
    parts, last = [], 0
    for match in _IMPORT.finditer(text):
        parts.append(_rebase_urls(text[last : match.start()], folder, bundle))
        target = posixpath.normpath(posixpath.join(folder, match.group(2)))
        if target not in seen:
            seen.add(target)
            parts.append(_css_of(target, bundle, seen))
        last = match.end()
    parts.append(_rebase_urls(text[last:], folder, bundle))
    return _CHARSET.sub("", "".join(parts))


def _rebase_urls(text, folder, bundle):
    def rebase(match):
        url = match.group(2)
        if url.startswith(("data:", "#", "/", "http:", "https:")):
            return match.group(0)
        path, suffix = re.match(r"([^?#]*)(.*)", url).groups()
        target = posixpath.normpath(posixpath.join(folder, path))
        return f'url("{posixpath.relpath(target, posixpath.dirname(bundle))}{suffix}")'

    return _URL.sub(rebase, text)


def build(name):
    """The bundle's content, from its sources as the static finders find them now."""
    parts = []
    if name.endswith(".css"):
        seen = set()
        for source in _BUNDLES[name]:
            seen.add(source)
            parts.append(f"/* {source} */\n{_css_of(source, name, seen)}\n")
    else:
        for source in _BUNDLES[name]:
            text = Path(_find(source, name)).read_text(encoding="utf-8")
            parts.append(f"/* {source} */\n{_SOURCE_MAP.sub('', text).rstrip()}\n;\n")
    return "".join(parts).encode()


def _root():
    folder = hashlib.sha256(str(settings.BASE_DIR).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / "portal-static-bundles" / folder


class BundleFinder(BaseFinder):
    """Finds the registered bundles, built into a folder of their own (outside the project)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.storage = FileSystemStorage(location=_root())

    def check(self, **kwargs):
        return []

    def _write(self, name):
        content = build(name)
        path = Path(self.storage.path(name))
        if not path.exists() or path.read_bytes() != content:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
            with os.fdopen(handle, "wb") as out:
                out.write(content)
            os.replace(temporary, path)
        return str(path)

    def find(self, path, find_all=False, **kwargs):
        if path not in _BUNDLES:
            return [] if find_all or kwargs.get("all") else None
        found = self._write(path)
        return [found] if find_all or kwargs.get("all") else found

    def list(self, ignore_patterns):
        for name in _BUNDLES:
            self._write(name)
            yield name, self.storage


def name_of(path):
    """The static path of a media entry (a string, or a ``forms.Script``)."""
    return str(getattr(path, "_path", path))


def _plain(path):
    """A script's name without ``.min`` (DEBUG picks the readable copy, a bundle the small one)."""
    return re.sub(r"\.min(\.(?:js|css))$", r"\1", name_of(path))


def replace_media(media, bundles, unneeded=()):
    """``media`` with the files of ``bundles`` replaced by the bundled scripts.

    Scripts a bundle holds give way to the bundle, at the place of the first of them; the
    stylesheets a bundle holds are left out (the page's template links the bundled sheets);
    files in ``unneeded`` are dropped; anything else stays as it was, so a script a new widget
    brings still loads, after the bundle.
    """
    held = {_plain(source): name for name in bundles for source in _BUNDLES[name]}
    dropped = {_plain(path) for path in unneeded}
    js, placed = [], set()
    for path in media._js:
        key = _plain(path)
        if key in dropped:
            continue
        bundle = held.get(key)
        if bundle is None:
            js.append(path)
        elif bundle not in placed:
            placed.add(bundle)
            js.append(bundle)
    css = {}
    for medium, paths in media._css.items():
        kept = [path for path in paths if _plain(path) not in held]
        if kept:
            css[medium] = kept
    return forms.Media(js=js, css=css)
