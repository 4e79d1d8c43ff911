"""Settings come from the environment; production values pass ``check --deploy``."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent

PRINT_SETTINGS = (
    "import json, django; django.setup(); from django.conf import settings as s;"
    "from django.utils.translation import get_language_info as i;"
    "print(json.dumps({'debug': s.DEBUG, 'db': s.DATABASES['default']['ENGINE'],"
    "'db_name': str(s.DATABASES['default']['NAME']), 'cache': s.CACHES['default']['BACKEND'],"
    "'sessions': s.SESSION_ENGINE, 'email': [s.EMAIL_BACKEND, s.MAILER_EMAIL_BACKEND], 'tz': s.TIME_ZONE, 'use_tz': s.USE_TZ,"
    "'lang': s.LANGUAGE_CODE, 'languages': [c for c, _ in s.LANGUAGES],"
    "'bidi': {c: i(c)['bidi'] for c, _ in s.LANGUAGES}}))"
)


def run_with_env(args, **env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "REDIS_URL", "DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    clean.update({"DJANGO_SETTINGS_MODULE": "config.settings", **env})
    return subprocess.run(args, cwd=ROOT, env=clean, capture_output=True, text=True, timeout=120)


def settings_with_env(**env):
    # Through a management command: a development machine runs those without a SECRET_KEY.
    result = run_with_env([sys.executable, "manage.py", "shell", "-c", PRINT_SETTINGS], **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_development_defaults_are_safe_and_embedded():
    values = settings_with_env()
    assert values["debug"] is False
    assert values["db"] == "django.db.backends.sqlite3"
    assert values["db_name"].endswith("db.sqlite3")
    assert values["cache"].endswith("LocMemCache")
    assert values["sessions"] == "django.contrib.sessions.backends.db"
    assert values["email"] == [
        "mailer.backend.DbBackend",
        "django.core.mail.backends.console.EmailBackend",
    ]
    assert values["tz"] == "Africa/Casablanca"
    assert values["use_tz"] is True
    assert values["lang"] == "ar"
    assert values["languages"] == ["ar", "fr"]


def test_database_and_redis_urls_switch_backends():
    values = settings_with_env(
        DATABASE_URL="postgres://portal@db.internal:5432/portal", REDIS_URL="redis://cache.internal:6379/1"
    )
    assert values["db"] == "django.db.backends.postgresql"
    assert values["cache"] == "django_redis.cache.RedisCache"
    assert values["sessions"] == "django.contrib.sessions.backends.cached_db"


def test_amazigh_needs_no_code_change():
    values = settings_with_env(PORTAL_LANGUAGES="ar,fr,zgh")
    assert values["languages"] == ["ar", "fr", "zgh"]
    assert values["bidi"] == {"ar": True, "fr": False, "zgh": False}


def test_check_deploy_is_clean_with_production_values(tmp_path):
    result = run_with_env(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="portal.example.ma",
        SECURE="true",
        DATABASE_URL=f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_flags_development_defaults():
    result = run_with_env([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"])
    assert result.returncode != 0
    assert "security.W009" in result.stdout + result.stderr  # the development secret key


SERVE = "import config.wsgi"  # what gunicorn does first


@pytest.mark.parametrize(
    "key",
    [
        None,
        "",
        "django-insecure-development-key-never-use-in-production",
        "django-insecure-" + secrets.token_urlsafe(50),
        secrets.token_urlsafe(30),  # 40 characters
        "ab" * 40,  # two different characters
    ],
    ids=["missing", "empty", "development", "django-insecure", "short", "repetitive"],
)
def test_production_refuses_to_serve_without_a_real_secret_key(key):
    env = {"DEBUG": "false"} if key is None else {"DEBUG": "false", "SECRET_KEY": key}
    result = run_with_env([sys.executable, "-c", SERVE], **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "SECRET_KEY" in result.stderr
    if key:
        assert key not in result.stderr  # the refusal does not print the key


def test_production_serves_with_a_real_secret_key():
    result = run_with_env([sys.executable, "-c", SERVE], DEBUG="false", SECRET_KEY=secrets.token_urlsafe(50))
    assert result.returncode == 0, result.stderr


def test_development_and_management_commands_keep_the_development_key():
    assert run_with_env([sys.executable, "-c", SERVE], DEBUG="true").returncode == 0
    # manage.py migrate, backup_portal, check --deploy (which reports the key, above)...
    result = run_with_env([sys.executable, "manage.py", "check"], DEBUG="false")
    assert result.returncode == 0, result.stderr
    # ...but not its web server.
    result = run_with_env(
        [sys.executable, "manage.py", "runserver", "--noreload", "127.0.0.1:9"], DEBUG="false"
    )
    assert "ImproperlyConfigured" in result.stderr


@pytest.mark.parametrize(
    "argv, serves",
    [
        (["manage.py", "migrate"], False),
        (["/srv/portal/manage.py", "backup_portal"], False),
        (["/usr/lib/python3/site-packages/django/__main__.py", "migrate"], False),
        (["manage.py", "runserver"], True),
        (["/srv/portal/.venv/bin/gunicorn", "config.wsgi"], True),
        (["uwsgi", "--ini", "portal.ini"], True),
        (["-c"], True),
    ],
)
def test_which_processes_serve_requests(argv, serves):
    from portal.process import serves_requests

    assert serves_requests(argv) is serves


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL (CI sets it)")
def test_cache_round_trip_through_real_redis():
    from django.core.cache import cache

    assert settings.CACHES["default"]["BACKEND"].endswith("RedisCache")
    cache.set("portal-test-key", {"مرحبا": 1}, 30)
    assert cache.get("portal-test-key") == {"مرحبا": 1}


@pytest.mark.postgres
@pytest.mark.django_db
def test_runs_on_real_postgresql_when_configured():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL)")
    with connection.cursor() as cursor:
        cursor.execute("SELECT cfgname FROM pg_ts_config WHERE cfgname IN ('arabic', 'french') ORDER BY 1")
        assert [row[0] for row in cursor.fetchall()] == ["arabic", "french"]


@pytest.mark.parametrize(
    "private, refused",
    [("/srv/portal/media/private", True), ("/srv/portal/media", True), ("/srv/portal/private", False)],
)
def test_private_media_must_lie_outside_the_served_media(private, refused):
    """The proxy serves MEDIA_ROOT: the private files (portal.private_media) are never inside it."""
    result = run_with_env(
        [sys.executable, "-c", "import django; django.setup()"],
        MEDIA_ROOT="/srv/portal/media",
        PRIVATE_MEDIA_ROOT=private,
        DEBUG="true",  # the development key: the settings load without a SECRET_KEY
    )
    assert ("PRIVATE_MEDIA_ROOT must lie outside MEDIA_ROOT" in result.stderr) is refused, result.stderr
    assert (result.returncode == 0) is not refused
