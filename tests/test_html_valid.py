"""Every public page, in both languages, is valid HTML for the W3C Nu HTML checker (vnu.jar).

The pages come from the URL configuration and the sitemap (one page per kind of address), so
a new page is checked without editing this test. vnu.jar comes from npm (`package.json`);
``make test`` installs it when npm is there, and the test is skipped only where it is not.
"""

import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.test import Client

from tests.urlwalk import public_patterns, sitemap_text

VNU = Path(__file__).resolve().parent.parent / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

pytestmark = pytest.mark.skipif(
    not VNU.exists() or shutil.which("java") is None, reason="needs vnu.jar (npm ci) and Java"
)


def page_urls(client):
    urls = set()
    for route, _name in public_patterns():
        if "<" not in route and route.startswith("ar/"):
            urls.update({"/" + route, "/fr/" + route[3:]})
    sitemap = sitemap_text(client)
    shapes = set()
    for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap):
        path = urlsplit(loc).path
        shape = re.sub(r"\d+", "N", re.sub(r"/[^/]+/$", "/X/", path))
        if shape not in shapes:  # one page per kind of address and language
            shapes.add(shape)
            urls.add(path)
    urls.update({"/ar/search/?q=الأقاليم", "/fr/search/?q=formation", "/ar/no-such-page/"})
    return sorted(urls)


def check(pages, tmp_path):
    files = []
    for index, (url, html) in enumerate(pages.items()):
        path = tmp_path / f"page-{index:04d}.html"
        path.write_text(html, encoding="utf-8")
        files.append((path, url))
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *[str(p) for p, _ in files]],
        capture_output=True,
        text=True,
        timeout=600,
    )
    names = {p.name: url for p, url in files}
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [
        (names.get(m.get("url", "").rsplit("/", 1)[-1], m.get("url")), m.get("lastLine"), m["message"][:160])
        for m in messages
        if m.get("type") == "error"
    ]


@pytest.mark.django_db
def test_public_pages_are_valid_html(demo, tmp_path):
    client = Client()
    pages = {}
    for url in page_urls(client):
        response = client.get(url)
        if response.status_code in {200, 404} and "text/html" in response.headers.get("Content-Type", ""):
            pages[url] = response.content.decode()
    assert len(pages) > 30
    assert check(pages, tmp_path) == []


@pytest.mark.django_db
def test_members_pages_are_valid_html(demo, tmp_path, django_user_model):
    from tests.members.factories import MembershipFactory

    user = django_user_model.objects.create_user("valid@example.org", "valid@example.org", "a-long-password")
    MembershipFactory(person__user=user)
    client = Client()
    client.force_login(user)
    pages = {}
    for url in [
        "/ar/members/account/",
        "/fr/members/account/",
        "/ar/training/mine/",
        "/ar/events/subscribe/",
    ]:
        response = client.get(url)
        if response.status_code == 200:
            pages[url] = response.content.decode()
    anonymous = Client()
    for url in ["/ar/members/login/", "/ar/members/apply/", "/fr/members/apply/", "/ar/contact/"]:
        pages[url] = anonymous.get(url).content.decode()
    assert check(pages, tmp_path) == []
