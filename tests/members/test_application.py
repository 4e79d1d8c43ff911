"""The public application form and the secretariat's decision."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from members import services
from members.models import Council, Membership, MembershipApplication, Person
from tests.members.factories import ApplicationFactory, PersonFactory, SeatFactory, council


def _post(client, language="ar", **overrides):
    data = {
        "name_ar": "آسية بوزكري",
        "name_fr": "Assia Bouzekri",
        "gender": "f",
        "council": council("01.511").pk,
        "role": "member",
        "phone": "0661234567",
        "email": "Assia@Example.org",
        "message": "",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return client.post(f"/{language}/members/apply/", data)


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "words"), [("ar", "طلب انخراطكم"), ("fr", "demande d'adhésion")])
def test_application_is_stored_and_acknowledged_in_the_applicants_language(client, language, words):
    response = _post(client, language)
    assert response.status_code == 302 and response["Location"] == f"/{language}/members/apply/thanks/"
    application = MembershipApplication.objects.get()
    assert application.language == language and application.email == "assia@example.org"
    # Stored in E.164, shown in international format.
    assert application.phone.as_e164 == "+212661234567"
    assert MembershipApplication.objects.filter(phone="+212661234567").exists()
    assert str(application.phone) == "+212 6 61 23 45 67"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["assia@example.org"]
    assert words in mail.outbox[0].subject + mail.outbox[0].body


@pytest.mark.django_db
def test_consent_is_required_and_bots_are_turned_away(client):
    assert _post(client, consent="").status_code == 200
    assert _post(client, website="http://spam.example").status_code == 200
    assert not MembershipApplication.objects.exists() and not mail.outbox


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "fr"])
def test_form_renders_in_both_languages(client, language):
    html = client.get(f"/{language}/members/apply/").content.decode()
    assert "09-08" in html and 'name="consent"' in html and 'name="website"' in html


@pytest.mark.django_db
def test_council_list_follows_the_councils_and_a_wrong_choice_is_refused(client, settings):
    """The list is kept per content version (with Redis): a renamed council shows at once."""
    settings.PAGE_CACHE = False
    kept = council("01.511")
    html = client.get("/ar/members/apply/").content.decode()
    assert f'<option value="{kept.pk}">{kept.name_ar}</option>' in html
    select = html[html.index('<select name="council"') :]
    select = select[: select.index("</select>")]
    assert select.count("<option value=") == 1 + Council.objects.count()  # the empty choice too
    assert select.count("<optgroup ") == 12  # one per region, in the order of their codes
    region = select[select.index(f'<optgroup label="{kept.area_region.name_ar}">') :]
    assert f'<option value="{kept.pk}">' in region[: region.index("</optgroup>")]
    kept.name_ar = "مجلس بإسم جديد"
    kept.save()
    html = client.get("/ar/members/apply/").content.decode()
    assert f'<option value="{kept.pk}">مجلس بإسم جديد</option>' in html
    response = _post(client, council=Council.objects.order_by("-pk").first().pk + 1)
    assert response.status_code == 200 and "council" in response.context["form"].errors
    assert not MembershipApplication.objects.exists()
    # A council chosen is shown as chosen when the form comes back with another error.
    again = _post(client, consent="").content.decode()
    assert f'<option value="{kept.pk}" selected>مجلس بإسم جديد</option>' in again


@pytest.mark.django_db
def test_approval_creates_person_seat_membership_and_account(superuser):
    application = ApplicationFactory()
    services.application_approve(application=application, by=superuser)
    application.refresh_from_db()
    assert application.status == "approved" and application.decided_by == superuser
    person = application.person
    assert person.name_ar == "فاطمة الزهراء الشاوي" and person.gender == "f"
    assert person.seats.get().council == application.council
    assert application.membership.status == "active" and application.membership.person == person
    assert person.user.email == application.email
    services.application_approve(application=application, by=superuser)  # twice: nothing more
    assert Person.objects.count() == 1 and Membership.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("match", ["email", "name"])
def test_approval_never_merges_into_an_existing_person_by_itself(superuser, match):
    """A possible match waits for the secretariat (tests/members/test_application_matches.py)."""
    existing = PersonFactory(name_ar="فاطمة الزّهراء الشاوى", name_fr="", email="known@example.org")
    SeatFactory(person=existing, council=council("01.511"), role="member")
    email = "KNOWN@example.org" if match == "email" else "other@example.org"
    application = ApplicationFactory(
        email=email, name_ar="فاطمة الزهراء الشاوي" if match == "name" else "اسم آخر"
    )
    with pytest.raises(ValidationError):
        services.application_approve(application=application, by=superuser)
    assert Person.objects.count() == 1 and MembershipApplication.objects.get().person is None


@pytest.mark.django_db
def test_rejection_needs_a_reason(superuser):
    application = ApplicationFactory()
    with pytest.raises(ValidationError):
        services.application_reject(application=application, by=superuser, reason=" ")
    services.application_reject(application=application, by=superuser, reason="ليس منتخبا")
    application.refresh_from_db()
    assert application.status == "rejected" and application.rejection_reason == "ليس منتخبا"
    assert not Person.objects.exists()


@pytest.mark.django_db
def test_admin_actions_approve_and_reject_with_reason(admin_client):
    first, second = ApplicationFactory(), ApplicationFactory()
    url = "/ar/admin/members/membershipapplication/"
    admin_client.post(url, {"action": "approve", "_selected_action": [first.pk]})
    page = admin_client.post(url, {"action": "reject", "_selected_action": [second.pk]})
    assert page.status_code == 200 and 'name="reason"' in page.content.decode()
    admin_client.post(
        url, {"action": "reject", "_selected_action": [second.pk], "apply": "1", "reason": "مكرر"}
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == "approved" and second.status == "rejected" and second.rejection_reason == "مكرر"


@pytest.mark.django_db
def test_council_list_is_written_once_per_content_version(client, settings):
    """The 1,590 options are a fragment kept per content version and language: a second visitor
    gets them without the template running again, and a renamed council shows at once."""
    from django.test.signals import template_rendered

    settings.PAGE_CACHE = True  # values are kept per content version (as with Redis)

    settings.CONTENT_DATA_CACHE = True
    rendered = []

    def record(sender, template, **kwargs):
        rendered.append(template.name)

    template_rendered.connect(record)
    try:

        def council_select(language="ar"):
            html = client.get(f"/{language}/members/apply/").content.decode()
            return html[
                html.index('<select name="council"') : html.index("</select>", html.index('name="council"'))
            ]

        first = council_select()
        assert rendered.count("portal/widgets/select.html") == 1
        rendered.clear()
        assert council_select() == first
        assert "portal/widgets/select.html" not in rendered
        council_select("fr")
        assert rendered.count("portal/widgets/select.html") == 1  # another language, its own
        kept = council("01.511")
        kept.name_ar = "مجلس بإسم جديد"
        kept.save()
        assert (
            f'<option value="{kept.pk}">مجلس بإسم جديد</option>'
            in client.get("/ar/members/apply/").content.decode()
        )
    finally:
        template_rendered.disconnect(record)
