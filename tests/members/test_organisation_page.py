"""An organisation's public page (issue 20): what it is, where, its website, a network's member
councils, the news relayed from it and the activities it organised or partnered; linked from
the press's source notes, the event pages and the partners page; in the sitemap, with hreflang
alternates only between real translations (councils' pages too)."""

import datetime
import json
import re
from urllib.parse import quote

import pytest
from django.utils import timezone

from events.models import Event
from members.models import Council, NetworkMemberCount, NetworkMembership
from press.models import PressRelease
from tests.events.factories import EventFactory
from tests.factories import PartnerFactory
from tests.members.factories import MembershipFactory, NetworkFactory, OrganisationFactory
from tests.press.factories import PressReleaseFactory
from tests.urlwalk import sitemap_text

pytestmark = pytest.mark.django_db

SEFROU = "03.451.01.09"
TIZNIT = "09.581.01.07"


def commune_council(code):
    return Council.objects.get(commune__code=code)


@pytest.fixture
def network():
    sefrou = commune_council(SEFROU)
    network = NetworkFactory(
        name_ar="الشبكة المغربية للحكامة التشاركية",
        name_fr="Réseau marocain de la gouvernance participative",
        website="https://network.example.org/",
        commune=sefrou.commune,
    )
    NetworkMembership.objects.create(network=network, council=sefrou, joined_on=datetime.date(2016, 3, 30))
    NetworkMembership.objects.create(network=network, council=commune_council(TIZNIT))
    NetworkMemberCount.objects.create(network=network, level="regional", count=12, source_ar="مقال 2023")
    PressReleaseFactory(title_ar="ملتقى صفرو", title_fr="Rencontre de Sefrou", source_organisation=network)
    PressReleaseFactory(
        title_ar="مسودة الشبكة", source_organisation=network, status=PressRelease.Status.DRAFT
    )
    PressReleaseFactory(title_ar="بلاغ الجمعية")  # the association's own
    EventFactory(title_ar="الملتقى الثاني للشبكة", title_fr="Deuxième rencontre").organisers.add(network)
    EventFactory(title_ar="اجتماع داخلي للشبكة", visibility=Event.Visibility.MEMBERS).organisers.add(network)
    EventFactory(title_ar="يوم دراسي شريك", title_fr="Journée d'étude").partners.add(network)
    return network


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_page_shows_what_the_organisation_is_and_what_it_did(client, network, language):
    html = page(client, f"/{language}/members/organisations/{network.pk}/")
    ar = language == "ar"
    assert f'<html lang="{language}" dir="{"rtl" if ar else "ltr"}"' in html
    assert (
        "الشبكة المغربية للحكامة التشاركية" if ar else "Réseau marocain de la gouvernance participative"
    ) in html
    assert ("شبكة جماعات ترابية" if ar else "Réseau de collectivités territoriales") in html  # its kind
    sefrou, tiznit = commune_council(SEFROU), commune_council(TIZNIT)
    assert f'href="/{language}/members/councils/{sefrou.pk}/"' in html  # its territory and a member
    assert f'href="/{language}/members/councils/{tiznit.pk}/"' in html
    assert 'datetime="2016-03-30"' in html
    assert "<dd>12 <span" in html and "مقال 2023" in html  # the count a source states
    assert 'href="https://network.example.org/" rel="external"' in html
    assert ("ملتقى صفرو" if ar else "Rencontre de Sefrou") in html
    assert "مسودة الشبكة" not in html and "بلاغ الجمعية" not in html
    assert ("الملتقى الثاني للشبكة" if ar else "Deuxième rencontre") in html
    assert ("يوم دراسي شريك" if ar else "Journée d&#x27;étude") in html
    assert "اجتماع داخلي للشبكة" not in html  # members only
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "Organization" and data["sameAs"] == "https://network.example.org/"
    assert data["url"] == f"http://testserver/{language}/members/organisations/{network.pk}/"


@pytest.mark.parametrize(
    ("language", "label"), [("ar", "<dt>المجال الترابي</dt>"), ("fr", "<dt>Territoire</dt>")]
)
def test_the_territory_is_named_as_a_council_s_not_as_the_association_s_area_of_action(
    client, network, language, label
):
    """The association's "territory" is its area of action (مجال التدخل); an organisation's and a
    council's is their place in the territorial organisation (المجال الترابي, DOMAIN.md)."""
    sefrou = commune_council(SEFROU)
    for url in (
        f"/{language}/members/organisations/{network.pk}/",
        f"/{language}/members/councils/{sefrou.pk}/",
    ):
        html = page(client, url)
        assert label in html
        assert "مجال التدخل" not in html


def test_members_see_the_members_only_activities(client, network, member_user):
    client.force_login(member_user)
    assert "اجتماع داخلي للشبكة" in page(client, f"/ar/members/organisations/{network.pk}/")


def _hreflangs(html):
    return set(re.findall(r'<link rel="alternate" hreflang="([\w-]+)"', html))


