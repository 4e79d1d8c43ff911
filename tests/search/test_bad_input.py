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


# Every place a name is searched, with the query parameter each reads.
NAME_SEARCHES = [
    ("/ar/search/", "q"),
    ("/fr/search/", "q"),
    ("/ar/members/", "q"),
    ("/fr/members/", "q"),
    ("/ar/admin/members/person/", "q"),
    ("/ar/admin/autocomplete/?app_label=bureau&model_name=seat&field_name=person", "term"),
]
ODD = [
    *QUERIES,
    "ب" * 100_000,  # a pasted book
    "في من على إلى",  # function words only
    "le de la des",
    "\u200fتطوان\u200e \u200eTétouan\u200f",  # right-to-left and left-to-right marks
    "\u061c\u2067زلمط\u2069 Zalmat\u200b",  # Arabic letter mark, isolates, zero-width space
    "اعتماد Zahidi الزاهيدي zahedi",  # scripts mixed inside one name
    "٠١٢٣ ۴۵۶ 𝟕𝟖𝟗",  # digits of three scripts only
]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ODD)
def test_odd_queries_on_every_name_search(admin_client, query):
    MembershipFactory(
        person=PersonFactory(name_ar="لحسن زلمط", name_fr="Lahcen Zalmat", aliases="لحسن زلماط")
    )
    for url, parameter in NAME_SEARCHES:
        separator = "&" if "?" in url else "?"
        response = admin_client.get(f"{url}{separator}{parameter}={quote(query)}")
        assert response.status_code == 200, (url, query[:40])
        if "autocomplete" in url:
            assert "results" in response.json()
        elif "/admin/" not in url:  # the public pages show the query without bidi controls
            html = response.content.decode()
            assert "\u202e" not in html and "\u2067" not in html


@pytest.mark.django_db
def test_bidi_marks_and_mixed_scripts_still_find_the_person(client):
    MembershipFactory(
        person=PersonFactory(name_ar="لحسن زلمط", name_fr="Lahcen Zalmat", aliases="لحسن زلماط")
    )
    for query in ("\u200fزلمط\u200e", "\u2067زلمط\u2069", "لحسن\u200bزلماط", "Lahcen\u200e زلماط"):
        html = client.get(f"/ar/search/?q={quote(query)}").content.decode()
        assert "لحسن زلمط" in html.replace("<mark>", "").replace("</mark>", ""), query
        assert "لحسن زلمط" in client.get(f"/ar/members/?q={quote(query)}").content.decode(), query


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("ar", "الكلمات الشائعة جدًا"),
        ("fr", "Les mots très courants"),
    ],
)
def test_function_words_alone_say_so(client, language, message):
    for query in ("في من على", "le de la", "ما هو"):
        html = client.get(f"/{language}/search/?q={quote(query)}").content.decode()
        assert message in html, query
        assert f'value="{query}"' in html  # kept in the box


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("ar", "لم يُبحث إلا في أول 200 حرف مما كتبت."),
        ("fr", "Seuls les 200 premiers caractères de votre recherche ont été pris en compte."),
    ],
)
def test_a_long_query_is_cut_and_says_so(client, language, message):
    html = client.get(f"/{language}/search/?q={quote('تطوان ' * 300)}").content.decode()
    assert message in html
    short = client.get(f"/{language}/search/?q={quote('تطوان')}").content.decode()
    assert message not in short


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "message"),
    [("ar", "تعذر فهم العنوان أو المعطيات المرسلة."), ("fr", "ont pas pu être comprises.")],
)
def test_a_nul_byte_gets_the_translated_bad_request_page(admin_client, language, message):
    """PostgreSQL refuses NUL in text: every search answers the translated 400 page, never a 500."""
    for url, parameter in NAME_SEARCHES:
        url = f"/{language}/{url[4:]}"  # every place, in the language of the test
        separator = "&" if "?" in url else "?"
        response = admin_client.get(f"{url}{separator}{parameter}=%D8%B2%00%D9%84")
        assert response.status_code == 400, url
        assert message in response.content.decode(), url
