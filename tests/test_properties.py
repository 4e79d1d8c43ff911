"""Property tests (Hypothesis): the Arabic normaliser and the generated titles hold for any input."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bureau.titles import FEMALE, MALE, Office, arabic_ordinal, french_ordinal, office_title
from portal.text import normalize, search_key, search_terms

# Arabic block letters and marks, Latin with accents, digits, spaces and punctuation.
arabic_text = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.sampled_from("abcdeéèàçôTÉ -،.0123456789"),
    ),
    max_size=60,
)
any_text = st.text(max_size=60)
DIACRITICS_AND_TATWEEL = re.compile("[\u064b-\u065f\u0670\u0640]")
genders = st.sampled_from([MALE, FEMALE])


@given(any_text)
def test_normalising_twice_changes_nothing(text):
    assert normalize(normalize(text)) == normalize(text)


@given(arabic_text)
def test_normalised_text_has_no_diacritics_tatweel_or_hamza_seats(text):
    folded = normalize(text)
    assert not DIACRITICS_AND_TATWEEL.search(folded)
    assert not set("أإآٱةى") & set(folded)


@given(arabic_text)
def test_a_spelling_variant_has_the_same_key(text):
    """Writing hamza seats, ta marbuta or diacritics differently never changes what is found."""
    variant = text.replace("أ", "ا").replace("إ", "ا").replace("ة", "ه").replace("ى", "ي")
    assert search_key(variant) == search_key(text)
    with_marks = "".join(ch + "\u064e" if "\u0621" <= ch <= "\u064a" else ch for ch in text)
    assert search_key(with_marks) == search_key(text)


@given(arabic_text)
def test_every_query_term_of_a_text_is_in_its_key(text):
    key = search_key(text)
    for term in search_terms(text):
        assert term in key


@given(any_text)
def test_normalise_never_fails(text):
    assert isinstance(normalize(text), str)
    assert isinstance(search_key(text), str)


@settings(max_examples=200)
@given(st.integers(min_value=1, max_value=99), genders)
def test_every_rank_has_a_distinct_arabic_and_french_ordinal(rank, gender):
    arabic = arabic_ordinal(rank, gender)
    french = french_ordinal(rank, gender)
    assert arabic and french
    assert arabic.startswith("ال") and not re.search(r"\d", arabic)  # words, never digits
    assert french.startswith(str(rank))
    if rank > 1:
        assert arabic_ordinal(rank - 1, gender) != arabic


@given(st.integers(min_value=1, max_value=99))
def test_vice_president_titles_agree_with_the_holders_gender(rank):
    male = office_title(Office.VICE_PRESIDENT, gender=MALE, language="ar", rank=rank)
    female = office_title(Office.VICE_PRESIDENT, gender=FEMALE, language="ar", rank=rank)
    assert male.startswith("النائب ") and female.startswith("النائبة ")
    assert male.endswith("للرئيس") and female.endswith("للرئيس")
    assert office_title(Office.VICE_PRESIDENT, gender=FEMALE, language="fr", rank=rank).endswith(
        "vice-présidente"
    )
    assert office_title(Office.VICE_PRESIDENT, gender=MALE, language="fr", rank=rank).endswith(
        "vice-président"
    )