def test_an_untranslated_organisation_says_so_in_french_and_declares_no_alternates(client):
    organisation = OrganisationFactory(name_ar="مؤسسة ازمور للتنمية المحلية", name_fr="", kind="foundation")
    html = page(client, f"/fr/members/organisations/{organisation.pk}/")
    assert '<h1 lang="ar" dir="rtl">مؤسسة ازمور للتنمية المحلية</h1>' in html
    assert _hreflangs(html) == set()
    organisation.name_fr = "Fondation d'Azemmour pour le développement local"
    organisation.save()
    assert _hreflangs(page(client, f"/fr/members/organisations/{organisation.pk}/")) == {
        "ar",
        "fr",
        "x-default",
    }


def test_unknown_organisation_is_404(client):
    assert client.get("/ar/members/organisations/999999/").status_code == 404


def test_query_count_does_not_grow(client, network, settings, django_assert_num_queries):
    settings.PAGE_CACHE = False
    url = network.get_absolute_url()
    client.get(url)  # the association's profile, created on first use, is then cached
    # The organisation with its territory, the territory's council, its member councils, its
    # stated counts, the relayed news, the activities organised and partnered; and the menu's
    # two content checks.
    with django_assert_num_queries(9):
        client.get(url)
    for code in ("01.571.01.11", "04.441.01.0", "06.371.01.01"):
        NetworkMembership.objects.create(network=network, council=commune_council(code))
        PressReleaseFactory(source_organisation=network)
        EventFactory().organisers.add(network)
        EventFactory().partners.add(network)
    NetworkMemberCount.objects.create(network=network, level="communal", count=50)
    with django_assert_num_queries(9):
        client.get(url)


# Links to the page ----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_source_notes_event_pages_partners_and_councils_link_to_the_page(client, network, language):
    href = f'href="/{language}/members/organisations/{network.pk}/"'
    relayed = PressRelease.objects.get(title_ar="ملتقى صفرو")
    assert href in page(client, f"/{language}/press/")
    assert href in page(client, f"/{language}/press/{quote(relayed.slug_in(language))}/")
    event = Event.objects.get(title_ar="الملتقى الثاني للشبكة")
    assert href in page(client, f"/{language}/events/event/{event.pk}/")
    PartnerFactory(organisation=network)
    assert href in page(client, f"/{language}/partners/")
    assert href in page(client, f"/{language}/members/councils/{commune_council(SEFROU).pk}/")  # its networks


# Sitemap -----------------------------------------------------------------------------------------------


def test_sitemap_lists_organisations_and_the_councils_with_something_to_show(client, network):
    quiet = commune_council("01.571.01.11")  # no member, no network
    member = commune_council("04.441.01.0")
    MembershipFactory(council=member)
    text = sitemap_text(client)
    for language in ("ar", "fr"):
        assert f"/{language}/members/organisations/{network.pk}/" in text
        for council in (commune_council(SEFROU), commune_council(TIZNIT), member):
            assert f"/{language}/members/councils/{council.pk}/</loc>" in text
        assert f"/{language}/members/councils/{quiet.pk}/</loc>" not in text


def _entries(text):
    """{address: set of its hreflang alternates} of every <url> of the sitemap."""
    entries = {}
    for block in re.findall(r"<url>(.*?)</url>", text, re.S):
        loc = re.search(r"<loc>([^<]+)</loc>", block).group(1)
        entries[loc.removeprefix("http://testserver")] = set(re.findall(r'hreflang="([\w-]+)"', block))
    return entries


def test_sitemap_announces_alternates_only_between_real_translations(client):
    arabic_only = PressReleaseFactory(
        title_ar="تأسيس مؤسسة ازمور للتنمية المحلية",
        title_fr="Fondation d'Azemmour pour le développement local",
        body_ar="<p>انعقد الجمع العام التأسيسي.</p>",
        body_fr="",
        publish_at=timezone.now() - datetime.timedelta(days=1),
    )
    translated = PressReleaseFactory(body_ar="<p>نص</p>", body_fr="<p>Texte</p>")
    untranslated_org = OrganisationFactory(name_ar="مؤسسة بدون ترجمة", name_fr="")
    translated_org = OrganisationFactory()
    entries = _entries(sitemap_text(client))
    # Each page is listed in each language; a French page whose text is Arabic is no alternate.
    ar_only, fr_only = f"/ar/press/{quote(arabic_only.slug)}/", f"/fr/press/{arabic_only.latin_slug}/"
    assert entries[ar_only] == set() and entries[fr_only] == set()
    assert entries[f"/ar/press/{quote(translated.slug)}/"] == {"ar", "fr"}
    assert entries[f"/fr/press/{translated.latin_slug}/"] == {"ar", "fr"}
    assert entries[f"/fr/members/organisations/{untranslated_org.pk}/"] == set()
    assert entries[f"/ar/members/organisations/{translated_org.pk}/"] == {"ar", "fr"}
    # The pages that do not depend on content keep their alternates.
    assert entries["/ar/partners/"] == {"ar", "fr"}
