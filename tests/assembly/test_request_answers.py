"""A member who proposed an agenda item is told the secretariat's answer by e-mail: in their
language and grammatical gender, the reason of a refusal quoted, a link to their page; queued
by django-mailer in the answer's transaction, so a refused answer sends nothing."""

import pytest
from django.core import mail
from mailer.models import Message

from assembly import services
from assembly.models import AgendaRequest

pytestmark = pytest.mark.django_db


def answer(admin_client, agenda_request, **data):
    return admin_client.post(
        f"/ar/admin/assembly/agendarequest/{agenda_request.pk}/change/", {"reason": "", **data}
    )


def test_an_accepted_proposal_is_told_to_her_in_arabic_and_her_gender(admin_client, assembly, members):
    fatima = members[1]  # gender f, Arabic
    agenda_request = services.request_agenda_item(assembly=assembly, person=fatima, title="التحول الرقمي")
    assert answer(admin_client, agenda_request, answer="accept").status_code == 302
    (message,) = mail.outbox
    assert message.to == [fatima.email]
    assert message.subject == "الرد على اقتراح نقطة في جدول الأعمال: التحول الرقمي"
    assert "السيدة فاطمة المحترمة،" in message.body
    assert "يسرنا إبلاغكِ أن الكتابة العامة قبلت اقتراحكِ «التحول الرقمي»" in message.body
    assert "تجدين اقتراحاتكِ والردود عليها في صفحتكِ:" in message.body
    assert "http://testserver/ar/assembly/mine/" in message.body
    ((html, kind),) = message.alternatives
    assert kind == "text/html" and '<html lang="ar" dir="rtl">' in html
    assert "السيدة <bdi>فاطمة</bdi> المحترمة" in html and "«<bdi>التحول الرقمي</bdi>»" in html
    assert 'href="http://testserver/ar/assembly/mine/"' in html


def test_a_refusal_is_told_to_him_with_the_reason(admin_client, assembly, members):
    youssef = members[2]  # gender m, Arabic
    agenda_request = services.request_agenda_item(assembly=assembly, person=youssef, title="بند مكرر")
    response = answer(admin_client, agenda_request, answer="refuse", reason="البند مدرج في التقرير الأدبي.")
    assert response.status_code == 302
    (message,) = mail.outbox
    assert "السيد يوسف المحترم،" in message.body
    assert "نأسف لإبلاغكَ أن الكتابة العامة لم تُدرج اقتراحكَ «بند مكرر»" in message.body
    assert "البند مدرج في التقرير الأدبي." in message.body
    assert "تجد اقتراحاتكَ والردود عليها في صفحتكَ:" in message.body
    html = message.alternatives[0][0]
    assert "<bdi>البند مدرج في التقرير الأدبي.</bdi>" in html


def test_a_member_who_reads_french_is_answered_in_french(admin_client, assembly, members):
    ahmed = members[0]  # gender m
    ahmed.preferred_language = "fr"
    ahmed.save(update_fields=["preferred_language"])
    khadija = members[3]  # gender f
    khadija.preferred_language = "fr"
    khadija.save(update_fields=["preferred_language"])
    refused = services.request_agenda_item(assembly=assembly, person=ahmed, title="بند")
    accepted = services.request_agenda_item(assembly=assembly, person=khadija, title="Numérique")
    answer(admin_client, refused, answer="refuse", reason="Déjà au rapport moral.")
    answer(admin_client, accepted, answer="accept")
    by_address = {message.to[0]: message for message in mail.outbox}
    refusal, acceptance = by_address[ahmed.email], by_address[khadija.email]
    assert refusal.subject == "Réponse à votre proposition pour l’ordre du jour : بند"
    assert "Monsieur أحمد," in refusal.body
    assert "Le secrétariat n’a pas inscrit votre proposition « بند » à l’ordre du jour" in refusal.body
    assert "Déjà au rapport moral." in refusal.body
    assert "http://testserver/fr/assembly/mine/" in refusal.body
    html = refusal.alternatives[0][0]
    assert '<html lang="fr" dir="ltr">' in html and "« <bdi>بند</bdi> »" in html
    assert "Madame خديجة," in acceptance.body
    assert "Le secrétariat a accepté votre proposition « Numérique »" in acceptance.body


def test_the_admin_action_answers_by_e_mail_too(admin_client, assembly, members):
    first = services.request_agenda_item(assembly=assembly, person=members[0], title="بند أول")
    second = services.request_agenda_item(assembly=assembly, person=members[1], title="بند ثان")
    response = admin_client.post(
        "/ar/admin/assembly/agendarequest/", {"action": "accept", "_selected_action": [first.pk, second.pk]}
    )
    assert response.status_code == 302
    assert sorted(message.to[0] for message in mail.outbox) == sorted([members[0].email, members[1].email])
    assert all("قبلت اقتراح" in message.body for message in mail.outbox)


def test_a_member_without_e_mail_reads_the_answer_on_their_page_only(admin_client, assembly, members):
    zineb = members[5]  # no e-mail
    agenda_request = services.request_agenda_item(assembly=assembly, person=zineb, title="بند")
    assert answer(admin_client, agenda_request, answer="accept").status_code == 302
    agenda_request.refresh_from_db()
    assert agenda_request.status == AgendaRequest.Status.ACCEPTED
    assert mail.outbox == []


def test_the_answer_is_queued_in_its_transaction(settings, assembly, members):
    """Through django-mailer's queue, as every e-mail to a member: queued with the answer; an
    answer refused (no reason, answered twice) queues nothing."""
    settings.EMAIL_BACKEND = "mailer.backend.DbBackend"
    agenda_request = services.request_agenda_item(assembly=assembly, person=members[1], title="بند")
    with pytest.raises(services.AssemblyError):
        services.refuse_request(request=agenda_request, reason="  ")
    assert not Message.objects.exists()
    services.refuse_request(request=agenda_request, reason="مدرج سلفا.", base_url="https://portal.example/")
    (queued,) = Message.objects.all()
    email = queued.email
    assert email.to == [members[1].email]
    assert "https://portal.example/ar/assembly/mine/" in email.body and "مدرج سلفا." in email.body
    with pytest.raises(services.AssemblyError):
        services.accept_request(request=agenda_request)  # answered once: nothing more queued
    assert Message.objects.count() == 1
    assert mail.outbox == []  # nothing past the queue
