"""The applicant is told the secretariat's decision by e-mail, as the acknowledgement promised:
in their language and grammatical gender, queued by django-mailer with the decision."""

import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from mailer.models import Message

from members import services
from members.models import MembershipApplication
from tests.members.factories import ApplicationFactory, PersonFactory

pytestmark = pytest.mark.django_db

BASE_URL = "https://portal.example/"
NAMES = {"f": ("فاطمة الزهراء الشاوي", "Fatima Zahra Chaoui"), "m": ("سعيد الناصري", "Said Naciri")}
APPROVED = {
    ("ar", "f"): ("السيدة فاطمة الزهراء الشاوي المحترمة،", "وافقت الكتابة العامة", "بصفتكم عضوة في"),
    ("ar", "m"): ("السيد سعيد الناصري المحترم،", "وافقت الكتابة العامة", "بصفتكم عضوا في"),
    ("fr", "f"): ("Madame Fatima Zahra Chaoui,", "a accepté votre demande", "désormais admise parmi"),
    ("fr", "m"): ("Monsieur Said Naciri,", "a accepté votre demande", "désormais admis parmi"),
}
REJECTED = {
    ("ar", "f"): ("السيدة فاطمة الزهراء الشاوي المحترمة،", "بصفتكم عضوة في", "ولم يتسنّ لها قبوله"),
    ("ar", "m"): ("السيد سعيد الناصري المحترم،", "بصفتكم عضوا في", "ولم يتسنّ لها قبوله"),
    ("fr", "f"): ("Madame Fatima Zahra Chaoui,", "pas admise parmi", "Son motif :"),
    ("fr", "m"): ("Monsieur Said Naciri,", "pas admis parmi", "Son motif :"),
}


@pytest.fixture(autouse=True)
def _queue(settings):
    """Mail goes through django-mailer's queue, as in production (not pytest's outbox)."""
    settings.EMAIL_BACKEND = "mailer.backend.DbBackend"


def _application(language, gender, **kwargs):
    name_ar, name_fr = NAMES[gender]
    return ApplicationFactory(language=language, gender=gender, name_ar=name_ar, name_fr=name_fr, **kwargs)


def _queued():
    (message,) = Message.objects.all()
    email = message.email
    ((html, kind),) = email.alternatives
    assert kind == "text/html"
    return email, html


@pytest.mark.parametrize(("language", "gender"), list(APPROVED))
def test_an_approval_says_so_with_the_link_to_choose_a_password(client, superuser, language, gender):
    application = _application(language, gender, email="Applicant@Example.org")
    services.application_approve(application=application, by=superuser, base_url=BASE_URL)
    email, html = _queued()
    assert email.to == ["applicant@example.org"] and mail.outbox == []
    assert (
        email.subject
        == {"ar": "تم قبول طلب انخراطكم", "fr": "Votre demande d'adhésion a été acceptée"}[language]
    )
    salutation, approved, gendered = APPROVED[language, gender]
    assert email.body.startswith(salutation)
    for words in (approved, gendered, "72"):
        assert words in email.body and words in html
    assert f'<html lang="{language}" dir="{"rtl" if language == "ar" else "ltr"}">' in html
    assert f"{BASE_URL}{language}/members/login/" in email.body
    # The link opens the portal's own page to choose a password, in the applicant's language.
    link = re.search(rf"{BASE_URL}{language}/members/reset/[\w-]+/[\w-]+/", email.body)[0]
    assert f'href="{link}"' in html
    form = client.get(link.removeprefix(BASE_URL.rstrip("/")), follow=True)
    assert form.status_code == 200 and form.context["validlink"]
    client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "un-mot-de-passe-long-7", "new_password2": "un-mot-de-passe-long-7"},
    )
    application.refresh_from_db()
    assert application.person.user.check_password("un-mot-de-passe-long-7")


@pytest.mark.parametrize(("language", "gender"), list(REJECTED))
def test_a_rejection_gives_the_secretariats_reason(superuser, language, gender):
    application = _application(language, gender)
    services.application_reject(application=application, by=superuser, reason="المجلس ليس عضوا في الجمعية.")
    email, html = _queued()
    assert email.to == [application.email]
    assert (
        email.subject
        == {"ar": "لم يتم قبول طلب انخراطكم", "fr": "Votre demande d'adhésion n'a pas été acceptée"}[language]
    )
    salutation, *words = REJECTED[language, gender]
    assert email.body.startswith(salutation)
    for word in [*words, "المجلس ليس عضوا في الجمعية."]:
        assert word in email.body and word in html
    assert "/reset/" not in email.body and "/login/" not in email.body


def test_a_decision_refused_or_repeated_queues_nothing_more(superuser):
    application = ApplicationFactory()
    with pytest.raises(ValidationError):
        services.application_reject(application=application, by=superuser, reason="  ")
    assert not Message.objects.exists()
    services.application_approve(application=application, by=superuser, base_url=BASE_URL)
    services.application_approve(application=application, by=superuser, base_url=BASE_URL)  # nothing more
    with pytest.raises(ValidationError):
        services.application_reject(application=application, by=superuser, reason="متأخر")
    assert Message.objects.count() == 1


def test_no_mail_without_an_address(superuser):
    """The form requires one; an application stored without it (the database allows it) is
    decided all the same, without a message."""
    first, second = ApplicationFactory(), ApplicationFactory()
    MembershipApplication.objects.filter(pk__in=[first.pk, second.pk]).update(email="")
    first.refresh_from_db()
    second.refresh_from_db()
    services.application_approve(application=first, by=superuser, base_url=BASE_URL)
    services.application_reject(application=second, by=superuser, reason="مكرر")
    assert not Message.objects.exists()
    first.refresh_from_db()
    assert first.status == "approved"


def test_no_password_link_to_an_address_that_is_not_the_accounts(superuser, django_user_model):
    """An application linked to a member on file whose account has another address: the link to
    choose that account's password must not go to the address typed in a form."""
    user = django_user_model.objects.create_user("member@example.org", "member@example.org")
    user.set_unusable_password()
    user.save()
    person = PersonFactory(name_ar="سعيد الناصري", email="member@example.org", user=user)
    application = _application("fr", "m", email="other@example.org")
    services.application_link(
        application=application, person=person, take=[MembershipApplication.Take.MEMBERSHIP], by=superuser
    )
    services.application_approve(application=application, by=superuser, base_url=BASE_URL)
    email, _html = _queued()
    assert email.to == ["other@example.org"]
    assert "/reset/" not in email.body and "écrivez au secrétariat" in email.body


def test_the_admin_actions_send_the_decisions(admin_client):
    approved, rejected = _application("ar", "f"), _application("fr", "m")
    url = "/ar/admin/members/membershipapplication/"
    admin_client.post(url, {"action": "approve", "_selected_action": [approved.pk]})
    admin_client.post(
        url, {"action": "reject", "_selected_action": [rejected.pk], "apply": "1", "reason": "مكرر"}
    )
    sent = {message.email.to[0]: message.email.body for message in Message.objects.all()}
    assert set(sent) == {approved.email, rejected.email}
    assert re.search(r"http://testserver/ar/members/reset/[\w-]+/[\w-]+/", sent[approved.email])
    assert "pas admis parmi" in sent[rejected.email] and "مكرر" in sent[rejected.email]
