"""Error reports and logs carry no private data."""

import logging
import sys

import pytest
from django.test import RequestFactory
from django.views.debug import ExceptionReporter

# Built at run time: the HTML report quotes source lines, and must be judged on data alone.
PHONE = "+21266" + "1998877"
EMAIL = "hidden.person" + "@example.org"
ADDRESS = "حي الأمل " + "زنقة 12 رقم 9"


def failing_view(request):
    email = request.POST["email"]  # a local variable holding private data
    phone_number = request.POST["phone"]
    raise RuntimeError(f"failed for a member ({len(email)}, {len(phone_number)})")


def report_for(request):
    try:
        failing_view(request)
    except RuntimeError:
        reporter = ExceptionReporter(request, *sys.exc_info())
        return reporter.get_traceback_text(), reporter.get_traceback_html()


def test_error_reports_hide_phones_emails_and_addresses(settings):
    settings.DEBUG = False
    request = RequestFactory().post(
        "/ar/members/apply/",
        {"name_ar": "فاطمة", "phone": PHONE, "email": EMAIL, "address": ADDRESS, "council": "12"},
    )
    text, html = report_for(request)
    for report in (text, html):
        assert "RuntimeError" in report
        for private in (PHONE, EMAIL, ADDRESS):
            assert private not in report
        assert "********************" in report


def test_error_reports_hide_connection_urls(settings):
    settings.DEBUG = False
    settings.DATABASE_URL = "postgres://portal:db-password-123@db/portal"
    request = RequestFactory().get("/ar/")
    text, _html = report_for_get(request)
    assert "db-password-123" not in text


def report_for_get(request):
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        reporter = ExceptionReporter(request, *sys.exc_info())
        return reporter.get_traceback_text(), reporter.get_traceback_html()


@pytest.mark.django_db
def test_failed_logins_are_logged_without_the_username(client, caplog, django_user_model):
    django_user_model.objects.create_user("hidden.person", EMAIL, "a-long-test-password", is_staff=True)
    with caplog.at_level(logging.INFO):
        client.post("/ar/admin/login/", {"username": EMAIL, "password": "wrong password"})
        client.post("/ar/members/login/", {"username": EMAIL, "password": "wrong password"})
    assert caplog.records, "failed logins are logged"
    assert all(EMAIL not in record.getMessage() for record in caplog.records)
