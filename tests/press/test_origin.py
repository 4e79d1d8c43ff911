"""Press items have an origin: the association's own, or relayed from another organisation
(نقلا عن / Source :), shown on the list, the page, the feeds and in JSON-LD; the list filters
by origin and the association's own feeds leave relayed news out (issue 20)."""

import datetime
import json
import re
from urllib.parse import quote
from xml.etree import ElementTree

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from press.models import PressRelease
from tests.members.factories import NetworkFactory, OrganisationFactory
from tests.press.factories import CategoryFactory, PressReleaseFactory

pytestmark = pytest.mark.django_db
ATOM = {"a": "http://www.w3.org/2005/Atom"}


def aware(*args):
    return timezone.make_aware(datetime.datetime(*args))


@pytest.fixture
def items():
    network = NetworkFactory(
        name_ar="الشبكة المغربية للحكامة التشاركية",
        name_fr="Réseau marocain de la gouvernance participative",
        website="https://network.example.org/",
    )
    own = PressReleaseFactory(
        title_ar="بلاغ الجمعية", title_fr="Communiqué du bureau", publish_at=aware(2022, 5, 1)
    )
    relayed = PressReleaseFactory(
        title_ar="ملتقى صفرو",
        title_fr="Rencontre de Sefrou",
        publish_at=aware(2016, 4, 4),
        source_organisation=network,
        source_url="https://network.example.org/sefrou",
        source_published_on=datetime.date(2016, 4, 4),
    )
    return own, relayed, network


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_source_details_need_an_organisation():
    item = PressReleaseFactory.build(source_url="https://example.org/", category=CategoryFactory())
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert "source_organisation" in error.value.message_dict
    item.source_organisation = OrganisationFactory()
    item.full_clean()  # relayed: the link is allowed
    with transaction.atomic(), pytest.raises(IntegrityError):
        PressRelease.objects.create(
            title_ar="بدون مصدر", slug="x", source_published_on=datetime.date(2020, 1, 1)
        )


def test_own_and_relayed_querysets(items):
    own, relayed, _network = items
    assert list(PressRelease.objects.own()) == [own]
    assert list(PressRelease.objects.relayed()) == [relayed]
    assert relayed.is_relayed and not own.is_relayed


@pytest.mark.parametrize(("language", "label"), [("ar", "نقلا عن"), ("fr", "Source :")])
def test_list_and_page_name_the_source(client, items, language, label):
    own, relayed, network = items
    listing = page(client, f"/{language}/press/")
    name = (
        "الشبكة المغربية للحكامة التشاركية"
        if language == "ar"
        else "Réseau marocain de la gouvernance participative"
    )
    assert listing.count('class="press-source"') == 1
    # The name leads to the organisation's page (issue 20); the original, when known, beside it.
    assert (
        f'{label}</span> <a href="/{language}/members/organisations/{network.pk}/"><bdi>{name}</bdi></a>'
        in listing
    )
    assert '<a href="https://network.example.org/sefrou" rel="external">' in listing
    detail = page(client, f"/{language}/press/{quote(relayed.slug_in(language))}/")
    assert label in detail and name in detail and 'datetime="2016-04-04"' in detail
    assert 'class="press-source"' not in page(client, f"/{language}/press/{quote(own.slug_in(language))}/")


def test_a_french_page_marks_an_arabic_only_source_name(client):
    source = OrganisationFactory(name_ar="مؤسسة ازمور للتنمية المحلية", name_fr="")
    PressReleaseFactory(source_organisation=source)
    listing = page(client, "/fr/press/")
    assert '<bdi lang="ar" dir="rtl">مؤسسة ازمور للتنمية المحلية</bdi>' in listing


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_list_filters_by_origin_and_keeps_the_other_filters(client, items, language):
    own, relayed, _network = items
    listing = page(client, f"/{language}/press/?origin=relayed")
    assert relayed.title_ar in listing or relayed.title_fr in listing
    assert own.title_ar not in listing and own.title_fr not in listing
    listing = page(client, f"/{language}/press/?origin=own")
    assert own.title_ar in listing or own.title_fr in listing
    assert relayed.title_ar not in listing and relayed.title_fr not in listing
    # The chosen origin is marked for assistive technology, and the year links keep it.
    assert f'<a href="/{language}/press/?origin=own" aria-current="true">' in listing
    assert 'href="?year=2022&amp;origin=own"' in listing
    listing = page(client, f"/{language}/press/?year=2016&origin=relayed")
    assert f'href="/{language}/press/?year=2016&amp;origin=own"' in listing
    assert client.get(f"/{language}/press/?origin=nobody").status_code == 404


