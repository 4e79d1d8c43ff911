"""Whose address counts for rate limits and login lockouts (django-ipware, one rule for both).

Without a proxy (``BEHIND_PROXY=false``) only the connection's address counts: an
``X-Forwarded-For`` header is the visitor's own words and is ignored. Behind the proxy, the
address it appended last counts; what the visitor wrote before it is ignored too.
"""

import pytest
from axes.models import AccessAttempt
from django.test import RequestFactory

from association.models import ContactMessage
from portal.ratelimit import client_ip

CONTACT = {"name": "Fatima", "email": "fatima@example.org", "subject": "Adhésion", "message": "Bonjour"}
PROXY = "10.0.0.1"


def request(forwarded=None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return RequestFactory().get("/", REMOTE_ADDR=PROXY, **headers)


def test_without_a_proxy_the_forwarded_header_is_ignored(settings):
    settings.BEHIND_PROXY = False
    assert client_ip(request("203.0.113.7")) == PROXY
    assert client_ip(request()) == PROXY


def test_behind_the_proxy_the_address_it_appended_last_counts(settings):
    settings.BEHIND_PROXY = True
    assert client_ip(request("203.0.113.7")) == "203.0.113.7"
    assert client_ip(request("198.51.100.66, 203.0.113.7")) == "203.0.113.7"  # the first is forged
    assert client_ip(request("not-an-address, 203.0.113.7")) == "203.0.113.7"
    assert client_ip(request()) == PROXY  # a request that did not pass the proxy: its own address


def test_proxies_in_front_of_the_proxy_by_count_or_by_address(settings):
    settings.BEHIND_PROXY = True
    chain = "198.51.100.66, 203.0.113.7, 192.0.2.10"  # forged, the client, a CDN's edge
    settings.PORTAL_PROXY_COUNT = 2
    assert client_ip(request(chain)) == "203.0.113.7"
    settings.PORTAL_PROXY_COUNT = 1
    settings.PORTAL_TRUSTED_PROXIES = ["192.0.2.0/24"]
    assert client_ip(request(chain)) == "203.0.113.7"
    # Not through the CDN: the connection's address (one bucket for all who go around it).
    assert client_ip(request("198.51.100.66, 203.0.113.7")) == PROXY


@pytest.mark.django_db
def test_a_forged_header_does_not_escape_the_form_limit(client, settings):
    settings.PORTAL_FORM_RATE = "1/h"
    settings.BEHIND_PROXY = False
    assert client.post("/fr/contact/", CONTACT, HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 302
    assert client.post("/fr/contact/", CONTACT, HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 429
    settings.BEHIND_PROXY = True
    forged = {"HTTP_X_FORWARDED_FOR": "198.51.100.3, 203.0.113.7"}
    assert client.post("/fr/contact/", CONTACT, **forged).status_code == 302
    forged = {"HTTP_X_FORWARDED_FOR": "198.51.100.4, 203.0.113.7"}
    assert client.post("/fr/contact/", CONTACT, **forged).status_code == 429
    assert ContactMessage.objects.count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize(("behind_proxy", "recorded"), [(False, "127.0.0.1"), (True, "203.0.113.7")])
def test_login_failures_record_the_same_address(client, settings, behind_proxy, recorded):
    settings.BEHIND_PROXY = behind_proxy
    client.post(
        "/ar/admin/login/",
        {"username": "nobody", "password": "wrong password"},
        HTTP_X_FORWARDED_FOR="198.51.100.9, 203.0.113.7",
    )
    assert AccessAttempt.objects.get().ip_address == recorded
