"""Members log in with their e-mail, reset their password and correct their own profile."""

import re

import pytest
from django.core import mail

from members.models import Person
from tests.members.factories import ApplicationFactory


@pytest.mark.django_db
def test_login_with_email_and_see_my_account(client, member_user):
    response = client.post(
        "/ar/members/login/", {"username": "Member@example.org", "password": "a-long-test-password"}
    )
    assert response.status_code == 302 and response["Location"] == "/ar/members/account/"
    html = client.get("/ar/members/account/").content.decode()
    assert "member@example.org" in html and "المجلس الإقليمي لخريبكة" in html
    assert "/ar/members/logout/" in client.get("/ar/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("ar", "علما أن كلمة المرور تميّز بين الأحرف الكبيرة والصغيرة"),
        ("fr", "Le mot de passe tient compte de la casse."),
    ],
)
def test_a_wrong_password_says_only_the_password_is_case_sensitive(client, member_user, language, message):
    # The address is matched in any case (the test above signs in as "Member@…").
    response = client.post(
        f"/{language}/members/login/", {"username": "member@example.org", "password": "wrong"}
    )
    assert response.status_code == 200
    assert message in response.content.decode()


@pytest.mark.django_db
def test_anonymous_header_links_to_login(client):
    assert 'href="/fr/members/login/"' in client.get("/fr/").content.decode()
    assert client.get("/ar/members/account/")["Location"].startswith("/ar/members/login/")


@pytest.mark.django_db
def test_member_corrects_own_profile(client, member_user):
    client.force_login(member_user)
    person = member_user.person
    response = client.post(
        "/fr/members/account/",
        {"name_ar": "اسم مصحح", "name_fr": "Nom corrigé", "gender": "m", "preferred_language": "fr",
         "phone": "+212522000000", "email": "new@example.org", "address": ""},
    )  # fmt: skip
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.name_ar == "اسم مصحح" and person.search_key.startswith("اسم مصحح")
    # A new address waits for its confirmation (tests/test_account_security.py).
    assert person.email == person.user.email == "member@example.org"
    assert [message.to for message in mail.outbox] == [["new@example.org"], ["member@example.org"]]


@pytest.mark.django_db
def test_approved_applicant_sets_a_password_by_reset_then_logs_in(client, superuser):
    from members import services

    application = ApplicationFactory(email="new.member@example.org")
    services.application_approve(application=application, by=superuser)
    mail.outbox.clear()
    client.post("/fr/members/password-reset/", {"email": "new.member@example.org"})
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/fr/members/reset/\S+/)", mail.outbox[0].body).group(1)
    form = client.get(link, follow=True)
    set_url = form.redirect_chain[-1][0]
    done = client.post(
        set_url, {"new_password1": "Un-mot-de-passe-2024", "new_password2": "Un-mot-de-passe-2024"}
    )
    assert done.status_code == 302
    client.logout()
    login = client.post(
        "/fr/members/login/", {"username": "new.member@example.org", "password": "Un-mot-de-passe-2024"}
    )
    assert login.status_code == 302 and login["Location"] == "/fr/members/account/"
    assert Person.objects.get(user__email="new.member@example.org")
