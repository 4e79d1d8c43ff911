"""Public pages: protocol order, gendered titles, public data only, constant query counts."""

import csv
import datetime
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from members.models import Person
from tests.bureau.factories import CommitteeFactory, CommitteeSeatFactory, MandateFactory, SeatFactory
from tests.members.factories import PersonFactory, council
from tests.urlwalk import sitemap_text

PRIVATE = {
    "phone": "+212661000111",
    "email": "sentinel-private@example.org",
    "address": "SENTINEL-ADDRESS 42",
}
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


def _roster(size, mandate=None):
    """A bureau of ``size`` vice-presidents plus president, officers, councillors, committees."""
    mandate = mandate or MandateFactory()
    # One person holds the private sentinels (an e-mail address is one person's).
    president = Person.objects.filter(email=PRIVATE["email"]).first() or PersonFactory(**PRIVATE)
    SeatFactory(mandate=mandate, office="president", person=president, council=council("05.311"))
    for rank in range(1, size + 1):
        SeatFactory(mandate=mandate, office="vice_president", rank=rank,
                    person=PersonFactory(gender="f" if rank % 2 else "m"), council=council("03.451"))  # fmt: skip
    SeatFactory(mandate=mandate, office="treasurer")
    for _ in range(size):
        SeatFactory(mandate=mandate, office="councillor")
        CommitteeSeatFactory(committee=CommitteeFactory(mandate=mandate), council=council("05.311"))
    return mandate


def _roster_with_a_published_photo():
    """``_roster(3)`` and a member who consented to their photo, private details filled."""
    mandate = _roster(3)
    private = {**PRIVATE, "email": "sentinel-private-photo@example.org"}  # addresses are one person's
    willing = PersonFactory(photo=SimpleUploadedFile("willing.png", PNG), photo_consent=True, **private)
    SeatFactory(mandate=mandate, office="member", person=willing)
    return mandate


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "fr"])
def test_bureau_page_lists_offices_in_protocol_order_with_gendered_titles(client, language):
    mandate = MandateFactory()
    SeatFactory(
        mandate=mandate,
        office="councillor",
        person=PersonFactory(name_ar="فاطمة بودياب", gender="f"),
        order=1,
    )
    SeatFactory(
        mandate=mandate,
        office="vice_president",
        rank=12,
        person=PersonFactory(name_ar="عبد الله كاريم"),
        order=2,
    )
    SeatFactory(
        mandate=mandate,
        office="vice_president",
        rank=11,
        person=PersonFactory(name_ar="اعتماد الزهيدي", name_fr="Itimad Zahidi", gender="f"),
        order=3,
    )
    SeatFactory(
        mandate=mandate, office="president", person=PersonFactory(name_ar="عبد العزيز الدرويش"), order=4
    )
    SeatFactory(
        mandate=mandate,
        office="councillor",
        person=PersonFactory(name_ar="معوَّض"),
        end=datetime.date(2023, 1, 1),
    )
    html = client.get(f"/{language}/bureau/").content.decode()  # fmt: skip
    names = ["عبد العزيز الدرويش", "اعتماد الزهيدي", "عبد الله كاريم", "فاطمة بودياب"]
    positions = [html.index(name) for name in names]
    assert positions == sorted(positions)
    assert "معوَّض" not in html  # replaced: history only
    if language == "ar":
        assert (
            "النائبة الحادية عشرة للرئيس" in html and "النائب الثاني عشر للرئيس" in html and "مستشارة" in html
        )
        assert '<bdi lang="fr" dir="ltr" class="bureau-card__alt">Itimad Zahidi</bdi>' in html
    else:
        assert "11e vice-présidente" in html and "12e vice-président" in html and "Conseillère" in html
        assert '<bdi lang="ar" dir="rtl" class="bureau-card__alt">اعتماد الزهيدي</bdi>' in html


@pytest.mark.django_db
def test_public_pages_show_no_private_data_and_photos_only_with_consent(client):
    mandate = _roster(2)
    shy = PersonFactory(photo=SimpleUploadedFile("shy.png", PNG))
    willing = PersonFactory(photo=SimpleUploadedFile("willing.png", PNG), photo_consent=True)
    SeatFactory(mandate=mandate, office="member", person=shy)
    SeatFactory(mandate=mandate, office="member", person=willing)
    president = mandate.seats.get(office="president").person
    urls = ["/ar/bureau/", "/fr/bureau/", "/ar/bureau/committees/", f"/ar/bureau/people/{president.pk}/",
            "/ar/bureau/open-data/bureau.json", "/fr/bureau/open-data/bureau.csv"]  # fmt: skip
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode("utf-8")
        for value in (*PRIVATE.values(), "661000111"):
            assert value not in body, url
        assert shy.photo.name not in body and f"/photos/{shy.pk}/" not in body, url
    assert willing.public_photo_url in client.get("/ar/bureau/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/ar/bureau/", "/fr/bureau/committees/", "/ar/bureau/open-data/bureau.json",
                                 "/ar/bureau/open-data/bureau.csv", "MANDATE"])  # fmt: skip
def test_query_count_does_not_grow_with_the_roster(client, settings, url):
    settings.PAGE_CACHE = False  # count the queries that build the page, not a cached copy

    def count(size):
        from bureau.models import Mandate

        Mandate.objects.all().delete()
        past = MandateFactory(
            is_current=False, start=datetime.date(2016, 1, 1), end=datetime.date(2022, 1, 28)
        )
        _roster(size, past)
        _roster(size)
        target = f"/ar/bureau/mandates/{past.pk}/" if url == "MANDATE" else url
        client.get(target)  # the association profile and the menu are cached after the first page
        with CaptureQueriesContext(connection) as queries:
            assert client.get(target).status_code == 200
        return len(queries)

    small, large = count(2), count(12)
    assert small == large and small >= 3  # really querying, not a cached page


