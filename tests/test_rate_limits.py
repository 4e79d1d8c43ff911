"""The public forms are rate limited per client address; nothing is stored past the limit."""

import logging
import shutil
import time

import pytest

from association.models import ContactMessage
from tests.redis_server import free_port, redis_caches, start_redis, stop_redis

CONTACT = {"name": "Fatima", "email": "fatima@example.org", "subject": "Adhésion", "message": "Bonjour"}


@pytest.mark.django_db
def test_contact_form_is_limited_per_address(client, settings):
    settings.PORTAL_FORM_RATE = "3/h"
    for _attempt in range(3):
        assert client.post("/fr/contact/", CONTACT).status_code == 302
    refused = client.post("/fr/contact/", CONTACT)
    assert refused.status_code == 429
    html = refused.content.decode()
    assert '<html lang="fr" dir="ltr"' in html
    assert "Trop de requêtes" in html
    assert ContactMessage.objects.count() == 3
    # Reading the form is never limited; another address may still write.
    assert client.get("/fr/contact/").status_code == 200
    assert client.post("/fr/contact/", CONTACT, REMOTE_ADDR="10.1.2.3").status_code == 302


@pytest.mark.django_db
def test_membership_application_is_limited_in_arabic(client, settings):
    settings.PORTAL_FORM_RATE = "1/h"
    client.post("/ar/members/apply/", {})  # an invalid submission still counts
    refused = client.post("/ar/members/apply/", {})
    assert refused.status_code == 429
    assert '<html lang="ar" dir="rtl"' in refused.content.decode()


@pytest.mark.django_db
def test_behind_the_proxy_the_forwarded_address_counts(client, settings):
    settings.PORTAL_FORM_RATE = "1/h"
    settings.BEHIND_PROXY = True
    assert client.post("/fr/contact/", CONTACT, HTTP_X_FORWARDED_FOR="203.0.113.7").status_code == 302
    assert client.post("/fr/contact/", CONTACT, HTTP_X_FORWARDED_FOR="203.0.113.7").status_code == 429
    assert client.post("/fr/contact/", CONTACT, HTTP_X_FORWARDED_FOR="203.0.113.8").status_code == 302


@pytest.mark.django_db
@pytest.mark.skipif(not shutil.which("redis-server"), reason="needs redis-server")
def test_with_redis_down_the_forms_keep_per_process_limits_and_use_redis_again_when_back(
    client, settings, caplog
):
    """A real Redis, stopped and started again: down, each process counts for itself and the
    forms keep working (not a 429 for everyone); back, the shared count is used again."""
    port = free_port()
    settings.CACHES = {**settings.CACHES, "ratelimit": redis_caches(port, timeout=0.2)["ratelimit"]}
    settings.REDIS_SKIP_SECONDS = 0.2
    settings.RATELIMIT_USE_CACHE = "ratelimit"
    settings.PORTAL_FORM_RATE = "2/h"
    server, redis_client = start_redis(port)
    try:
        assert client.post("/fr/contact/", CONTACT).status_code == 302
        assert redis_client.dbsize() == 1  # counted in the shared cache
        stop_redis(server)
        with caplog.at_level(logging.WARNING, logger="portal.cache"):
            assert client.post("/fr/contact/", CONTACT, REMOTE_ADDR="10.0.0.2").status_code == 302
            assert client.post("/fr/contact/", CONTACT, REMOTE_ADDR="10.0.0.2").status_code == 302
            assert client.post("/fr/contact/", CONTACT, REMOTE_ADDR="10.0.0.2").status_code == 429
        assert "Rate limit counted in this process" in caplog.text
        server, redis_client = start_redis(port)
        time.sleep(settings.REDIS_SKIP_SECONDS)  # skipped after the failure (portal.cache)
        assert client.post("/fr/contact/", CONTACT, REMOTE_ADDR="10.0.0.3").status_code == 302
        assert redis_client.dbsize() == 1  # the shared cache counts again
    finally:
        stop_redis(server)
    assert ContactMessage.objects.count() == 4
