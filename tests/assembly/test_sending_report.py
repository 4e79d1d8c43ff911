"""The admin's sending action says what the run did: the convocations e-mailed now, those that
failed (to retry), those already sent by an earlier run, the members listed for post; each
sentence agreeing with its number (Arabic's plural forms), in Arabic and French. A run that
finds everything sent says so rather than "0 sent"."""

import pytest
from django.contrib.messages import constants, get_messages
from django.core import mail

from assembly import services
from assembly.models import Convocation
from tests.test_mail import free_port

pytestmark = pytest.mark.django_db


@pytest.fixture
def locmem(settings):
    """The convocations' transport (past django-mailer's queue) as Django's test outbox."""
    settings.MAILER_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return settings


def send(admin_client, assembly, language="ar"):
    response = admin_client.post(
        f"/{language}/admin/assembly/assembly/",
        {"action": "send_convocations", "_selected_action": [assembly.pk]},
    )
    assert response.status_code == 302
    # This run's message (an earlier run's, never displayed, is still stored before it).
    last = list(get_messages(response.wsgi_request))[-1]
    return last.level, str(last)


def test_a_first_run_and_a_second_one_say_what_each_did(admin_client, assembly, locmem):
    services.convene(assembly=assembly)  # six convened, one without an e-mail
    level, text = send(admin_client, assembly)
    assert level == constants.SUCCESS
    assert text == (
        "الجمع العام العادي: أُرسلت 5 استدعاءات بالبريد الإلكتروني. "
        "عضو واحد ليس له بريد إلكتروني: استدعاؤه مدرج في قائمة الإرسال بالبريد العادي."
    )
    assert len(mail.outbox) == 5
    # Run again: nothing left to send, and the message says why.
    level, text = send(admin_client, assembly)
    assert level == constants.SUCCESS
    assert text == (
        "الجمع العام العادي: لم يُرسل أي استدعاء بالبريد الإلكتروني في هذه العملية. "
        "كانت 5 استدعاءات قد أُرسلت من قبل. "
        "عضو واحد ليس له بريد إلكتروني: استدعاؤه مدرج في قائمة الإرسال بالبريد العادي."
    )
    assert len(mail.outbox) == 5  # nobody twice


def test_a_resumed_run_counts_what_it_sent_and_what_was_sent_before(admin_client, assembly, locmem):
    services.convene(assembly=assembly)
    earlier = assembly.convocations.exclude(delivery=Convocation.Delivery.POST).order_by("pk")[:3]
    Convocation.objects.filter(pk__in=[c.pk for c in earlier]).update(delivery=Convocation.Delivery.SENT)
    level, text = send(admin_client, assembly)
    assert level == constants.SUCCESS
    assert text == (
        "الجمع العام العادي: أُرسل استدعاءان بالبريد الإلكتروني. "
        "كانت 3 استدعاءات قد أُرسلت من قبل. "
        "عضو واحد ليس له بريد إلكتروني: استدعاؤه مدرج في قائمة الإرسال بالبريد العادي."
    )
    assert len(mail.outbox) == 2


def test_failures_are_told_to_retry_in_french(admin_client, assembly, settings):
    """The mail server unreachable: every e-mail fails, the message says so and how to retry,
    as a warning; the retry, the server back, sends them all."""
    services.convene(assembly=assembly)
    settings.MAILER_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 2
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    level, text = send(admin_client, assembly, "fr")
    assert level == constants.WARNING
    assert text == (
        "Assemblée générale ordinaire : 0 convocation envoyée par courriel. "
        "5 convocations n’ont pas pu être envoyées : relancez l’action pour réessayer. "
        "1 membre n’a pas d’adresse électronique : sa convocation est inscrite sur la liste des envois "
        "par courrier."
    )
    settings.MAILER_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    level, text = send(admin_client, assembly, "fr")
    assert level == constants.SUCCESS
    assert text.startswith("Assemblée générale ordinaire : 5 convocations envoyées par courriel. 1 membre")
    assert "déjà" not in text and "pas pu" not in text
