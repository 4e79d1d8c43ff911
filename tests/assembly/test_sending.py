"""Convocations go out through a real SMTP server (aiosmtpd); an interrupted run resumes with
only the unsent ones, and a member's page answers only to its own unaltered key."""

import logging
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller
from django.core import mail
from django.core.mail import get_connection
from django.core.management import call_command

from assembly import services
from assembly.models import Attendance, Convocation
from tests.test_mail import Inbox, free_port

pytestmark = pytest.mark.django_db


@pytest.fixture
def smtp(settings):
    settings.MAILER_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 2
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    return settings


class FailingAfter(Inbox):
    """Accepts ``limit`` messages, then refuses the rest (a server that goes away half-way)."""

    def __init__(self, limit):
        super().__init__()
        self.limit = limit

    async def handle_DATA(self, server, session, envelope):
        if len(self.messages) >= self.limit:
            return "451 Try again later"
        return await super().handle_DATA(server, session, envelope)


def serve(handler, port):
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    return controller


def test_sending_is_recorded_and_resumes_with_only_the_unsent(assembly, smtp, caplog):
    services.convene(assembly=assembly)
    # The server refuses after two messages: two are sent, three fail, one is for post.
    controller = serve(FailingAfter(2), smtp.EMAIL_PORT)
    try:
        with caplog.at_level(logging.WARNING, logger="assembly"):
            call_command(
                "send_convocations", str(assembly.pk), "--base-url", "https://portal.example", verbosity=0
            )
    finally:
        controller.stop()
    assert assembly.convocations.filter(delivery="sent").count() == 2
    assert assembly.convocations.filter(delivery="failed").count() == 3
    assert assembly.convocations.for_post().count() == 1
    failed = assembly.convocations.filter(delivery="failed").first()
    assert failed.error and failed.sent_at is None
    assert "@" not in caplog.text  # no address in the logs
    first_run = set(assembly.convocations.filter(delivery="sent").values_list("person__email", flat=True))

    inbox = Inbox()
    controller = serve(inbox, smtp.EMAIL_PORT)
    try:
        call_command(
            "send_convocations", str(assembly.pk), "--base-url", "https://portal.example", verbosity=0
        )
        call_command(
            "send_convocations", str(assembly.pk), "--base-url", "https://portal.example", verbosity=0
        )
    finally:
        controller.stop()
    recipients = [to for envelope in inbox.messages for to in envelope.rcpt_tos]
    assert len(recipients) == 3 and not set(recipients) & first_run  # only the unsent, once each
    assert assembly.convocations.filter(delivery="sent").count() == 5
    convocation = assembly.convocations.get(person__email=recipients[0])
    body = inbox.messages[0].content.decode()
    assert f"https://portal.example/ar/assembly/c/{convocation.token}/" in body.replace("=\r\n", "")


def test_the_personal_page_answers_to_its_key_only(client, assembly):
    services.convene(assembly=assembly)
    ahmed = assembly.convocations.order_by("pk").first()
    response = client.get(ahmed.get_absolute_url())
    assert response.status_code == 200
    assert ahmed.person.name in response.content.decode()
    assert "no-store" in response["Cache-Control"] or "private" in response["Cache-Control"]
    tampered = ahmed.token[:-1] + ("A" if ahmed.token[-1] != "A" else "B")
    assert client.get(f"/ar/assembly/c/{tampered}/").status_code == 404
    assert client.post(f"/ar/assembly/c/{tampered}/", {"reply": "attend"}).status_code == 404
    assert client.get("/ar/assembly/c/x/").status_code == 404


def test_the_personal_page_records_a_proxy_and_refuses_one_beyond_the_limit(client, assembly):
    services.convene(assembly=assembly)
    ahmed, fatima, youssef = assembly.convocations.order_by("pk")[:3]
    response = client.post(fatima.get_absolute_url(), {"reply": "proxy", "holder": ahmed.pk}, follow=True)
    assert Attendance.objects.get(convocation=fatima).proxy_holder == ahmed
    response = client.post(youssef.get_absolute_url(), {"reply": "proxy", "holder": ahmed.pk}, follow=True)
    assert "الحد الأقصى" in response.content.decode()  # a clear message
    assert not Attendance.objects.filter(convocation=youssef).exists()  # nothing half-saved
    youssef.refresh_from_db()
    assert youssef.reply == Convocation.Reply.NONE
    response = client.post(youssef.get_absolute_url(), {"reply": "attend"}, follow=True)
    youssef.refresh_from_db()
    assert youssef.reply == Convocation.Reply.ATTEND


def test_letters_and_minutes_are_pdfs_in_arabic_and_french(admin_client, assembly):
    services.convene(assembly=assembly)
    convocation = assembly.convocations.first()
    for language in ("ar", "fr"):
        response = admin_client.get(
            f"/ar/admin/assembly/convocation/{convocation.pk}/letter.pdf?lang={language}"
        )
        assert response.status_code == 200 and response.content.startswith(b"%PDF")
    minutes = services.generate_minutes(assembly=assembly)
    response = admin_client.get(f"/ar/admin/assembly/minutes/{minutes.pk}/minutes.pdf?lang=ar")
    assert response.content.startswith(b"%PDF")


