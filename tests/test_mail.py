"""Mail server down: the action completes, the message is kept, logged and sent later.

A real SMTP client talks to a port where nothing listens, then to a real SMTP server
(aiosmtpd) once it is up; ``retry_mail`` delivers what was kept.
"""

import logging
import socket

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command

from portal import mail


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
def smtp_settings(settings, tmp_path):
    settings.EMAIL_BACKEND = "portal.mail.SpoolingEmailBackend"
    settings.MAIL_TRANSPORT_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 2
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.MAIL_SPOOL_DIR = tmp_path / "spool"
    return settings


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
    with caplog.at_level(logging.WARNING, logger="portal.mail"):
        response = client.post("/fr/contact/", form, follow=True)
    assert response.status_code == 200
    assert ContactMessage.objects.count() == 1  # nothing lost
    assert len(mail.spooled()) == 1
    assert "kept for retry" in caplog.text
    assert "fatima.sender@example.org" not in caplog.text and "secretariat@example.org" not in caplog.text

    # Still down: retry keeps the message.
    call_command("retry_mail", verbosity=0)
    assert len(mail.spooled()) == 1

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=smtp_settings.EMAIL_PORT)
    controller.start()
    try:
        call_command("retry_mail", verbosity=0)
    finally:
        controller.stop()
    assert len(mail.spooled()) == 0
    assert [envelope.rcpt_tos for envelope in inbox.messages] == [["secretariat@example.org"]]
    assert "Adh" in inbox.messages[0].content.decode()


def test_mail_goes_straight_out_when_the_server_is_up(smtp_settings):
    from django.core.mail import send_mail

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=smtp_settings.EMAIL_PORT)
    controller.start()
    try:
        assert send_mail("تذكير", "نص", "portal@example.org", ["member@example.org"]) == 1
    finally:
        controller.stop()
    assert len(inbox.messages) == 1
    assert mail.spooled() == []
