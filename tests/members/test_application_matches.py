"""An application never touches a person already on file unless the secretariat links them.

The attack of issue 17: an anonymous application under another name with a member's e-mail in
upper case, approved in bulk, gave that member a president's seat and a membership of another
council. Approval now creates a new person unless the secretariat has linked the application,
on a screen showing both records, and takes over only what it ticked there.
"""

import pytest
from django.contrib.admin.models import LogEntry
from django.core.exceptions import ValidationError

from members import services
from members.models import CouncilSeat, Membership, MembershipApplication, Person
from tests.members.factories import ApplicationFactory, MembershipFactory, PersonFactory, SeatFactory, council

LIST_URL = "/ar/admin/members/membershipapplication/"


def _matches_url(application, language="ar"):
    return f"/{language}/admin/members/membershipapplication/{application.pk}/matches/"


@pytest.fixture
def member(django_user_model):
    """A member on file: a seat and an active membership on Khouribga's council, an account."""
    user = django_user_model.objects.create_user(
        "member@example.org", "member@example.org", "a-long-password"
    )
    person = PersonFactory(
        name_ar="سعيد الناصري",
        name_fr="Said Naciri",
        email="member@example.org",
        phone="+212661000001",
        user=user,
    )
    SeatFactory(person=person, council=council("05.311"), role=CouncilSeat.Role.MEMBER)
    MembershipFactory(person=person, council=council("05.311"))
    return person


def _snapshot(person):
    person.refresh_from_db()
    return {
        "fields": (person.name_ar, person.name_fr, person.email, str(person.phone), person.user_id),
        "updated_at": person.updated_at,
        "seats": sorted(person.seats.values_list("council_id", "role")),
        "memberships": sorted(person.memberships.values_list("council_id", "status", "person_id")),
    }


@pytest.mark.django_db
def test_the_attack_leaves_the_member_untouched_and_bulk_approve_reports_it(admin_client, member):
    before = _snapshot(member)
    attack = ApplicationFactory(
        name_ar="شخص آخر", name_fr="Quelqu'un d'autre", email="MEMBER@EXAMPLE.ORG", role="president"
    )
    innocent = ApplicationFactory(name_ar="أمينة الإدريسي", name_fr="Amina Idrissi")
    people, memberships = Person.objects.count(), Membership.objects.count()

    page = admin_client.post(
        LIST_URL, {"action": "approve", "_selected_action": [attack.pk, innocent.pk]}, follow=True
    )

    assert _snapshot(member) == before
    attack.refresh_from_db()
    assert attack.status == "pending" and attack.person is None and attack.membership is None
    innocent.refresh_from_db()
    assert innocent.status == "approved" and innocent.person != member
    assert Person.objects.count() == people + 1 and Membership.objects.count() == memberships + 1
    messages = [str(m) for m in page.context["messages"]]
    # "one application" (ngettext: "طلب واحد", or the digit in other forms)
    one = ("1", "واحد")
    assert any(
        any(word in m for word in one) and "شخص آخر" in m and _matches_url(attack) in m for m in messages
    ), messages
    assert any(any(word in m for word in one) and "أمينة الإدريسي" not in m for m in messages)


@pytest.mark.django_db
def test_bulk_approve_report_is_in_french_too(admin_client, member):
    attack = ApplicationFactory(name_ar="شخص آخر", email="Member@Example.org")
    page = admin_client.post(
        "/fr/admin/members/membershipapplication/",
        {"action": "approve", "_selected_action": [attack.pk]},
        follow=True,
    )
    text = " ".join(str(m) for m in page.context["messages"])
    assert "1 demande" in text and "correspondances" in text and "شخص آخر" in text


