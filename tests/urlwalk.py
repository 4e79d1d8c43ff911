"""The project's URL patterns, walked from the root URLconf (for tests that must cover every view)."""

import re
from urllib.parse import urlsplit

from django.urls import URLResolver, get_resolver


def _walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or namespace
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        else:
            name = f"{namespace}:{pattern.name}" if namespace else (pattern.name or "")
            yield prefix + str(pattern.pattern), name


def all_patterns():
    """(route, name) of every URL pattern, with the language prefix of the active language."""
    return list(_walk(get_resolver().url_patterns))


def public_patterns():
    """Every pattern outside the admin (the admin is covered model by model)."""
    return [(route, name) for route, name in all_patterns() if not name.startswith("admin:")]


def sitemap_pages(client):
    """The XML of every page of every section that the sitemap index lists (not the index)."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200 and b"<sitemapindex" in index.content
    pages = []
    for loc in re.findall(r"<loc>([^<]+)</loc>", index.content.decode()):
        address = urlsplit(loc)
        page = client.get(address.path, QUERY_STRING=address.query)
        assert page.status_code == 200, loc
        pages.append(page.content)
    return pages


def sitemap_text(client):
    """Every address of the sitemap's sections, in one text to search."""
    return "".join(page.decode() for page in sitemap_pages(client))
