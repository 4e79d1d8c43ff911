"""Scale-out settings come from the environment alone (settings are computed at import, so each
case runs in a subprocess, as in tests/test_settings.py)."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent

PRINT = (
    "import json, django; django.setup(); from django.conf import settings as s;"
    "print(json.dumps({'storage': s.STORAGES['default'], 'databases': sorted(s.DATABASES),"
    "'replica': s.DATABASES.get('replica'), 'routers': s.DATABASE_ROUTERS, 'middleware': s.MIDDLEWARE,"
    "'img_src': s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'],"
    "'signed_url_seconds': s.MEDIA_SIGNED_URL_SECONDS}, default=str))"
)
OURS = ("DATABASE_URL", "DATABASE_REPLICA_URL", "REDIS_URL", "MEDIA_STORAGE", "DJANGO_ALLOW_ASYNC_UNSAFE")


def settings_with_env(**env):
    clean = {k: v for k, v in os.environ.items() if k not in OURS and not k.startswith("AWS_")}
    # A serving process (python -c) with DEBUG=false: production asks for a real key.
    clean.update(
        {"DJANGO_SETTINGS_MODULE": "config.settings", "SECRET_KEY": secrets.token_urlsafe(50), **env}
    )
    result = subprocess.run(
        [sys.executable, "-c", PRINT], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_defaults_are_one_database_and_the_local_disk():
    values = settings_with_env()
    assert values["storage"] == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert values["databases"] == ["default"]
    assert values["routers"] == []
    assert "portal.db.PrimaryPinningMiddleware" not in values["middleware"]
    assert values["img_src"] == ["'self'", "data:"]
    assert values["signed_url_seconds"] == 0


def test_replica_url_adds_the_replica_the_router_and_the_middleware():
    values = settings_with_env(
        DATABASE_URL="postgres://portal@primary.internal:5432/portal",
        DATABASE_REPLICA_URL="postgres://portal_ro@replica.internal:5432/portal",
    )
    assert values["databases"] == ["default", "replica"]
    replica = values["replica"]
    assert replica["ENGINE"] == "django.db.backends.postgresql"
    assert replica["HOST"] == "replica.internal" and replica["USER"] == "portal_ro"
    assert replica["TEST"]["MIRROR"] == "default"
    assert replica["CONN_MAX_AGE"] == 60 and replica["CONN_HEALTH_CHECKS"] is True
    assert values["routers"] == ["portal.db.PrimaryReplicaRouter"]
    # First, so that it wraps every other middleware's reads and writes.
    assert values["middleware"][0] == "portal.db.PrimaryPinningMiddleware"


def test_s3_variables_put_media_in_the_bucket_without_the_credentials_in_settings():
    values = settings_with_env(
        MEDIA_STORAGE="s3",
        AWS_STORAGE_BUCKET_NAME="portal-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.ma",
        AWS_S3_REGION_NAME="ma-west-1",
        AWS_ACCESS_KEY_ID="AKIA-not-in-settings",
        AWS_SECRET_ACCESS_KEY="secret-not-in-settings",
        MEDIA_SIGNED_URL_SECONDS="60",
    )
    storage = values["storage"]
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"] == {
        "bucket_name": "portal-media",
        "default_acl": "private",
        "querystring_auth": True,
        "querystring_expire": 3600,
        "file_overwrite": False,
        "max_memory_size": 5 * 1024 * 1024,
        "endpoint_url": "https://s3.example.ma",
        "region_name": "ma-west-1",
        "signature_version": "s3v4",
    }
    assert "not-in-settings" not in json.dumps(values)
    assert "https://s3.example.ma" in values["img_src"]
    assert values["signed_url_seconds"] == 60


def test_bucket_name_alone_selects_s3_and_a_custom_domain_is_allowed_by_the_csp():
    values = settings_with_env(
        AWS_STORAGE_BUCKET_NAME="portal-media", AWS_S3_CUSTOM_DOMAIN="media.example.ma"
    )
    assert values["storage"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert values["storage"]["OPTIONS"]["custom_domain"] == "media.example.ma"
    assert values["img_src"] == ["'self'", "data:", "https://media.example.ma"]
    # MEDIA_STORAGE=filesystem wins over a bucket name left in the environment.
    values = settings_with_env(MEDIA_STORAGE="filesystem", AWS_STORAGE_BUCKET_NAME="portal-media")
    assert values["storage"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"


def test_s3_without_a_bucket_is_refused_at_start():
    clean = {k: v for k, v in os.environ.items() if k not in OURS and not k.startswith("AWS_")}
    clean.update({"DJANGO_SETTINGS_MODULE": "config.settings", "MEDIA_STORAGE": "s3"})
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "AWS_STORAGE_BUCKET_NAME" in result.stderr
