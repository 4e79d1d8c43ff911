"""A person is found by every recorded spelling of their name, by a close misspelling of each, and
by the Latin transliteration, the same way on the three places names are searched: the portal's
results page, the admin's person picker (the roster's autocomplete) and the members directory.

The names are the register's (``members/demo/ampcp.yaml``) with the aliases the sources give;
"Lahcen Zelmat" is the Latin spelling one source used for Lahcen Zalmat.
"""

import re

import pytest
from django.urls import reverse

from tests.members.factories import MembershipFactory, PersonFactory

PEOPLE = {
    "اعتماد الزهيدي": {
        "name_fr": "Itimad Zahidi",
        "aliases": "اعتماد الزاهيدي",
        "queries": [
            "اعتماد الزهيدي",  # the name
            "اعتماد الزاهيدي",  # the alias
            "Itimad Zahidi",  # the transliteration
            "zahidi",
            "اعتماد الزهدي",  # the name, a letter missed
            "اعتماد الزاهدي",  # the alias, a letter missed
            "اعتماذ الزهيدي",  # the first name, a letter changed
            "Itimad Zahedi",  # the transliteration, a letter changed
        ],
    },
    "لحسن زلمط": {
        "name_fr": "Lahcen Zalmat",
        "aliases": "لحسن زلماط\nLahcen Zelmat",
        "queries": [
            "لحسن زلمط",
            "لحسن زلماط",
            "Lahcen Zalmat",
            "Lahcen Zelmat",  # the Latin alias
            "لحسن زلمت",
            "لحسن زالماط",
            "Lahsen Zalmat",
            "Lahcen Zalmatt",
            "Lahcen Zelmatt",
        ],
    },
    "نور الدين الأزرق": {
        "name_fr": "Noureddine Lazrak",
        "aliases": "نورالدين الأزرق",
        "queries": [
            "نور الدين الأزرق",
            "نورالدين الأزرق",
            "Noureddine Lazrak",
            "نور الدين الازرك",
            "نورالدبن الأزرق",
            "Noureddine Lazrek",
        ],
    },
}
# Namesakes in part: they share a word with the people above and must not come out.
OTHERS = {
    "لحسن بلفقيه": "Lahcen Belfkih",
    "سعيد الناصري": "Said Naciri",
    "محمد الشيخ بلا": "Mohamed Cheikh Bella",
}
CASES = [(name, query) for name, person in PEOPLE.items() for query in person["queries"]]


@pytest.fixture
def register(db):
    for name_ar, person in PEOPLE.items():
        MembershipFactory(
            person=PersonFactory(name_ar=name_ar, name_fr=person["name_fr"], aliases=person["aliases"])
        )
    for name_ar, name_fr in OTHERS.items():
        MembershipFactory(person=PersonFactory(name_ar=name_ar, name_fr=name_fr))


def _text(response):
    assert response.status_code == 200
    return re.sub("</?mark>", "", response.content.decode())


def _others_absent(text, name):
    names = [other for other in [*PEOPLE, *OTHERS] if other != name]
    return [other for other in names if other in text]


@pytest.mark.parametrize(("name", "query"), CASES)
def test_the_results_page_finds_the_person(client, register, name, query):
    text = _text(client.get("/ar/search/", {"q": query}))
    assert name in text, query
    assert not _others_absent(text, name), query
    french = _text(client.get("/fr/search/", {"q": query}))
    assert PEOPLE[name]["name_fr"] in french, query


@pytest.mark.parametrize(("name", "query"), CASES)
def test_the_directory_finds_the_person(client, register, name, query):
    text = _text(client.get("/ar/members/", {"q": query}))
    assert name in text, query
    assert not _others_absent(text, name), query


@pytest.mark.parametrize(("name", "query"), CASES)
def test_the_admin_person_picker_finds_the_person(admin_client, register, name, query):
    params = {"term": query, "app_label": "bureau", "model_name": "seat", "field_name": "person"}
    for url in ("/ar/admin/autocomplete/", reverse("admin:bureau_person_autocomplete")):
        response = admin_client.get(url, params)
        assert response.status_code == 200
        labels = [result["text"] for result in response.json()["results"]]
        # The roster's picker labels a person "name · Latin name — council"; the generic one by name.
        assert len(labels) == 1 and labels[0].startswith(name), (url, query, labels)


@pytest.mark.django_db
def test_the_admin_people_list_finds_every_spelling(admin_client, register):
    for name, query in CASES:
        rows = _text(admin_client.get("/ar/admin/members/person/", {"q": query})).split("<tbody>")[-1]
        assert name in rows and not _others_absent(rows, name), query


@pytest.mark.django_db
def test_a_person_outside_the_directory_is_found_by_the_admin_only(client, admin_client):
    """The admin picks from the whole register; the public sees the directory's people only."""
    PersonFactory(name_ar="اعتماد الزهيدي", name_fr="Itimad Zahidi", aliases="اعتماد الزاهيدي")
    for query in ("اعتماد الزاهدي", "Itimad Zahedi"):
        response = admin_client.get(
            "/ar/admin/autocomplete/",
            {"term": query, "app_label": "bureau", "model_name": "seat", "field_name": "person"},
        )
        assert [r["text"] for r in response.json()["results"]] == ["اعتماد الزهيدي"], query
        assert "اعتماد الزهيدي" not in _text(client.get("/ar/search/", {"q": query}))
        assert "اعتماد الزهيدي" not in _text(client.get("/ar/members/", {"q": query}))
