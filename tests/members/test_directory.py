"""The public directory: public facts only, search across spellings, constant queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from members.models import Council, CouncilSeat, Membership, Person
from portal import search
from portal.content_version import content_changed
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
    willing = MembershipFactory(
        person__photo=SimpleUploadedFile("ok.png", png), person__photo_consent=True
    ).person
    html = _html(client)
    assert f'src="{willing.public_photo_url}"' in html
    assert shy.photo.name not in html and f"/photos/{shy.pk}/" not in html


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


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    ["council=99999999999999999999", "region=99999999999999999999", "council=%C2%B2", "region=%C2%B2",
     "council=9223372036854775808&level=x"],
)  # fmt: skip
def test_an_id_no_column_holds_is_ignored_not_a_500(client, query):
    """Past 2^63 − 1 the id reached the query (OverflowError on SQLite); "²" passed str.isdigit()
    and broke int(): the whole directory instead, unfiltered."""
    MembershipFactory(person__name_ar="منتخب إقليمي", council=council("05.311"))
    client.raise_request_exception = False
    response = client.get(f"/ar/members/?{query}")
    assert response.status_code == 200
    assert "منتخب إقليمي" in response.content.decode()


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
    content_changed()  # bulk_create() sends no signal


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
    # The page's plan (its councils in order with their counts: the count too), the page's
    # memberships with person, council and role, the regions for the filter; and the menu's
    # two "does this section have content" checks (action programme, training: issue 20),
    # kept per content version where a shared cache exists.
    assert counts == [5, 5], counts


@pytest.mark.django_db
def test_directory_plan_is_kept_per_content_version(client, settings):
    settings.PAGE_CACHE = True  # the data cache rests on the page cache's content version
    settings.CONTENT_DATA_CACHE = True
    from django.core.cache import cache

    cache.clear()
    client.get("/ar/members/")
    counts = []
    for size in (10, 990):
        _bulk_members(size)  # a write: a new content version
        with CaptureQueriesContext(connection) as first:
            assert client.get("/ar/members/?x=1").status_code == 200
        with CaptureQueriesContext(connection) as second:
            response = client.get("/ar/members/?x=2")  # another address: not a page-cache hit
        assert response["X-Page-Cache"] == "miss"
        counts.append((len(first), len(second)))
    # The second request reads the plan (and the menu's content checks) from the cache: the
    # page's rows and the regions only.
    assert counts == [(5, 2), (5, 2)], counts
    assert response.context["paginator"].count == 1000


def _all_pages(client, url):
    names, page = [], 1
    while True:
        response = client.get(f"{url}{'&' if '?' in url else '?'}page={page}")
        assert response.status_code == 200
        names += [m.pk for m in response.context["memberships"]]
        if not response.context["page_obj"].has_next():
            return names, response.context["paginator"].count
        page += 1


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "level=communal", "q=منتخب 1", "region=REGION"])
def test_directory_pages_follow_the_one_order(client, query):
    """Page after page, the rows are those of the full sort (region, province, council, name),
    also where two councils sort alike and for members without a council."""
    _bulk_members(200)
    twins = list(Council.objects.filter(level="communal").order_by("pk")[:2])
    for twin in twins:  # same region, province and name: their members mix by name
        twin.area_region_id, twin.area_province_id = twins[0].area_region_id, twins[0].area_province_id
    Council.objects.bulk_update(twins, ["area_region", "area_province"])
    Council.objects.filter(pk__in=[c.pk for c in twins]).update(name_ar="مجلس توأم")
    people = Person.objects.bulk_create(
        [Person(name_ar=f"منتخب {i}", gender="m", search_key=f"منتخب {i}") for i in (7, 3, 5)]
    )
    Membership.objects.bulk_create(
        [Membership(person=p, council=None, status="active") for p in people]  # no council: last
    )
    query = query.replace("REGION", str(twins[0].area_region_id))
    url = f"/ar/members/?{query}" if query else "/ar/members/"
    expected = Membership.objects.directory()
    if query == "level=communal":
        expected = expected.filter(council__level="communal")
    elif query.startswith("region="):
        expected = expected.filter(council__area_region_id=twins[0].area_region_id)
    elif query.startswith("q="):
        expected = expected.filter(person__search_key__contains="منتخب 1")
    expected = list(expected.values_list("pk", flat=True))
    found, count = _all_pages(client, url)
    assert found == expected
    assert count == len(expected)
    assert len(expected) > 50  # more than one page


@pytest.mark.django_db
def test_directory_is_paginated(client):
    _bulk_members(120)
    response = client.get(reverse("members:directory") + "?page=3")
    assert response.status_code == 200
    assert len(response.context["memberships"]) == 20


@pytest.mark.django_db
def test_portal_search_of_members_keeps_a_constant_query_count(client):
    """The portal search lists members in the directory's order through the same plan: a few on
    the page of every kind (issue 21), a page of PAGE_SIZE on the members' own page."""
    urls = {"/ar/search/?q=منتخب": search.GROUP_LIMIT, "/ar/search/?q=منتخب&type=members": search.PAGE_SIZE}
    for url in urls:
        client.get(url)
    counts = {url: [] for url in urls}
    last = {}  # the rendered page at 1,000 members (a later request may come from the page cache)
    for size in (30, 970):
        _bulk_members(size)
        for url in urls:
            with CaptureQueriesContext(connection) as queries:
                last[url] = response = client.get(url)
            assert response.status_code == 200
            counts[url].append(len([q for q in queries.captured_queries if "members_" in q["sql"]]))
    for url, shown in urls.items():
        assert counts[url][0] == counts[url][1], (url, counts[url])
        response = last[url]
        group = next(g for g in response.context["groups"] if g.key == "members")
        assert group.total == 1000 and len(group.results) == shown
        first = list(Membership.objects.directory().values_list("person__name", flat=True)[:shown])
        assert [result.title for result in group.results] == first


@pytest.mark.django_db
def test_cards_are_a_fragment_kept_per_content_version(client, settings):
    """The cards are written once per content version, language and rows; an edit shows at once."""
    from django.test.signals import template_rendered

    settings.PAGE_CACHE = True  # values are kept per content version (as with Redis)

    settings.CONTENT_DATA_CACHE = True
    person = PersonFactory(name_ar="محمد قاسمي", name_fr="Mohamed Kassimi")
    MembershipFactory(person=person, council=council("05.311"), holder="council")
    rendered = []

    def record(sender, template, **kwargs):
        rendered.append(template.name)

    template_rendered.connect(record)
    try:
        first = _html(client, "/ar/members/?x=1")
        assert rendered.count("members/includes/directory_results.html") == 1
        rendered.clear()
        second = _html(client, "/ar/members/?x=2")  # another address: not a page-cache hit
        assert "members/includes/directory_results.html" not in rendered
        assert "Mohamed Kassimi" in first and "Mohamed Kassimi" in second
        assert 'lang="ar" dir="rtl" class="member-card__alt">محمد قاسمي' in _html(client, "/fr/members/?x=3")
        person.name_fr = "Mohammed Kassimi"
        person.save()
        assert "Mohammed Kassimi" in _html(client, "/ar/members/?x=4")
    finally:
        template_rendered.disconnect(record)
