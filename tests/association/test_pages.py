"""Every public page of the association app, in both languages, with the demo content."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from association.models import AssociationProfile, ContactMessage
from tests.factories import AgreementFactory, CharterGoalFactory, DocumentFactory, PartnerFactory
from tests.members.factories import MembershipFactory, PersonFactory

PAGES = ["association:home", "association:about", "association:partners", "association:documents",
         "association:contact"]  # fmt: skip


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "fr"])
@pytest.mark.parametrize("name", PAGES)
def test_every_page_renders_in_both_languages(client, demo, name, language):
    with translation.override(language):
        url = reverse(name)
    assert url.startswith(f"/{language}/")
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'lang="{language}"' in html
    assert 'href="#main"' in html and '<main id="main"' in html
    profile = AssociationProfile.get_solo()
    name_in_language = profile.name_ar if language == "ar" else profile.name_fr
    assert name_in_language in html


@pytest.mark.django_db
def test_home_shows_identity_and_goals(client, demo):
    html = client.get("/ar/").content.decode()
    assert "الجمعية المغربية لرؤساء مجالس العمالات والأقاليم" in html
    assert "<bdi>AMPCP</bdi>" in html  # Latin acronym isolated inside Arabic text
    assert "دعم التعاون اللامركزي الدولي." in html
    html_fr = client.get("/fr/").content.decode()
    assert "Soutenir la coopération décentralisée internationale." in html_fr


@pytest.mark.django_db
def test_about_shows_founding_date_with_moroccan_month(client, demo):
    html = client.get("/ar/about/").content.decode()
    assert "28 يناير 2019" in html
    assert "المكتب التنفيذي" in html and "اللجان الدائمة" in html


@pytest.mark.django_db
def test_partners_page_lists_agreements(client, demo):
    html = client.get("/ar/partners/").content.decode()
    assert "اللجنة الوطنية للتربية والعلوم والثقافة" in html
    assert "15 أبريل 2022" in html


@pytest.mark.django_db
def test_members_only_documents_are_hidden_from_the_public(client, django_user_model):
    public = DocumentFactory(title_ar="التقرير الأدبي 2021")
    private = DocumentFactory(title_ar="محضر داخلي", visibility="members")
    html = client.get("/ar/documents/").content.decode()
    assert "التقرير الأدبي 2021" in html and "محضر داخلي" not in html
    assert client.get(reverse("association:document-download", args=[public.pk])).status_code == 200
    assert client.get(reverse("association:document-download", args=[private.pk])).status_code == 404
    # An account alone is not membership: the person linked to it needs an active membership.
    user = django_user_model.objects.create_user("member", password="x" * 12)
    client.force_login(user)
    assert "محضر داخلي" not in client.get("/ar/documents/").content.decode()
    assert client.get(reverse("association:document-download", args=[private.pk])).status_code == 404
    MembershipFactory(person=PersonFactory(user=user))
    client.force_login(django_user_model.objects.get(pk=user.pk))
    assert "محضر داخلي" in client.get("/ar/documents/").content.decode()
    assert client.get(reverse("association:document-download", args=[private.pk])).status_code == 200


@pytest.mark.django_db
def test_unknown_page_is_a_translated_404(client):
    response = client.get("/fr/no-such-page/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()
    assert "الصفحة غير موجودة" in client.get("/ar/no-such-page/").content.decode()


@pytest.mark.django_db
def test_document_download_with_bad_id_is_404(client):
    assert client.get("/ar/documents/999999/").status_code == 404
    assert client.get("/ar/documents/-1/").status_code == 404
    assert client.get("/ar/documents/abc/").status_code == 404


# Contact form ------------------------------------------------------------------------------

VALID = {"name": "Fatima", "email": "fatima@example.org", "subject": "Adhésion", "message": "Bonjour"}


@pytest.mark.django_db
def test_contact_message_is_stored_and_forwarded(client):
    profile = AssociationProfile.get_solo()
    profile.email = "secretariat@example.org"
    profile.save()
    response = client.post("/fr/contact/", VALID, follow=True)
    assert "Merci : votre message a bien été reçu." in response.content.decode()
    message = ContactMessage.objects.get()
    assert message.language == "fr" and message.mailed
    assert mail.outbox[0].to == ["secretariat@example.org"]
    assert mail.outbox[0].reply_to == ["fatima@example.org"]
    assert mail.outbox[0].subject == "Formulaire de contact : Adhésion"


@pytest.mark.django_db
def test_contact_message_survives_a_mail_failure(client, settings):
    # A real SMTP client talking to a port where no mail server listens.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    profile = AssociationProfile.get_solo()
    profile.email = "secretariat@example.org"
    profile.save()
    response = client.post("/ar/contact/", VALID, follow=True)
    assert response.status_code == 200
    message = ContactMessage.objects.get()
    assert not message.mailed


@pytest.mark.django_db
def test_contact_form_errors_keep_the_input(client):
    response = client.post("/ar/contact/", {**VALID, "email": "not-an-address"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Fatima"' in html
    assert "Bonjour" in html
    assert ContactMessage.objects.count() == 0


@pytest.mark.django_db
def test_contact_message_has_a_length_limit_with_a_clear_error(client):
    response = client.post("/ar/contact/", {**VALID, "message": "ب" * 5001})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'maxlength="5000"' in html
    assert "5000" in html.split("</textarea>")[1][:300]  # the error names the limit
    assert ContactMessage.objects.count() == 0
    assert client.post("/ar/contact/", {**VALID, "message": "ب" * 5000}).status_code == 302


@pytest.mark.django_db
def test_contact_honeypot_rejects_bots(client):
    response = client.post("/ar/contact/", {**VALID, "website": "http://spam.example"})
    assert response.status_code == 200
    assert "تبدو هذه الرسالة رسالة مزعجة" in response.content.decode()
    assert ContactMessage.objects.count() == 0


# Query counts ------------------------------------------------------------------------------


def _queries(client, url, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/ar/", "/ar/about/", "/ar/partners/", "/ar/documents/", "/ar/contact/"])
def test_pages_keep_a_constant_number_of_queries(client, url, django_assert_max_num_queries):
    AssociationProfile.get_solo()
    client.get(url)  # warm the profile cache, as in production
    for _ in range(10):
        AgreementFactory()
        CharterGoalFactory()
        DocumentFactory()
    small = _queries(client, url, django_assert_max_num_queries)
    for _ in range(100):
        AgreementFactory(partner=PartnerFactory())
        CharterGoalFactory()
        DocumentFactory()
    large = _queries(client, url, django_assert_max_num_queries)
    assert small == large
    # at most 4 for the page, and the menu's two content checks (issue 20: no entry to an
    # empty section), which a shared cache keeps per content version
    assert large <= 6
