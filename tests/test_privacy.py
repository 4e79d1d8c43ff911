"""Law 09-08: people's private data never reaches a public page, feed, search or export.

People with unique sentinel phone numbers, e-mails, addresses and unconsented photos are put
where the public pages look (active members, the current bureau, events, search), then the
whole public site is crawled from its pages, its sitemap and its links, in both languages.
"""

import io
import re
from urllib.parse import urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from tests.urlwalk import sitemap_text

SENTINELS = {
    "phone_e164": "+212699817263",
    "phone_international": "+212 6 99 81 72 63",
    "phone_national": "0699817263",
    "phone_digits": "699817263",
    "email": "sentinel.private.k7q@example.org",
    "email_local": "sentinel.private.k7q",
    "address_ar": "زنقة الحراسة السرية رقم 4711",
    "address_fr": "4711 rue du Secret Gardé",
    "photo": "sentinel-unconsented",
}
MAX_PAGES = 350


def sentinel_photo():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 40), "#884422").save(buffer, "JPEG")
    return SimpleUploadedFile("sentinel-unconsented.jpg", buffer.getvalue(), content_type="image/jpeg")


@pytest.fixture
def sentinel_people(db, demo):
    """Two active members carrying sentinel contacts; one also sits in the current bureau."""
    from members.models import Person
    from tests.members.factories import MembershipFactory

    people = []
    for index, gender in enumerate([Person.Gender.FEMALE, Person.Gender.MALE]):
        membership = MembershipFactory(
            person__name_ar=f"الحارسة السرية {index}" if index == 0 else "الحارس السري",
            person__name_fr=f"Gardienne Secrète {index}" if index == 0 else "Gardien Secret",
            person__gender=gender,
            person__phone=SENTINELS["phone_e164"],
            # An address is one person's: the second one's still holds the sentinel local part.
            person__email=SENTINELS["email"] if index == 0 else f"{SENTINELS['email_local']}+2@example.org",
            person__address=f"{SENTINELS['address_ar']}\n{SENTINELS['address_fr']}",
            person__photo=sentinel_photo(),
            person__photo_consent=False,
        )
        people.append(membership.person)
    _seat_in_the_current_bureau(people[0])
    return people


def _seat_in_the_current_bureau(person):
    """Put ``person`` on the current bureau when the bureau app has one (demo content)."""
    try:
        from bureau.models import Mandate, Seat
    except ImportError:
        return
    mandate = Mandate.objects.filter(is_current=True).first() if hasattr(Mandate, "is_current") else None
    mandate = mandate or Mandate.objects.order_by("-pk").first()
    if mandate is None:
        return
    template = Seat.objects.filter(mandate=mandate).order_by("pk").first()
    if template is None:
        return
    template.pk = None
    template.person = person
    template.office = "councillor"  # an office with many holders (one holder per single office)
    template.rank = None
    template.save()


def start_urls(client):
    from tests.urlwalk import public_patterns

    urls = {"/sitemap.xml", "/robots.txt"}
    for route, _name in public_patterns():
        if "<" not in route and not route.startswith("i18n/"):
            urls.add("/" + route)
            if route.startswith("ar/"):
                urls.add("/fr/" + route[3:])
    for query in ["الحارسة", "Gardien", "السري", SENTINELS["email"], SENTINELS["phone_national"], "4711"]:
        for language in ("ar", "fr"):
            urls.add(f"/{language}/search/?q={query}")
            urls.add(f"/{language}/members/?q={query}")
    sitemap = sitemap_text(client)
    urls.update(urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap))
    return urls


LINK = re.compile(r"""(?:href|src)=["']([^"'#]+)["']""")


def crawl(client):
    """Breadth-first over the portal's own public addresses; returns {url: body}."""
    queue = sorted(start_urls(client))
    seen = set(queue)
    pages = {}
    while queue and len(pages) < MAX_PAGES:
        url = queue.pop(0)
        response = client.get(url)
        if response.status_code != 200 or response.streaming:
            continue
        body = response.content.decode("utf-8", errors="replace")
        pages[url] = body
        if "html" not in response.headers.get("Content-Type", ""):
            continue
        for link in LINK.findall(body):
            parts = urlsplit(link)
            if parts.netloc and parts.netloc != "testserver":
                continue
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            if not path.startswith(("/ar/", "/fr/")) or "/admin/" in path or "/logout/" in path:
                continue
            if path not in seen:
                seen.add(path)
                queue.append(path)
    return pages


@pytest.mark.django_db
def test_no_private_data_anywhere_on_the_public_site(sentinel_people, settings):
    client = Client()
    client.raise_request_exception = False
    pages = crawl(client)
    assert len(pages) > 60, "the crawl reached the portal's pages"
    # The sentinel people are really shown (else the test would prove nothing).
    assert any("الحارسة السرية" in body or "Gardienne Secrète" in body for body in pages.values())
    assert leaks_in(pages) == []
    # The unconsented photos: stored privately under random names, with no address in any page,
    # and their view refuses them (portal.private_media).
    for person in sentinel_people:
        assert SENTINELS["photo"] not in person.photo.name
        assert (settings.PRIVATE_MEDIA_ROOT / person.photo.name).is_file()
        assert not (settings.MEDIA_ROOT / person.photo.name).exists()
        route = f"/photos/{person.pk}/"
        assert not [url for url, body in pages.items() if route in body or person.photo.name in body]
        assert client.get(route).status_code == 404


def leaks_in(pages, skip=()):
    """(url, sentinel) for every private value found on a page.

    A search for a private value echoes the query: there the value may appear, but the search
    must not find its owner (private data is not searchable).
    """
    leaks = []
    for url, body in pages.items():
        searched = [value for value in SENTINELS.values() if value in url]
        if searched:
            if "الحارس" in body.replace(url, "") and "?q=" in url and "الحارس" not in url:
                leaks.append((url, "found by a private value"))
            continue
        leaks += [
            (url, name)
            for name, value in SENTINELS.items()
            if name not in skip and value.casefold() in body.casefold()
        ]
    return leaks


@pytest.mark.django_db
def test_members_see_no_other_members_private_data(sentinel_people, django_user_model):
    """Signed-in members browse more pages (members-only events, documents): still no contacts."""
    client = Client()
    client.raise_request_exception = False
    from tests.members.factories import MembershipFactory

    member = django_user_model.objects.create_user(
        "reader@example.org", "reader@example.org", "a-long-password"
    )
    MembershipFactory(person__user=member)
    client.force_login(member)
    pages = crawl(client)
    assert leaks_in(pages, skip={"photo"}) == []
