"""A hung database answers 503 within seconds instead of hanging every request.

Each case runs the portal in a process of its own, as gunicorn would (a serving process, with
DEBUG=false), against a database that really does not answer: a TCP port that accepts and
never speaks, and a real PostgreSQL table locked by another connection.
"""

import json
import os
import secrets
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

TIMED_REQUESTS = """
import json, os, time
import django
django.setup()
from django.test import Client
from django.test.utils import setup_test_environment
setup_test_environment()
client = Client(raise_request_exception=False)
answers = {}
for path in json.loads(os.environ["PATHS"]):
    start = time.monotonic()
    response = client.get(path)
    answers[path] = [response.status_code, time.monotonic() - start, response.content.decode()]
print(json.dumps(answers))
"""


def serve(paths, **env):
    """GET each path in a fresh serving process: {path: [status, seconds, body]}."""
    clean = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    clean.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        STATICFILES_BACKEND="django.contrib.staticfiles.storage.StaticFilesStorage",
        PATHS=json.dumps(paths),
        **env,
    )
    result = subprocess.run(
        [sys.executable, "-c", TIMED_REQUESTS],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def silent_server():
    """A port that accepts connections (the kernel completes them) and never answers."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        yield listener.getsockname()[1]


def test_a_database_that_never_answers_gives_503_within_five_seconds(silent_server):
    answers = serve(
        ["/health/", "/fr/about/"],
        DATABASE_URL=f"postgres://portal@127.0.0.1:{silent_server}/portal",
        DATABASE_CONNECT_TIMEOUT="3",
    )
    status, seconds, body = answers["/health/"]
    assert status == 503 and seconds < 5, (status, seconds)
    assert json.loads(body)["database"] == "unavailable"
    status, seconds, body = answers["/fr/about/"]
    assert status == 503 and seconds < 5, (status, seconds)
    assert "Service temporairement indisponible" in body or 'lang="fr"' in body
    assert "Traceback" not in body


def _server_url(connection):
    settings = connection.settings_dict
    user = settings["USER"] or "postgres"
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    host = settings["HOST"] or "127.0.0.1"
    return f"postgres://{user}{password}@{host}:{settings['PORT'] or 5432}/{settings['NAME']}"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_locked_table_gives_a_translated_503_page_not_a_hung_worker():
    """Another connection holds an ACCESS EXCLUSIVE lock (as a long migration does): the page that
    reads the table gives up after the statement timeout and answers the 503 page."""
    import psycopg2
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL)")
    url = _server_url(connection)
    holder = psycopg2.connect(url)
    try:
        with holder.cursor() as cursor:
            cursor.execute("LOCK TABLE press_pressrelease IN ACCESS EXCLUSIVE MODE")
        answers = serve(["/fr/press/", "/health/"], DATABASE_URL=url, DATABASE_STATEMENT_TIMEOUT_MS="1500")
    finally:
        holder.rollback()
        holder.close()
    status, seconds, body = answers["/fr/press/"]
    assert status == 503 and seconds < 5, (status, seconds, body[:500])
    assert 'lang="fr"' in body and "Traceback" not in body
    assert answers["/health/"][0] == 200  # the server itself still answers


def test_statement_timeout_for_web_processes_only():
    """Serving processes get the statement timeout; migrations and backups may run long."""
    script = (
        "import json, django; django.setup(); from django.conf import settings;"
        "print(json.dumps(settings.DATABASES['default']['OPTIONS']))"
    )
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DATABASE_URL="postgres://portal@db.internal:5432/portal?sslmode=require",
        DATABASE_STATEMENT_TIMEOUT_MS="4000",
        SECRET_KEY=secrets.token_urlsafe(50),
        DEBUG="false",
    )

    def options(args):
        result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout.strip().splitlines()[-1])

    served = options([sys.executable, "-c", script])
    assert served["connect_timeout"] == 3
    assert served["sslmode"] == "require"
    assert "-c statement_timeout=4000" in served["options"]
    command = options([sys.executable, "manage.py", "shell", "-c", script])
    assert command["connect_timeout"] == 3
    assert "statement_timeout" not in command.get("options", "")
