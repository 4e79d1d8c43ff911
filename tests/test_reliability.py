"""Faults: Redis down, database down, and the health endpoint."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from tests.redis_server import redis_caches

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.django_db
def test_health_reports_database_and_cache(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


@pytest.mark.django_db
def test_pages_still_serve_when_redis_is_unreachable(client, settings):
    # A real Redis client pointed at a port where nothing listens.
    settings.CACHES = redis_caches(1, timeout=0.2)
    assert client.get("/ar/").status_code == 200
    health = client.get("/health/")
    assert health.status_code == 200
    assert health.json()["cache"] == "unavailable"


def test_database_down_gives_a_translated_503_without_a_trace():
    script = (
        "import django; django.setup();"
        "from django.test import Client;"
        "from django.test.utils import setup_test_environment; setup_test_environment();"
        "c = Client(raise_request_exception=False);"
        "r = c.get('/fr/about/'); print(r.status_code); print(r.content.decode());"
        "h = c.get('/health/'); print(h.status_code)"
    )
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DATABASE_URL="postgres://nobody@127.0.0.1:1/none",
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        STATICFILES_BACKEND="django.contrib.staticfiles.storage.StaticFilesStorage",
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    lines = result.stdout.splitlines()
    assert lines[0] == "503", result.stdout + result.stderr
    body = "\n".join(lines[1:-1])
    assert 'lang="fr"' in body
    assert "Traceback" not in body and "OperationalError" not in body
    assert lines[-1] == "503"
