"""The members provider of the portal search, the council filter and the sitemap section."""

import re

import pytest

from members.models import Council
from portal.search import search
from tests.members.factories import MembershipFactory, PersonFactory, SeatFactory, council
from tests.urlwalk import sitemap_text

PRIVATE = {"phone": "+212661000222", "email": "hidden-contact@example.org", "address": "HIDDEN-ADDRESS 7"}


@pytest.mark.django_db
def test_portal_search_finds_active_members_with_public_facts_only(client):
    person = PersonFactory(name_ar="اعتماد الزهيدي", name_fr="Itimad Zahidi", **PRIVATE)
    SeatFactory(person=person, council=council("05.311"), role="president")
    MembershipFactory(person=person, council=council("05.311"), position_ar="أمينة المال")
    MembershipFactory(person__name_ar="الزهيدي الموقوف", status="suspended")
    for query in ["الزهيدى", "zahidi"]:
        html = re.sub("</?mark>", "", client.get("/ar/search/", {"q": query}).content.decode())
        assert "اعتماد الزهيدي" in html and "المجلس الإقليمي لخريبكة" in html and "أمينة المال" in html, query
        assert "الزهيدي الموقوف" not in html
        for value in (*PRIVATE.values(), "661000222"):
            assert value not in html


@pytest.mark.django_db
def test_councils_are_found_only_when_they_have_members(django_user_model):
    khouribga = council("05.311")
    results = search("خريبكه", language="ar", user=None, limit=20)
    assert not [g for g in results if g.key == "members"]
    MembershipFactory(council=khouribga)
    (group,) = [g for g in search("خريبكه", language="ar", user=None, limit=20) if g.key == "members"]
    titles = [r.title for r in group.results]
    assert khouribga.name in titles
    council_result = next(r for r in group.results if r.title == khouribga.name)
    assert council_result.url == f"/ar/members/councils/{khouribga.pk}/"  # the council's page


@pytest.mark.django_db
def test_directory_filters_by_council(client):
    MembershipFactory(person__name_ar="منتخب خريبكة", council=council("05.311"))
    other = Council.objects.filter(level="communal").first()
    MembershipFactory(person__name_ar="منتخب آخر", council=other)
    html = client.get("/ar/members/", {"council": council("05.311").pk}).content.decode()
    assert "منتخب خريبكة" in html and "منتخب آخر" not in html
    assert 'name="council"' in html


@pytest.mark.django_db
def test_sitemap_lists_each_directory_page_in_both_languages(client):
    from tests.members.test_directory import _bulk_members

    _bulk_members(120)  # 50 a page: three pages
    xml = sitemap_text(client)
    for language in ("ar", "fr"):
        assert f"/{language}/members/</loc>" in xml
        assert f"/{language}/members/?page=3</loc>" in xml
        assert f"/{language}/members/apply/</loc>" in xml
    assert "?page=4" not in xml


PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


def _photographed(name, *, consent, name_fr=""):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return MembershipFactory(
        person__name_ar=name,
        person__name_fr=name_fr,
        person__photo=SimpleUploadedFile("portrait.png", PNG),
        person__photo_consent=consent,
    ).person


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/ar/search/", "/fr/search/", "/ar/members/"])
def test_search_results_show_a_photo_only_with_consent(client, url):
    """The portal search and the directory's own search show a member's photo as the directory
    does: when there is one and the person consented to its publication, never otherwise."""
    shown = _photographed("سعيد الناصري", consent=True, name_fr="Said Naciri")
    shy = _photographed("سعيد الرحموني", consent=False, name_fr="Said Rahmouni")
    html = re.sub("</?mark>", "", client.get(url, {"q": "سعيد"}).content.decode())
    names = ("Said Naciri", "Said Rahmouni") if url.startswith("/fr/") else ("سعيد الناصري", "سعيد الرحموني")
    assert all(name in html for name in names)
    assert f'src="{shown.public_photo_url}"' in html
    assert shy.photo.name not in html and f"/photos/{shy.pk}/" not in html
    # One photo in the page, through the view that checks consent.
    assert len(re.findall(r'<img [^>]*src="[^"]*/photos/', html)) == 1


@pytest.mark.django_db
def test_search_result_carries_the_photo_of_consenting_members_only():
    shown = _photographed("نور الدين الأزرق", consent=True)
    _photographed("نور الدين الخجول", consent=False)
    (group,) = [g for g in search("نور الدين", language="ar", user=None, limit=20) if g.key == "members"]
    images = {result.title: result.image for result in group.results}
    assert images == {"نور الدين الأزرق": shown.public_photo_url, "نور الدين الخجول": ""}


@pytest.mark.django_db
def test_a_member_without_a_council_is_found(client):
    """Some memberships have no council recorded (the demo's bureau members): the search lists
    them instead of failing."""
    MembershipFactory(person__name_ar="عضو بلا مجلس", council=None)
    response = client.get("/ar/search/", {"q": "عضو بلا مجلس"})
    assert response.status_code == 200 and "عضو بلا مجلس" in response.content.decode()
