"""Mail server down: the action completes, the message waits in the queue, and leaves later.

Mail is queued in the database (django-mailer); a real SMTP client then talks to a port where
nothing listens, and to a real SMTP server (aiosmtpd) once it is up. Nothing is lost, and no
address or subject reaches the logs (Law 09-08).
"""

import logging
import socket

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from mailer.models import Message, MessageLog


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp_settings(settings):
    settings.EMAIL_BACKEND = "mailer.backend.DbBackend"
    settings.MAILER_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 2
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    return settings


def portal_logs(caplog):
    """What the portal and its libraries logged (the test's SMTP server logs its own traffic)."""
    return "\n".join(r.getMessage() for r in caplog.records if not r.name.startswith("mail.log"))


def serving(port):
    controller = Controller(Inbox(), hostname="127.0.0.1", port=port)
    controller.start()
    return controller


@pytest.mark.django_db
def test_a_form_completes_while_the_mail_server_is_down_and_the_mail_leaves_later(
    client, smtp_settings, caplog
):
    from association.models import AssociationProfile, ContactMessage

    profile = AssociationProfile.get_solo()
    profile.email = "secretariat@example.org"
    profile.save()
    form = {
        "name": "فاطمة الزهراء",
        "email": "fatima.sender@example.org",
        "subject": "Adhésion",
        "message": "نرغب في الانخراط في الجمعية.",
    }
    response = client.post("/fr/contact/", form, follow=True)
    assert response.status_code == 200
    assert ContactMessage.objects.get().mailed  # queued: the form's work is done
    assert Message.objects.count() == 1

    # The server is down: the message is deferred, not lost, and the log names no one.
    with caplog.at_level(logging.DEBUG):
        call_command("send_mail", verbosity=0)
    assert Message.objects.deferred().count() == 1
    assert "ConnectionRefusedError" in portal_logs(caplog)
    for private in ("fatima.sender@example.org", "secretariat@example.org", "Adh"):
        assert private not in portal_logs(caplog)
    assert MessageLog.objects.get().message_data is None  # the log of attempts keeps no copy

    # Deferred mail waits for retry_deferred, even once the server is back.
    controller = serving(smtp_settings.EMAIL_PORT)
    try:
        call_command("send_mail", verbosity=0)
        assert controller.handler.messages == []
        call_command("retry_deferred", verbosity=0)
        with caplog.at_level(logging.DEBUG):
            call_command("send_mail", verbosity=0)
    finally:
        controller.stop()
    assert Message.objects.count() == 0
    assert [envelope.rcpt_tos for envelope in controller.handler.messages] == [["secretariat@example.org"]]
    assert "Adh" in controller.handler.messages[0].content.decode()
    assert "secretariat@example.org" not in portal_logs(caplog)


@pytest.mark.django_db
def test_mail_is_queued_and_sent_by_the_next_send_mail(smtp_settings):
    from django.core.mail import send_mail

    assert send_mail("تذكير", "نص", "portal@example.org", ["member@example.org"]) == 1
    controller = serving(smtp_settings.EMAIL_PORT)
    try:
        call_command("send_mail", verbosity=0)
    finally:
        controller.stop()
    assert [envelope.rcpt_tos for envelope in controller.handler.messages] == [["member@example.org"]]
    assert Message.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_action_sends_nothing(smtp_settings):
    """The queue is in the action's own transaction: mail of an action that failed never leaves."""
    from django.core.mail import send_mail
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        send_mail("تذكير", "نص", "portal@example.org", ["member@example.org"])
        raise RuntimeError
    assert Message.objects.count() == 0
