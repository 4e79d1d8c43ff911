import pytest

from portal.text import normalize, search_key, search_terms


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("الاقاليم", "والأقاليم"),
        ("الجهه", "بالجهة"),
        ("اسية", "آسية"),
        ("مصطفى", "مصطفي"),
        ("الزهيدي", "الزُّهَيْدِي"),
        ("تطوان", "تطـــوان"),
        ("الانتقال", "للانتقال"),
        ("امينه", "أمينة"),
        ("tetouan", "Tétouan"),
        ("ELUS", "élus"),
    ],
)
def test_variants_meet_on_the_same_terms(typed, written):
    assert set(search_terms(typed)) <= set(search_terms(written)), (
        search_terms(typed),
        search_terms(written),
    )


def test_normalize_folds_letters_and_marks():
    # Every hamza seat is folded (issue 21): أ إ آ to ا, ؤ to و, ئ to ي; so "موسسة" finds "مؤسسة".
    assert normalize("إِدارة الـمـؤسسة") == "اداره الموسسه"
    assert normalize("رئيس") == normalize("رييس") == "رييس"
    assert normalize("Présidente") == "presidente"


def test_search_key_keeps_word_order():
    assert search_key("رئيس المجلس الإقليمي لخريبكة") == "رييس مجلس اقليمي خريبكه"


def test_short_words_keep_their_letters():
    assert search_terms("و في بل") == ["و", "في", "بل"]