def test_approved_minutes_are_for_members_unless_made_public(client, assembly, admin_user):
    minutes = services.generate_minutes(assembly=assembly)
    assert client.get(f"/ar/assembly/minutes/{minutes.pk}.pdf").status_code == 404  # not approved
    services.approve_minutes(minutes=minutes, by=admin_user)
    assert client.get(f"/ar/assembly/minutes/{minutes.pk}.pdf").status_code == 404  # not public
    minutes.refresh_from_db()
    minutes.public = True
    minutes.save()
    assert client.get(f"/ar/assembly/minutes/{minutes.pk}.pdf").content.startswith(b"%PDF")


def test_the_convocation_mail_is_text_and_html_in_the_members_language_and_gender(assembly):
    """Multipart: the text and an HTML alternative from templates; Arabic right to left, French
    left to right; the greeting follows the member's gender."""
    services.convene(assembly=assembly)
    fatima = assembly.convocations.get(person__name="فاطمة")  # gender f
    ahmed = assembly.convocations.get(person__name="أحمد")  # gender m
    ahmed.person.preferred_language = "fr"
    ahmed.person.save(update_fields=["preferred_language"])
    connection = get_connection("django.core.mail.backends.locmem.EmailBackend")
    sent, failed = services.send_convocations(
        assembly=assembly, base_url="https://portal.example", connection=connection
    )
    assert (sent, failed) == (5, 0)
    by_address = {message.to[0]: message for message in mail.outbox}
    arabic, french = by_address[fatima.person.email], by_address[ahmed.person.email]
    for message in (arabic, french):
        ((_html, kind),) = message.alternatives
        assert kind == "text/html"
        assert message.body.strip() and "<" not in message.body  # the text part is plain text
    html_ar, html_fr = arabic.alternatives[0][0], french.alternatives[0][0]
    assert 'lang="ar" dir="rtl"' in html_ar and "السيدة <bdi>فاطمة</bdi> المحترمة" in html_ar
    assert "السيدة فاطمة المحترمة" in arabic.body
    assert 'lang="fr" dir="ltr"' in html_fr and "Monsieur <bdi>أحمد</bdi>," in html_fr
    assert "Monsieur أحمد," in french.body
    assert f'href="https://portal.example/fr/assembly/c/{ahmed.token}/"' in html_fr
    assert assembly.items.first().title in html_ar
    assert french.subject.startswith("Convocation")


def test_the_convocation_reaches_the_smtp_server_as_text_and_html(assembly, smtp):
    """What the member's mail client receives, read back from a real SMTP server: a
    multipart/alternative message, its HTML part right to left in Arabic (left to right in
    French) with the gendered greeting, the place and every name isolated in <bdi>, the agenda
    and the personal link; the text part the same words, plain."""
    services.convene(assembly=assembly)
    fatima = assembly.convocations.get(person__name="فاطمة")  # gender f, Arabic
    youssef = assembly.convocations.get(person__name="يوسف")  # gender m, Arabic
    ahmed = assembly.convocations.get(person__name="أحمد")  # gender m, French
    ahmed.person.preferred_language = "fr"
    ahmed.person.save(update_fields=["preferred_language"])
    inbox = Inbox()
    controller = serve(inbox, smtp.EMAIL_PORT)
    try:
        call_command(
            "send_convocations", str(assembly.pk), "--base-url", "https://portal.example/", verbosity=0
        )
    finally:
        controller.stop()
    received = {}
    for envelope in inbox.messages:
        message = message_from_bytes(envelope.content, policy=policy.default)
        received[envelope.rcpt_tos[0]] = message
    assert len(received) == 5  # the sixth member has no e-mail: by post
    titles = list(assembly.items.values_list("title_ar", flat=True))

    def parts(convocation):
        message = received[convocation.person.email]
        assert message.get_content_type() == "multipart/alternative"
        assert [part.get_content_type() for part in message.iter_parts()] == ["text/plain", "text/html"]
        text = message.get_body(("plain",)).get_content()
        html = message.get_body(("html",)).get_content()
        assert "<" not in text
        return message, text, html

    message, text, html = parts(fatima)
    assert str(message["subject"]).strip().startswith("استدعاء")
    assert '<html lang="ar" dir="rtl">' in html
    assert "السيدة <bdi>فاطمة</bdi> المحترمة،" in html and "السيدة فاطمة المحترمة،" in text
    assert "يشرفنا دعوتكِ، بصفتكِ عضوة" in html and "في <bdi>مقر الجمعية، الرباط</bdi>" in html
    link = f"https://portal.example/ar/assembly/c/{fatima.token}/"
    assert f'href="{link}"' in html and link in text
    for number, title in enumerate(titles, start=1):
        assert f"<li><bdi>{title}</bdi></li>" in html and f"{number}. {title}" in text

    _message, text, html = parts(youssef)
    assert "السيد <bdi>يوسف</bdi> المحترم،" in html and "يشرفنا دعوتكَ، بصفتكَ عضوا" in html

    message, text, html = parts(ahmed)
    assert str(message["subject"]).strip().startswith("Convocation")
    assert '<html lang="fr" dir="ltr">' in html
    assert "Monsieur <bdi>أحمد</bdi>," in html and "Monsieur أحمد," in text
    assert "Vous êtes invité, en qualité de membre" in html
    assert f'href="https://portal.example/fr/assembly/c/{ahmed.token}/"' in html
    # The Arabic titles (no French one given) stay isolated inside the French text.
    assert f"<li><bdi>{titles[0]}</bdi></li>" in html
