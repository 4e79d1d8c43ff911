"""Security headers on real responses, in development and with production settings."""

import json
import secrets
import sys

import pytest
from django.urls import reverse

from tests.test_settings import run_with_env


def csp_directives(response):
    header = response.headers["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/ar/", "/fr/", "/ar/admin/login/", "/ar/no-such-page/"])
def test_every_response_carries_the_security_headers(client, url):
    response = client.get(url)
    directives = csp_directives(response)
    assert directives["script-src"] == ["'self'"]  # no 'unsafe-inline', no 'unsafe-eval', no host
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'none'"]
    assert directives["default-src"] == ["'self'"]
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert "geolocation=()" in response.headers["Permissions-Policy"]
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_templates_carry_no_inline_script_or_event_handler(client, demo):
    """The policy forbids inline scripts, so a page that relied on one would silently break."""
    import re

    for url in ["/ar/", "/fr/", reverse("association:about"), reverse("association:contact")]:
        html = client.get(url).content.decode()
        inline_scripts = [
            tag for tag in re.findall(r"<script\b[^>]*>", html) if "src=" not in tag and "ld+json" not in tag
        ]
        assert inline_scripts == [], url
        assert not re.search(r"\son[a-z]+\s*=", html), url


PRODUCTION_RESPONSE = """
import json, django
django.setup()
from django.core.management import call_command
from django.test import Client
from django.conf import settings as s
call_command("migrate", verbosity=0)
client = Client(HTTP_HOST="portal.example.ma")
insecure = client.get("/ar/admin/login/")
response = client.get("/ar/admin/login/", secure=True)
csrf = response.cookies["csrftoken"]
print(json.dumps({
    "redirect": [insecure.status_code, insecure.headers.get("Location")],
    "hsts": response.headers.get("Strict-Transport-Security"),
    "csp": response.headers.get("Content-Security-Policy"),
    "csrf": {"secure": bool(csrf["secure"]), "samesite": csrf["samesite"]},
    "session": {"secure": s.SESSION_COOKIE_SECURE, "httponly": s.SESSION_COOKIE_HTTPONLY,
                "samesite": s.SESSION_COOKIE_SAMESITE},
}))
"""


@pytest.mark.parametrize(
    ("preload", "hsts"),
    [("", "max-age=31536000; includeSubDomains"), ("true", "max-age=31536000; includeSubDomains; preload")],
)
def test_production_settings_send_hsts_and_secure_cookies(tmp_path, preload, hsts):
    result = run_with_env(
        [sys.executable, "-c", PRODUCTION_RESPONSE],
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="portal.example.ma",
        SECURE="true",
        DATABASE_URL=f"sqlite:///{tmp_path / 'production.sqlite3'}",
        STATICFILES_BACKEND="django.contrib.staticfiles.storage.StaticFilesStorage",
        **({"SECURE_HSTS_PRELOAD": preload} if preload else {}),
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["redirect"] == [301, "https://portal.example.ma/ar/admin/login/"]
    assert values["hsts"] == hsts  # preload only when asked for
    assert "frame-ancestors 'none'" in values["csp"]
    assert values["csrf"] == {"secure": True, "samesite": "Lax"}
    assert values["session"] == {"secure": True, "httponly": True, "samesite": "Lax"}