@pytest.mark.django_db
def test_approval_refuses_to_guess_when_there_are_possible_matches(superuser, member):
    application = ApplicationFactory(name_ar="شخص آخر", email="MEMBER@example.org")
    with pytest.raises(ValidationError):
        services.application_approve(application=application, by=superuser)
    application.refresh_from_db()
    assert application.status == "pending"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        ({"email": "MEMBER@EXAMPLE.ORG", "name_ar": "شخص آخر", "name_fr": ""}, "email"),
        ({"name_ar": "سعيد النّاصرى", "name_fr": "", "email": "other@example.org"}, "name"),
        ({"name_ar": "اسم مختلف", "name_fr": "SAÏD NACIRI", "email": "other@example.org"}, "name"),
        ({"phone": "0661000001", "name_ar": "شخص آخر", "name_fr": "", "email": "other@example.org"}, "phone"),
    ],
)
def test_possible_matches_by_email_name_or_phone(member, overrides, reason):
    PersonFactory(name_ar="شخص لا علاقة له", name_fr="Sans rapport", email="else@example.org")
    application = ApplicationFactory(**overrides)
    candidates = services.application_candidates(application)
    assert [c.person for c in candidates] == [member]
    assert reason in candidates[0].reasons


@pytest.mark.django_db
def test_a_new_person_chosen_by_the_secretariat_leaves_the_member_untouched(superuser, member):
    before = _snapshot(member)
    application = ApplicationFactory(name_ar="شخص آخر", email="MEMBER@EXAMPLE.ORG", role="president")
    services.application_decide_new_person(application=application, by=superuser)
    services.application_approve(application=application, by=superuser)
    assert _snapshot(member) == before
    application.refresh_from_db()
    created = application.person
    assert created != member and created.name_ar == "شخص آخر"
    assert created.seats.get().role == "president" and application.membership.person == created
    # The address is the member's: it stays theirs, no second person nor account gets it.
    assert created.email == "" and created.user is None


@pytest.mark.django_db
def test_approval_creates_no_account_for_an_address_another_account_uses(superuser, django_user_model):
    staff = django_user_model.objects.create_user(
        "clerk", "Clerk@example.org", "a-long-password", is_staff=True
    )
    application = ApplicationFactory(email="clerk@EXAMPLE.org")
    services.application_approve(application=application, by=superuser)
    application.refresh_from_db()
    assert application.status == "approved" and application.person.user is None
    staff.refresh_from_db()
    assert not hasattr(staff, "person") or staff.person is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("take", "expect"),
    [
        ([], {"seat": False, "membership": False, "phone": False}),
        (["membership"], {"seat": False, "membership": True, "phone": False}),
        (["seat", "phone"], {"seat": True, "membership": False, "phone": True}),
    ],
)
def test_a_linked_application_updates_only_what_the_secretariat_chose(superuser, member, take, expect):
    application = ApplicationFactory(
        name_ar="سعيد الناصري", email="MEMBER@example.org", phone="+212662000002", role="president"
    )
    services.application_link(application=application, person=member, take=take, by=superuser)
    services.application_approve(application=application, by=superuser)
    member.refresh_from_db()
    new_council = application.council
    assert member.name_ar == "سعيد الناصري" and member.email == "member@example.org"
    assert member.seats.filter(council=new_council, role="president").exists() is expect["seat"]
    assert member.memberships.filter(council=new_council, status="active").exists() is expect["membership"]
    assert (str(member.phone) == "+212 6 62 00 00 02") is expect["phone"]
    # What was already theirs stays as it was.
    assert member.seats.filter(council=council("05.311"), role="member").exists()
    assert member.memberships.get(council=council("05.311")).status == "active"
    application.refresh_from_db()
    assert application.status == "approved" and application.person == member
    assert Person.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "fr"])
def test_review_screen_shows_both_records_side_by_side(admin_client, member, language):
    application = ApplicationFactory(
        name_ar="شخص آخر", name_fr="Autre Personne", email="MEMBER@EXAMPLE.ORG", phone="+212662000002"
    )
    response = admin_client.get(_matches_url(application, language))
    assert response.status_code == 200
    html = response.content.decode()
    own_council = getattr(application.council, f"name_{language}")
    member_council = getattr(council("05.311"), f"name_{language}")
    for text in ["شخص آخر", "Autre Personne", "سعيد الناصري", "Said Naciri", own_council, member_council,
                 'dir="ltr"', "member@example.org", "+212 6 61 00 00 01", "+212 6 62 00 00 02",
                 f'name="person" value="{member.pk}"', 'name="take"', 'value="new"', '<th scope="row"',
                 "<h2"]:  # fmt: skip
        assert text in html, text
    if language == "ar":
        assert "ربط الطلب بهذا الشخص" in html and "إنشاء شخص جديد" in html
    else:
        assert "Lier la demande à cette personne" in html and "Créer une nouvelle personne" in html
    # The change page lists the candidates and leads to this screen.
    change = admin_client.get(f"/{language}/admin/members/membershipapplication/{application.pk}/change/")
    assert _matches_url(application, language) in change.content.decode()
    assert getattr(member, f"name_{language}") in change.content.decode()