@pytest.mark.django_db
def test_committees_page_shows_chairs_and_missions(client):
    committee = CommitteeFactory(
        name_ar="لجنة الصحة", name_fr="commission de la santé", mission_ar="تتبع قضايا الصحة"
    )
    CommitteeSeatFactory(committee=committee, person=PersonFactory(name_ar="احمد خيار"))
    html = client.get("/ar/bureau/committees/").content.decode()
    assert "لجنة الصحة" in html and "احمد خيار" in html and "تتبع قضايا الصحة" in html
    assert "commission de la santé" in client.get("/fr/bureau/committees/").content.decode()


@pytest.mark.django_db
def test_past_mandates_keep_replaced_holders_with_their_dates(client):
    past = MandateFactory(is_current=False, start=datetime.date(2016, 1, 1), end=datetime.date(2022, 1, 28))
    SeatFactory(
        mandate=past,
        office="councillor",
        person=PersonFactory(name_ar="الأول"),
        end=datetime.date(2018, 5, 31),
    )
    SeatFactory(
        mandate=past,
        office="councillor",
        person=PersonFactory(name_ar="الخلف"),
        start=datetime.date(2018, 6, 1),
    )
    MandateFactory()
    listing = client.get("/ar/bureau/mandates/").content.decode()
    assert f"/ar/bureau/mandates/{past.pk}/" in listing
    html = client.get(f"/ar/bureau/mandates/{past.pk}/").content.decode()
    assert "الأول" in html and "الخلف" in html and "31 ماي 2018" in html and "1 يونيو 2018" in html
    current = client.get(f"/ar/bureau/mandates/{past.pk + 1}/")
    assert current.status_code == 302 and current.url.endswith("/ar/bureau/")


@pytest.mark.django_db
def test_person_page_only_for_people_with_public_roles(client):
    seat = SeatFactory(office="treasurer", person=PersonFactory(gender="f"))
    html = client.get(f"/fr/bureau/people/{seat.person.pk}/").content.decode()
    assert "Trésorière" in html
    assert client.get(f"/fr/bureau/people/{PersonFactory().pk}/").status_code == 404


@pytest.mark.django_db
def test_open_data_is_popolo_shaped_with_labels_in_the_language(client):
    mandate = _roster(2)
    data = json.loads(client.get("/fr/bureau/open-data/bureau.json").content)
    assert set(data) == {"persons", "organizations", "posts", "memberships", "areas"}
    classes = {o["classification"] for o in data["organizations"]}
    assert classes == {"association", "bureau", "committee", "council"}
    ids = {o["id"] for o in data["organizations"]}
    people = {p["id"] for p in data["persons"]}
    for membership in data["memberships"]:
        assert membership["person_id"] in people and membership["organization_id"] in ids
        assert membership.get("on_behalf_of_id", "council-0").startswith("council-")
    labels = [m["label"] for m in data["memberships"]]
    assert "1re vice-présidente" in labels and "2e vice-président" in labels
    assert {a["identifier"] for a in data["areas"]} == {"05.311", "03.451"}
    assert all(set(p) <= {"id", "name", "other_names", "gender", "links", "image"} for p in data["persons"])
    assert data["memberships"][0]["start_date"] == mandate.start.isoformat()
    arabic = json.loads(client.get("/ar/bureau/open-data/bureau.json").content)
    assert "النائبة الأولى للرئيس" in [m["label"] for m in arabic["memberships"]]
    csv_text = client.get("/ar/bureau/open-data/bureau.csv").content.decode("utf-8-sig")
    header = next(csv.reader(csv_text.splitlines()))  # every field quoted (OWASP, formula injection)
    assert header[:5] == ["organization", "title", "office", "rank", "name_ar"]
    assert "النائبة الأولى للرئيس" in csv_text


@pytest.mark.django_db
def test_without_a_bureau_the_pages_say_so(client):
    assert "لم يُسجَّل أي مكتب بعد" in client.get("/ar/bureau/").content.decode()
    assert json.loads(client.get("/ar/bureau/open-data/bureau.json").content)["memberships"] == []
    assert client.get("/ar/bureau/committees/").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "fr"])
def test_open_data_validates_against_the_popolo_schema(client, language):
    from jsonschema import Draft202012Validator

    from tests.bureau.popolo_schema import EXPORT

    _roster_with_a_published_photo()
    data = json.loads(client.get(f"/{language}/bureau/open-data/bureau.json").content)
    validator = Draft202012Validator(EXPORT, format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(data)]
    assert errors == []
    # The schema can fail: a private field or a malformed date is caught.
    data["persons"][0]["email"] = PRIVATE["email"]
    data["memberships"][0]["start_date"] = "29/01/2022"
    assert len(list(validator.iter_errors(data))) == 2


@pytest.mark.django_db
def test_the_electing_assembly_is_linked_when_public_and_the_sitemap_lists_the_pages(client):
    from events.models import Event
    from tests.events.factories import EventFactory

    mandate = _roster(1)
    event = EventFactory(visibility=Event.Visibility.PUBLIC, start_date=datetime.date(2022, 1, 29))
    mandate.assembly = event
    mandate.save()
    assert event.get_absolute_url() in client.get("/ar/bureau/").content.decode()
    event.visibility = Event.Visibility.MEMBERS
    event.save()
    assert event.get_absolute_url() not in client.get("/ar/bureau/").content.decode()
    sitemap = sitemap_text(client)
    assert "/ar/bureau/" in sitemap and "/fr/bureau/committees/" in sitemap
