"""Close spellings: pg_trgm's similarity, computed by PostgreSQL there and in Python on SQLite.

Both engines must find the same close spellings: the Python measure is pg_trgm's own (checked
number for number against PostgreSQL when the tests run there), and on PostgreSQL the words come
from the database through pg_trgm (its ``%>`` operator and ``similarity()``).
"""

import itertools
import struct

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from members.search import close_names, council_keys, key_vocabulary, people_keys
from portal.search import SIMILARITY, close_words, make_query, similarity, suggestions, trigrams
from portal.text import search_terms
from tests.members.factories import MembershipFactory, PersonFactory
from tests.press.factories import PressReleaseFactory

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="compares with PostgreSQL's pg_trgm"
)

# The register's names (members/demo/ampcp.yaml), their aliases, and spellings readers type.
NAMES = [
    ("اعتماد الزهيدي", "Itimad Zahidi", "اعتماد الزاهيدي"),
    ("لحسن زلمط", "Lahcen Zalmat", "لحسن زلماط"),
    ("نور الدين الأزرق", "Noureddine Lazrak", "نورالدين الأزرق"),
    ("سعيد الناصري", "Said Naciri", ""),
    ("لحسن بلفقيه", "Lahcen Belfkih", ""),
    ("محمد قاسمي", "Mohamed Kassimi", ""),
]
MISSPELT = [
    "ناصيري",
    "زهدي",
    "زاهدي",
    "زالماط",
    "زلمت",
    "ازرك",
    "نورالدبن",
    "zahedi",
    "lazrek",
    "lahsen",
    "kasimi",
]


def test_trigrams_are_pg_trgms():
    # show_trgm('word') on PostgreSQL: {"  w"," wo","ord","rd ",wor}
    assert trigrams("word") == {"  w", " wo", "wor", "ord", "rd "}
    assert trigrams("a b") == {"  a", " a ", "  b", " b "}
    assert similarity("word", "word") == 1.0 and similarity("word", "") == 0.0
    # Values PostgreSQL 15 gives (real): similarity('ناصيري', 'ناصري'), similarity('abcd', 'bacd').
    assert similarity("ناصيري", "ناصري") == pytest.approx(0.44444445, abs=1e-8)
    assert similarity("abcd", "bacd") == pytest.approx(0.11111111, abs=1e-8)


def test_close_words_best_first_within_the_threshold():
    vocabulary = {"ناصري", "زهيدي", "زاهيدي", "قاسمي", "zahidi", "naciri"}
    assert close_words("ناصيري", vocabulary) == ["ناصري"]
    assert close_words("زاهدي", vocabulary) == ["زاهيدي"]  # 0.44; زهيدي only 0.2
    assert close_words("زهدي", vocabulary) == ["زهيدي"]  # 0.375
    assert close_words("zahedi", vocabulary) == ["zahidi"]
    assert close_words("محمد", vocabulary) == []  # nothing near enough
    assert close_words("نا", vocabulary) == []  # two letters: no guess
    for word in ("زاهدي", "زهدي", "zahedi"):
        for found in close_words(word, vocabulary):
            assert similarity(word, found) >= SIMILARITY


@pytest.fixture
def register(db):
    people = []
    for name_ar, name_fr, aliases in NAMES:
        person = PersonFactory(name_ar=name_ar, name_fr=name_fr, aliases=aliases)
        MembershipFactory(person=person)
        people.append(person)
    return people


@pytest.mark.django_db
def test_close_names_are_the_same_on_every_engine(register):
    """What the database finds is what Python finds over the same words (the SQLite path)."""
    keysets = people_keys()
    vocabulary = key_vocabulary("test:people", keysets)
    assert {"ناصري", "زهيدي", "زاهيدي", "zahidi", "lazrak"} <= vocabulary
    expected = {
        "ناصيري": ["ناصري"],
        "زاهدي": ["زاهيدي"],
        "زالماط": ["زلماط"],
        "زلمت": ["زلمط", "زلماط"],  # 0.43, 0.375
        "نورالدبن": ["نورالدين", "نور"],  # 0.5, and 3/10 exactly: the threshold, kept by both
        "zahedi": ["zahidi"],
        "lazrek": ["lazrak"],
        "lahsen": ["lahcen"],
    }
    for word, words in expected.items():
        assert close_names(word, keysets, "test:people") == words, word
    for word in MISSPELT:
        assert close_names(word, keysets, "test:people") == close_words(word, vocabulary), word


@on_postgresql
@pytest.mark.django_db
def test_postgresql_asks_pg_trgm(register):
    with CaptureQueriesContext(connection) as queries:
        assert close_names("ناصيري", people_keys(), "test:people") == ["ناصري"]
    sql = " ".join(query["sql"] for query in queries.captured_queries)
    assert "%>" in sql and "similarity(" in sql and "pg_trgm.word_similarity_threshold" in sql
    # The councils' keys (and their places) through the same path.
    assert close_names("خريبكا", council_keys(), "test:councils") == close_words(
        "خريبكا", key_vocabulary("test:councils", council_keys())
    )


@on_postgresql
@pytest.mark.django_db
def test_python_similarity_is_pg_trgms_number_for_number(register):
    words = sorted(
        {term for person in register for term in search_terms(person.make_search_key())} | set(MISSPELT)
    )
    pairs = list(itertools.combinations(words, 2))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT a, b, similarity(a, b) FROM unnest(%s::text[], %s::text[]) AS pairs(a, b)",
            [[a for a, _b in pairs], [b for _a, b in pairs]],
        )
        rows = cursor.fetchall()
    assert len(rows) == len(pairs) > 500
    # psycopg2 reads the real's shortest decimal form into a double: back to the real it names.
    as_real = [(a, b, struct.unpack("f", struct.pack("f", value))[0]) for a, b, value in rows]
    different = [(a, b, value, similarity(a, b)) for a, b, value in as_real if value != similarity(a, b)]
    assert not different
    assert sum(value >= SIMILARITY for _a, _b, value in as_real) > 10  # close pairs among them


@pytest.mark.django_db
def test_did_you_mean_shows_words_as_written_and_keeps_the_others(client, register):
    PressReleaseFactory(title_ar="من أجل الدبلوماسية الموازية", title_fr="La coopération décentralisée")
    assert suggestions(make_query("الدبلوماسبة الموازية")) == ["الدبلوماسية الموازية"]
    assert suggestions(make_query("Cooperasion Décentralisée")) == ["coopération Décentralisée"]
    assert suggestions(make_query("الناصيري")) == [
        "الناصري"
    ]  # a name's word, from the database on PostgreSQL
    assert suggestions(make_query("الدبلوماسية")) == []  # nothing to correct
    html = client.get("/ar/search/", {"q": "الدبلوماسبة"}).content.decode()
    assert "الدبلوماسية</bdi></a>" in html
