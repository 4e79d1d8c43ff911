"""Every governing body with members has a roster: the bureau's machinery, body by body."""

import pytest
from django.db import IntegrityError, transaction

from association.models import GoverningBody
from bureau import versions
from bureau.models import Mandate
from tests.bureau.factories import CommitteeFactory, CommitteeSeatFactory, MandateFactory, SeatFactory
from tests.members.factories import PersonFactory

ADMIN_COUNCIL = Mandate.Body.ADMINISTRATIVE_COUNCIL


def _bodies():
    for order, (kind, ar, fr) in enumerate(
        [
            ("executive_bureau", "المكتب التنفيذي", "Bureau exécutif"),
            ("administrative_council", "المجلس الإداري", "Conseil d'administration"),
            (
                "advisory_council",
                "المجلس الاستشاري للكفاءات المدنية",
                "Conseil consultatif des compétences civiles",
            ),
        ],
        start=1,
    ):
        GoverningBody.objects.create(kind=kind, name_ar=ar, name_fr=fr, order=order)


@pytest.mark.django_db
def test_each_body_has_its_own_current_mandate_and_only_one():
    bureau = MandateFactory()
    council = MandateFactory(body=ADMIN_COUNCIL)  # both current at once: one per body
    assert Mandate.objects.current() == bureau
    assert Mandate.objects.current(ADMIN_COUNCIL) == council
    with pytest.raises(IntegrityError), transaction.atomic():
        MandateFactory(body=ADMIN_COUNCIL)
    # The single-holder rule holds in every body's roster.
    SeatFactory(mandate=council, office="president")
    with pytest.raises(IntegrityError), transaction.atomic():
        SeatFactory(mandate=council, office="president")


@pytest.mark.django_db
def test_a_body_roster_keeps_versions_and_reverts_like_the_bureau():
    council = MandateFactory(body=ADMIN_COUNCIL)
    first = SeatFactory(mandate=council, office="president", person=PersonFactory(name_ar="سعيد الأول"))
    versions.record(council, comment="one")
    before = versions.snapshot(council)
    SeatFactory(mandate=council, office="treasurer")
    versions.record(council, before=before, comment="two")
    assert [v.comment for v in versions.versions_of(council)] == ["two", "one"]
    oldest = versions.versions_of(council).last()
    assert [row["person"]["name"]["ar"] for row in oldest.snapshot] == [first.person.name_ar]
    versions.revert(council, oldest)
    assert list(council.seats.held().values_list("person__name_ar", flat=True)) == [first.person.name_ar]
    assert Mandate.objects.current() is None  # the executive bureau's roster is another one


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "fr"])
def test_bodies_page_shows_each_body_with_its_current_roster(client, language):
    _bodies()
    bureau = MandateFactory()
    SeatFactory(
        mandate=bureau,
        office="president",
        person=PersonFactory(name_ar="رئيس المكتب", name_fr="Chef", gender="m"),
    )
    council = MandateFactory(body=ADMIN_COUNCIL)
    SeatFactory(
        mandate=council,
        office="president",
        person=PersonFactory(name_ar="رئيسة المجلس", name_fr="Présidente", gender="f"),
    )
    SeatFactory(
        mandate=council, office="member", person=PersonFactory(name_ar="عضو المجلس", name_fr="Membre")
    )
    past = MandateFactory(body=ADMIN_COUNCIL, is_current=False)
    SeatFactory(mandate=past, office="member", person=PersonFactory(name_ar="عضو سابق", name_fr="Ancien"))
    html = client.get(f"/{language}/bureau/bodies/").content.decode()
    # Each body under its own heading, in the association's order, with its own members.
    headings = ["المكتب التنفيذي", "المجلس الإداري", "المجلس الاستشاري للكفاءات المدنية"] if language == "ar" else [
        "Bureau exécutif", "Conseil d&#x27;administration", "Conseil consultatif des compétences civiles"]  # fmt: skip
    positions = [html.index(f">{heading}</h2>") for heading in headings]
    assert positions == sorted(positions)
    bureau_part, council_part, advisory_part = (
        html[positions[0] : positions[1]],
        html[positions[1] : positions[2]],
        html[positions[2] :],
    )
    assert "رئيس المكتب" in bureau_part and "رئيسة المجلس" not in bureau_part
    assert "رئيسة المجلس" in council_part and "عضو المجلس" in council_part
    assert ("الرئيسة" if language == "ar" else "Présidente") in council_part  # gendered title
    assert "عضو سابق" not in html  # only the current roster
    assert (
        "لم تُنشر بعد تركيبة هذا الجهاز" if language == "ar" else "pas encore été publiée"
    ) in advisory_part
    assert 'id="body-administrative_council"' in html


@pytest.mark.django_db
def test_bodies_page_query_count_does_not_grow(client, settings, django_assert_num_queries):
    settings.PAGE_CACHE = False
    _bodies()
    GoverningBody.objects.create(kind="committees", name_ar="اللجان الدائمة", name_fr="Commissions", order=4)

    def fill(size):
        Mandate.objects.all().delete()
        for body in ("executive_bureau", ADMIN_COUNCIL, "advisory_council"):
            mandate = MandateFactory(body=body)
            for _ in range(size):
                SeatFactory(mandate=mandate, office="member")
        for _ in range(size):
            CommitteeSeatFactory(committee=CommitteeFactory(mandate=Mandate.objects.current()))

    fill(1)
    client.get("/ar/bureau/bodies/")  # the profile and the menu are cached after the first page
    # 6 for the page, and the menu's two content checks (issue 20)
    with django_assert_num_queries(8):
        assert client.get("/ar/bureau/bodies/").status_code == 200
    fill(8)
    client.get("/fr/bureau/bodies/")
    with django_assert_num_queries(8):
        html = client.get("/fr/bureau/bodies/").content.decode()
    assert html.count('class="bureau-card"') == 24 and html.count('class="bureau-committee"') == 8


@pytest.mark.django_db
def test_current_body_mandate_links_to_its_section_and_the_person_page_names_the_body(client):
    _bodies()
    council = MandateFactory(body=ADMIN_COUNCIL)
    seat = SeatFactory(mandate=council, office="member", person=PersonFactory(name_ar="عضو المجلس"))
    assert council.get_absolute_url() == "/ar/bureau/bodies/#body-administrative_council"
    assert client.get(f"/ar/bureau/mandates/{council.pk}/").url == council.get_absolute_url()
    page = client.get(f"/fr/bureau/people/{seat.person.pk}/").content.decode()
    assert "Conseil d&#x27;administration" in page
    # The bureau page links to the other bodies once one has a roster; the about page links each body.
    MandateFactory()
    assert "/ar/bureau/bodies/" in client.get("/ar/bureau/").content.decode()
    about = client.get("/ar/about/").content.decode()
    assert 'href="/ar/bureau/bodies/#body-advisory_council"' in about


@pytest.mark.django_db
def test_admin_edits_a_council_roster_with_the_bureau_form(secretariat_client):
    response = secretariat_client.get("/ar/admin/bureau/mandate/add/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="administrative_council"' in html and "المجلس الإداري" in html
    council = MandateFactory(body=ADMIN_COUNCIL)
    SeatFactory(mandate=council, office="president")
    page = secretariat_client.get(f"/ar/admin/bureau/mandate/{council.pk}/change/")
    assert page.status_code == 200
    changelist = secretariat_client.get("/ar/admin/bureau/mandate/?body__exact=administrative_council")
    assert changelist.status_code == 200 and f"/{council.pk}/change/" in changelist.content.decode()
