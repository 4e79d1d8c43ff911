"""Law 09-08 rights: everything held about a person, and erasure that keeps the records coherent."""

import json

import pytest
from django.contrib.auth import authenticate
from django.test import RequestFactory

from members.models import CouncilSeat, Membership, Person
from members.privacy import person_anonymise, person_export
from tests.members.factories import ApplicationFactory, MembershipFactory, SeatFactory

PHONE = "+212661445566"
EMAIL = "karima.private@example.org"
ADDRESS = "شارع الحسن الثاني 15، خريبكة"


@pytest.fixture
def person(django_user_model):
    user = django_user_model.objects.create_user(EMAIL, EMAIL, "a-long-test-password")
    membership = MembershipFactory(
        person__name_ar="كريمة الإدريسي",
        person__name_fr="Karima Idrissi",
        person__gender=Person.Gender.FEMALE,
        person__phone=PHONE,
        person__email=EMAIL,
        person__address=ADDRESS,
        person__user=user,
    )
    SeatFactory(person=membership.person)
    ApplicationFactory(email=EMAIL, name_ar="كريمة الإدريسي", person=membership.person)
    return membership.person


def training_registration(person):
    from tests.training.factories import RegistrationFactory

    return RegistrationFactory(person=person)


@pytest.mark.django_db
def test_export_holds_everything_about_the_person(person):
    registration = training_registration(person)
    data = person_export(person)
    text = json.dumps(data, ensure_ascii=False)
    assert data["person"]["phone"] == PHONE
    assert data["person"]["email"] == EMAIL and ADDRESS in text
    assert data["account"]["username"] == EMAIL
    assert len(data["related"]["members.CouncilSeat"]) == 1
    assert len(data["related"]["members.Membership"]) == 1
    assert len(data["related"]["members.MembershipApplication"]) == 1
    assert [row["id"] for row in data["related"]["training.Registration"]] == [registration.pk]
    assert "كريمة الإدريسي" in text


@pytest.mark.django_db
def test_anonymising_erases_the_person_and_keeps_the_records(person):
    from training.models import Registration

    training_registration(person)
    counts = (
        CouncilSeat.objects.count(),
        Membership.objects.count(),
        Registration.objects.filter(person=person).count(),
    )
    person_anonymise(person)
    person.refresh_from_db()
    assert person.name_ar.startswith("عضو سابق") and person.name_fr.startswith("Ancien membre")
    assert not person.phone and not person.email and not person.address and not person.photo
    assert person.user is None
    assert authenticate(RequestFactory().post("/"), username=EMAIL, password="a-long-test-password") is None
    assert (
        CouncilSeat.objects.count(),
        Membership.objects.count(),
        Registration.objects.filter(person=person).count(),
    ) == counts
    text = json.dumps(person_export(person), ensure_ascii=False)
    for private in (PHONE, EMAIL, ADDRESS, "كريمة", "Karima"):
        assert private not in text
    assert not Person.objects.search("كريمة").exists()


@pytest.mark.django_db
def test_secretariat_exports_and_anonymises_from_the_admin(client, person, django_user_model):
    from django.contrib.auth.models import Group

    from portal.roles import COMMUNICATION, SECRETARIAT

    secretariat = django_user_model.objects.create_user(
        "sec", "sec@example.org", "a-long-test-password", is_staff=True
    )
    secretariat.groups.add(Group.objects.get(name=SECRETARIAT))
    client.force_login(secretariat)
    url = "/ar/admin/members/person/"
    exported = client.post(url, {"action": "export_personal_data", "_selected_action": [person.pk]})
    assert exported.status_code == 200
    assert exported["Content-Type"].startswith("application/json")
    assert json.loads(exported.content)[0]["person"]["phone"] == PHONE

    confirm = client.post(url, {"action": "anonymise_people", "_selected_action": [person.pk]})
    assert confirm.status_code == 200 and "كريمة الإدريسي" in confirm.content.decode()
    person.refresh_from_db()
    assert person.email == EMAIL  # nothing happens before the confirmation
    done = client.post(url, {"action": "anonymise_people", "_selected_action": [person.pk], "confirm": "yes"})
    assert done.status_code == 302
    person.refresh_from_db()
    assert person.email == "" and person.name_ar.startswith("عضو سابق")

    communication = django_user_model.objects.create_user(
        "com", "com@example.org", "a-long-test-password", is_staff=True
    )
    communication.groups.add(Group.objects.get(name=COMMUNICATION))
    client.force_login(communication)
    assert (
        client.post(url, {"action": "export_personal_data", "_selected_action": [person.pk]}).status_code
        == 403
    )