@pytest.mark.django_db
def test_linking_on_the_screen_records_who_and_when_then_bulk_approve_applies_it(
    admin_client, superuser, member
):
    application = ApplicationFactory(name_ar="سعيد الناصري", email="MEMBER@EXAMPLE.ORG", role="president")
    response = admin_client.post(
        _matches_url(application), {"decision": "link", "person": member.pk, "take": ["membership"]}
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.match == "link" and application.person == member and application.take == ["membership"]
    assert application.match_decided_by == superuser and application.match_decided_at is not None
    assert LogEntry.objects.filter(object_id=str(application.pk), user=superuser).exists()
    admin_client.post(LIST_URL, {"action": "approve", "_selected_action": [application.pk]})
    application.refresh_from_db()
    assert application.status == "approved" and application.person == member
    assert member.memberships.filter(council=application.council, status="active").exists()
    assert not member.seats.filter(council=application.council).exists()


@pytest.mark.django_db
def test_the_screen_refuses_a_person_who_is_not_a_candidate(admin_client, member):
    stranger = PersonFactory(name_ar="شخص لا علاقة له")
    application = ApplicationFactory(name_ar="سعيد الناصري", email="MEMBER@EXAMPLE.ORG")
    response = admin_client.post(_matches_url(application), {"decision": "link", "person": stranger.pk})
    assert response.status_code == 200
    application.refresh_from_db()
    assert application.match == "" and application.person is None


@pytest.mark.django_db
def test_new_person_on_the_screen_then_bulk_approve(admin_client, member):
    application = ApplicationFactory(name_ar="شخص آخر", email="MEMBER@EXAMPLE.ORG")
    admin_client.post(_matches_url(application), {"decision": "new"})
    admin_client.post(LIST_URL, {"action": "approve", "_selected_action": [application.pk]})
    application.refresh_from_db()
    assert application.status == "approved" and application.person not in (None, member)
    assert MembershipApplication.objects.get().match == "new"


@pytest.mark.django_db
def test_only_who_may_change_applications_decides(client, django_user_model, member):
    from django.contrib.auth.models import Group

    from portal.roles import COMMUNICATION

    application = ApplicationFactory(name_ar="سعيد الناصري", email="MEMBER@EXAMPLE.ORG")
    outsider = django_user_model.objects.create_user(
        "press", "press@example.org", "a-long-password", is_staff=True
    )
    outsider.groups.add(Group.objects.get(name=COMMUNICATION))
    client.force_login(outsider)
    assert client.get(_matches_url(application)).status_code == 403
    assert (
        client.post(_matches_url(application), {"decision": "link", "person": member.pk}).status_code == 403
    )
    application.refresh_from_db()
    assert application.match == "" and application.person is None


@pytest.mark.django_db
def test_a_decided_application_can_no_longer_be_linked(admin_client, superuser, member):
    application = ApplicationFactory(name_ar="شخص آخر", email="MEMBER@EXAMPLE.ORG")
    services.application_reject(application=application, by=superuser, reason="مكرر")
    assert admin_client.get(_matches_url(application)).status_code == 200
    assert (
        admin_client.post(_matches_url(application), {"decision": "link", "person": member.pk}).status_code
        == 403
    )
    with pytest.raises(ValidationError):
        services.application_link(application=application, person=member, take=["seat"], by=superuser)
    application.refresh_from_db()
    assert application.person is None and not member.seats.filter(council=application.council).exists()