def test_the_filter_is_offered_only_when_both_origins_exist(client):
    PressReleaseFactory()
    assert "filter-origins" not in page(client, "/ar/press/")


def test_the_count_follows_the_origin(client, items, django_assert_num_queries):
    PressReleaseFactory.create_batch(13, publish_at=aware(2021, 1, 1))
    client.get("/ar/")  # the association's profile, created on first use, is then cached
    # The facets (year, category, origin: one GROUP BY), the menu's two content checks (no entry
    # to an empty section), the categories in use, the page's items with their category and
    # source joined: no query per relayed item.
    with django_assert_num_queries(5):
        response = client.get("/ar/press/?origin=own&page=2")
    assert response.status_code == 200
    assert response.context["paginator"].count == 14
    assert response.context["page_obj"].number == 2 and len(response.context["items"]) == 2


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_feeds_carry_the_source_and_the_own_feed_leaves_relayed_news_out(client, items, language):
    own, relayed, _network = items
    rss = ElementTree.fromstring(client.get(f"/{language}/press/feed/rss/").content).find("channel")
    by_title = {item.findtext("title"): item for item in rss.findall("item")}
    relayed_item = by_title[relayed.title_ar if language == "ar" else relayed.title_fr]
    source = relayed_item.find("source")
    assert source.attrib["url"] == "https://network.example.org/sefrou"
    assert source.text == (
        "الشبكة المغربية للحكامة التشاركية"
        if language == "ar"
        else "Réseau marocain de la gouvernance participative"
    )
    assert by_title[own.title_ar if language == "ar" else own.title_fr].find("source") is None
    atom = ElementTree.fromstring(client.get(f"/{language}/press/feed/atom/").content)
    entries = {entry.findtext("a:title", namespaces=ATOM): entry for entry in atom.findall("a:entry", ATOM)}
    entry = entries[relayed.title_ar if language == "ar" else relayed.title_fr]
    assert entry.findtext("a:author/a:name", namespaces=ATOM) == source.text
    assert entry.findtext("a:source/a:title", namespaces=ATOM) == source.text
    assert entry.find("a:source/a:link", ATOM).attrib["href"] == "https://network.example.org/"
    own_rss = ElementTree.fromstring(client.get(f"/{language}/press/feed/own/rss/").content).find("channel")
    assert [item.findtext("title") for item in own_rss.findall("item")] == [
        own.title_ar if language == "ar" else own.title_fr
    ]
    own_atom = ElementTree.fromstring(client.get(f"/{language}/press/feed/own/atom/").content)
    assert len(own_atom.findall("a:entry", ATOM)) == 1


def test_the_list_links_the_own_feeds_as_alternates(client, items):
    listing = page(client, "/ar/press/")
    assert '<link rel="alternate" type="application/atom+xml" href="/ar/press/feed/own/atom/"' in listing
    assert '<link rel="alternate" type="application/rss+xml" href="/ar/press/feed/own/rss/"' in listing


def test_rss_source_falls_back_to_the_item_address(client):
    PressReleaseFactory(title_ar="خبر منقول", source_organisation=OrganisationFactory(website=""))
    rss = ElementTree.fromstring(client.get("/ar/press/feed/rss/").content).find("channel")
    item = rss.find("item")
    assert item.find("source").attrib["url"] == item.findtext("link")


def _jsonld(html):
    return json.loads(re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[0])


def test_json_ld_of_relayed_news_names_the_source_as_author(client, items):
    own, relayed, network = items
    data = _jsonld(page(client, f"/fr/press/{relayed.slug_in('fr')}/"))
    assert (
        data["author"]
        == data["sourceOrganization"]
        == {
            "@type": "Organization",
            "name": "Réseau marocain de la gouvernance participative",
            "url": "https://network.example.org/",
        }
    )
    assert data["isBasedOn"] == "https://network.example.org/sefrou"
    assert data["dateCreated"] == "2016-04-04"
    own_data = _jsonld(page(client, f"/fr/press/{own.slug_in('fr')}/"))
    assert "sourceOrganization" not in own_data and own_data["author"]["name"] != network.name_fr


def test_detail_query_count_is_unchanged_by_the_source(client, items, django_assert_num_queries):
    _own, relayed, _network = items
    url = f"/ar/press/{quote(relayed.slug)}/"
    client.get("/ar/")  # the association's profile, created on first use, is then cached
    # The item with its category and source joined, its two neighbours, photos, activities and
    # attachments: the source costs no query of its own; and the menu's two content checks (issue 20).
    with django_assert_num_queries(8):
        assert client.get(url).status_code == 200
