"""Two real app processes on one database and one Redis: an edit through one shows at once through
the other (portal.pagecache, portal.content_version). Needs REDIS_URL; the database is a SQLite file shared by the
processes (with DATABASE_URL pointing at PostgreSQL, that server is used for nothing here)."""

import http.cookiejar
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REDIS_URL = os.environ.get("REDIS_URL", "")

pytestmark = pytest.mark.skipif(
    not REDIS_URL,
    reason="needs a real Redis shared by two processes: set REDIS_URL (e.g. redis://127.0.0.1:6379/9)",
)


def _free_port():
    for port in range(8090, 8100):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    pytest.skip("no free port in 8090-8099")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("two-processes")
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{folder / 'shared.sqlite3'}",
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": f"processes-{uuid.uuid4().hex[:8]}",
        "PAGE_CACHE": "true",
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "STATICFILES_BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
        "PORTAL_SUPERUSER_2FA": "false",
        "MEDIA_ROOT": str(folder / "media"),
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, cwd=ROOT, check=True)
    setup = (
        "from django.contrib.auth.models import Permission, User\n"
        "from press.models import PressRelease\n"
        "from association.models import AssociationProfile\n"
        "AssociationProfile.get_solo()\n"
        "PressRelease.objects.create(title_ar='العنوان الأول', slug='awwal', status='published')\n"
        "user = User.objects.create_user('editor', 'e@example.org', 'a-long-test-password', is_staff=True)\n"
        "user.user_permissions.set(Permission.objects.filter(codename__in=['view_pressrelease', 'change_pressrelease']))\n"
    )
    subprocess.run([*manage, "shell", "-c", setup], env=env, cwd=ROOT, check=True)
    servers = []
    try:
        for _name in ("A", "B"):
            port = _free_port()
            process = subprocess.Popen(
                [*manage, "runserver", "--noreload", f"127.0.0.1:{port}"],
                env=env,
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            servers.append((process, f"http://127.0.0.1:{port}"))
            _wait_for(f"http://127.0.0.1:{port}/health/")
        yield {"A": servers[0][1], "B": servers[1][1], "env": env, "manage": manage}
    finally:
        for process, _url in servers:
            process.terminate()
            process.wait(timeout=10)


def _wait_for(url):
    for _ in range(150):
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    raise AssertionError(f"{url} did not start")


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.headers.get("X-Page-Cache"), response.read().decode()


class Browser:
    """A visitor with cookies, enough to sign in to the admin and post a form."""

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path):
        with self.opener.open(self.base + path, timeout=10) as response:
            return response.read().decode()

    def post(self, path, fields):
        page = self.get(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **fields}, doseq=True).encode()
        request = urllib.request.Request(self.base + path, data=body, headers={"Referer": self.base + path})
        with self.opener.open(request, timeout=10) as response:
            return response.status, response.read().decode()


def test_an_admin_edit_through_a_shows_at_once_through_b(site):
    b = site["B"]
    assert fetch(b + "/ar/press/")[1].count("العنوان الأول") >= 1
    state, page = fetch(b + "/ar/press/")
    assert state == "hit" and "العنوان الأول" in page

    editor = Browser(site["A"])
    editor.post(
        "/ar/admin/login/?next=/ar/admin/", {"username": "editor", "password": "a-long-test-password"}
    )
    status, page = editor.post(
        "/ar/admin/press/pressrelease/",
        {"action": "withdraw_selected", "_selected_action": "1", "index": "0"},
    )
    assert status == 200

    state, page = fetch(b + "/ar/press/")
    assert state == "miss" and "العنوان الأول" not in page


def test_a_write_from_another_process_shows_at_once_through_b(site):
    b = site["B"]
    fetch(b + "/fr/press/")
    assert fetch(b + "/fr/press/")[0] == "hit"
    # A cron job or a management command in its own process: a bulk update (no model signal),
    # then content_changed(), as such code does.
    script = (
        "from press.models import PressRelease\nfrom portal.content_version import content_changed\n"
        "PressRelease.objects.update(status='published', title_fr='Titre corrigé')\ncontent_changed()\n"
    )
    subprocess.run([*site["manage"], "shell", "-c", script], env=site["env"], cwd=ROOT, check=True)
    state, page = fetch(b + "/fr/press/")
    assert state == "miss" and "Titre corrigé" in page
