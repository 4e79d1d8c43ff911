"""Odd queries give a normal page with a clear message, and anonymous visitors never see
private facts (phones, e-mails are never indexed)."""

from urllib.parse import quote

import pytest

from portal.text import analyse, index_key
from tests.members.factories import MembershipFactory, PersonFactory

QUERIES = [
    "تطوان " * 300,  # very long
    "؟!…«»()[]{}<>@#$%^&*",  # punctuation and symbols only
    "'; DROP TABLE press_pressrelease; --",
    "%_\\ .* (a|b)+ [^x] $1",  # LIKE and regex metacharacters
    "\u202eتطوان\u202c \u2066abc\u2069 \x07\x1b",  # bidi and control characters (NUL: a 400, portal.middleware)
    "Tétouan تطوان ٢٠٢٢ 漢字 😀",  # mixed scripts
]


@pytest.mark.django_db
@pytest.mark.parametrize("query", QUERIES)
def test_odd_queries_give_a_normal_page(client, query):
    for extra in ("", "&type=press&page=999999&year=99999&order=date", "&year=2022&order=x"):
        response = client.get(f"/ar/search/?q={quote(query)}{extra}")
        assert response.status_code == 200
        html = response.content.decode()
        assert "\u202e" not in html and "<script" not in html.split("</head>")[1].split("<footer")[0]


@pytest.mark.django_db
def test_contact_details_are_never_indexed_nor_shown(client):
    person = PersonFactory(name_ar="سعيد العلمي", email="said.secret@example.org", phone="+212661000999")
    MembershipFactory(person=person)
    assert "secret" not in person.search_key and "661000999" not in person.search_key
    for query in ("said.secret@example.org", "secret", "661000999"):
        html = client.get(f"/ar/search/?q={quote(query)}").content.decode()
        assert "العلمي" not in html


def test_the_analyser_folds_every_form_alike():
    assert analyse("٢٠٢٢") == analyse("۲۰۲۲") == ["2022"]
    assert analyse("عبد الله") == analyse("عبدالله")
    assert analyse("الجمعیة") == analyse("الجمعية")
    assert analyse("المنتخبات") == analyse("المنتخبين") == analyse("منتخبة")
    assert analyse("Élus") == analyse("elus") == analyse("élu")
    assert analyse("في من على") == []
    assert index_key("\u202eتطوان") == index_key("تطوان")
