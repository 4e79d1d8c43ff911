"""The public directory: public facts only, search across spellings, constant queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from members.models import Council, CouncilSeat, Membership, Person
from tests.members.factories import MembershipFactory, PersonFactory, SeatFactory, council


def _html(client, url="/ar/members/"):
    return client.get(url).content.decode()


SENTINELS = {
    "phone": "+212661000111",
    "email": "sentinel-private@example.org",
    "address": "SENTINEL-ADDRESS 42",
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "fr"])
def test_directory_shows_public_facts_and_never_private_contacts(client, language):
    person = PersonFactory(name_ar="محمد قاسمي", name_fr="Mohamed Kassimi", **SENTINELS)
    SeatFactory(person=person, council=council("05.311"), role="president")
    MembershipFactory(person=person, council=council("05.311"), holder="council", position_ar="النائب السادس للرئيس",
                      position_fr="6e vice-président")  # fmt: skip
    html = client.get(f"/{language}/members/").content.decode()
    assert "محمد قاسمي" in html
    assert ("المجلس الإقليمي لخريبكة" if language == "ar" else "Conseil provincial de Khouribga") in html
    assert ("النائب السادس للرئيس" if language == "ar" else "6e vice-président") in html
    assert ("الرئيس" if language == "ar" else "Président") in html
    for value in (*SENTINELS.values(), "661000111", "0661"):
        assert value not in html
    assert "Haut-Commissariat au Plan" in html


@pytest.mark.django_db
def test_photo_only_with_consent(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    png = (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
        b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
    )
    shy = MembershipFactory(person__photo=SimpleUploadedFile("shy.png", png)).person
    MembershipFactory(person__photo=SimpleUploadedFile("ok.png", png), person__photo_consent=True)
    html = _html(client)
    assert "ok" in html and shy.photo.name not in html


@pytest.mark.django_db
def test_only_active_members_are_listed(client):
    MembershipFactory(person__name_ar="عضو نشيط")
    MembershipFactory(person__name_ar="عضو موقوف", status="suspended")
    MembershipFactory(person__name_ar="طالب انخراط", status="applicant")
    html = _html(client)
    assert "عضو نشيط" in html and "عضو موقوف" not in html and "طالب انخراط" not in html


@pytest.mark.django_db
def test_search_matches_arabic_variants_and_french(client):
    MembershipFactory(person__name_ar="اعتماد الزهيدي", person__name_fr="Itimad Zahidi")
    MembershipFactory(person__name_ar="سعيد الناصري", person__name_fr="Said Naciri")
    for query in ["الزهيدى", "زهيدي", "Zahidi", "itimad zah"]:
        html = _html(client, f"/ar/members/?q={query}")
        assert "اعتماد الزهيدي" in html and "سعيد الناصري" not in html, query


@pytest.mark.django_db
def test_filters_by_level_and_region(client):
    MembershipFactory(person__name_ar="منتخب إقليمي", council=council("05.311"))
    communal = Council.objects.filter(level="communal", area_region__code="01").first()
    MembershipFactory(person__name_ar="منتخب جماعي", council=communal)
    html = _html(client, "/ar/members/?level=communal")
    assert "منتخب جماعي" in html and "منتخب إقليمي" not in html
    region = communal.area_region_id
    html = _html(client, f"/ar/members/?region={region}")
    assert "منتخب جماعي" in html and "منتخب إقليمي" not in html


def _bulk_members(count):
    communal = list(Council.objects.filter(level="communal").order_by("pk")[:80])
    others = list(Council.objects.exclude(level="communal").order_by("pk")[:80])
    councils = [c for pair in zip(communal, others, strict=True) for c in pair]  # every filter finds rows
    people = Person.objects.bulk_create(
        [
            Person(name_ar=f"منتخب {i}", name_fr=f"Elu {i}", gender="m", search_key=f"منتخب {i} elu {i}")
            for i in range(count)
        ]
    )
    Membership.objects.bulk_create(
        [
            Membership(person=p, council=councils[i % len(councils)], status="active")
            for i, p in enumerate(people)
        ]
    )
    CouncilSeat.objects.bulk_create(
        [
            CouncilSeat(person=p, council=councils[i % len(councils)], role="member")
            for i, p in enumerate(people)
        ]
    )


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/ar/members/", "/fr/members/?level=communal", "/ar/members/?q=منتخب"])
def test_directory_query_count_is_constant(client, url):
    client.get(url)  # the association profile (a cached singleton) is created on the very first request
    counts = []
    for size in (10, 990):  # 10 rows, then 1,000
        _bulk_members(size)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        counts.append(len(queries))
    # count, regions for the filter, the page's keys, then its memberships with person, council and role
    assert counts == [4, 4], counts


@pytest.mark.django_db
def test_directory_is_paginated(client):
    _bulk_members(120)
    response = client.get(reverse("members:directory") + "?page=3")
    assert response.status_code == 200
    assert len(response.context["memberships"]) == 20
