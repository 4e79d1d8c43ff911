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
    assert normalize("إِدارة الـمـؤسسة") == "اداره المؤسسه"
    assert normalize("Présidente") == "presidente"


def test_search_key_keeps_word_order():
    assert search_key("رئيس المجلس الإقليمي لخريبكة") == "رئيس مجلس اقليمي خريبكه"


def test_short_words_keep_their_letters():
    assert search_terms("و في بل") == ["و", "في", "بل"]
