"""Every rank and gender, in both languages, as the sources and DOMAIN.md write them."""

import pytest

from bureau.titles import (
    DEFAULT_WORDING,
    FEMALE,
    MALE,
    Office,
    Wording,
    arabic_ordinal,
    french_ordinal,
    office_title,
)

ORDINALS = {
    1: ("الأول", "الأولى"),
    2: ("الثاني", "الثانية"),
    3: ("الثالث", "الثالثة"),
    4: ("الرابع", "الرابعة"),
    5: ("الخامس", "الخامسة"),
    6: ("السادس", "السادسة"),
    7: ("السابع", "السابعة"),
    8: ("الثامن", "الثامنة"),
    9: ("التاسع", "التاسعة"),
    10: ("العاشر", "العاشرة"),
    11: ("الحادي عشر", "الحادية عشرة"),
    12: ("الثاني عشر", "الثانية عشرة"),
    13: ("الثالث عشر", "الثالثة عشرة"),
    14: ("الرابع عشر", "الرابعة عشرة"),
    15: ("الخامس عشر", "الخامسة عشرة"),
    16: ("السادس عشر", "السادسة عشرة"),
    17: ("السابع عشر", "السابعة عشرة"),
    18: ("الثامن عشر", "الثامنة عشرة"),
    19: ("التاسع عشر", "التاسعة عشرة"),
    20: ("العشرون", "العشرون"),
}


@pytest.mark.parametrize("rank", range(1, 21))
def test_vice_president_titles_for_every_rank_and_gender(rank):
    male, female = ORDINALS[rank]
    vp = Office.VICE_PRESIDENT
    assert office_title(vp, rank=rank, gender=MALE, language="ar") == f"النائب {male} للرئيس"
    assert office_title(vp, rank=rank, gender=FEMALE, language="ar") == f"النائبة {female} للرئيس"
    expected_m = "1er vice-président" if rank == 1 else f"{rank}e vice-président"
    expected_f = "1re vice-présidente" if rank == 1 else f"{rank}e vice-présidente"
    assert office_title(vp, rank=rank, gender=MALE, language="fr") == expected_m
    assert office_title(vp, rank=rank, gender=FEMALE, language="fr") == expected_f


def test_titles_of_the_ampcp_source():
    assert (
        office_title(Office.VICE_PRESIDENT, rank=11, gender=FEMALE, language="ar")
        == "النائبة الحادية عشرة للرئيس"
    )
    assert (
        office_title(Office.VICE_PRESIDENT, rank=12, gender=MALE, language="ar") == "النائب الثاني عشر للرئيس"
    )
    assert office_title(Office.DEPUTY_TREASURER, gender=FEMALE, language="ar") == "نائبة أمين المال"
    assert office_title(Office.VICE_PRESIDENT, rank=11, gender=FEMALE, language="fr") == "11e vice-présidente"


@pytest.mark.parametrize(
    ("office", "ar_m", "ar_f", "fr_m", "fr_f"),
    [
        (Office.PRESIDENT, "الرئيس", "الرئيسة", "Président", "Présidente"),
        (
            Office.SECRETARY_GENERAL,
            "الكاتب العام",
            "الكاتبة العامة",
            "Secrétaire général",
            "Secrétaire générale",
        ),
        (
            Office.DEPUTY_SECRETARY_GENERAL,
            "نائب الكاتب العام",
            "نائبة الكاتب العام",
            "Secrétaire général adjoint",
            "Secrétaire générale adjointe",
        ),
        (Office.TREASURER, "أمين المال", "أمينة المال", "Trésorier", "Trésorière"),
        (
            Office.DEPUTY_TREASURER,
            "نائب أمين المال",
            "نائبة أمين المال",
            "Trésorier adjoint",
            "Trésorière adjointe",
        ),
        (Office.COUNCILLOR, "مستشار", "مستشارة", "Conseiller", "Conseillère"),
        (Office.MEMBER, "عضو", "عضوة", "Membre", "Membre"),
    ],
)
def test_unranked_offices_in_both_genders_and_languages(office, ar_m, ar_f, fr_m, fr_f):
    assert office_title(office, gender=MALE, language="ar") == ar_m
    assert office_title(office, gender=FEMALE, language="ar") == ar_f
    assert office_title(office, gender=MALE, language="fr") == fr_m
    assert office_title(office, gender=FEMALE, language="fr") == fr_f


def test_committee_chair_names_the_committee():
    chair = Office.COMMITTEE_CHAIR
    assert (
        office_title(chair, gender=MALE, language="ar", committee="لجنة التكوين المستمر")
        == "رئيس لجنة التكوين المستمر"
    )
    assert office_title(chair, gender=FEMALE, language="ar", committee="لجنة الصحة") == "رئيسة لجنة الصحة"
    assert (
        office_title(chair, gender=FEMALE, language="fr", committee="commission de la santé")
        == "Présidente de la commission de la santé"
    )


def test_an_association_words_its_titles_its_own_way():
    """Source 000_ writes "النائب الأول" and "النائبة الثانية", without "للرئيس"."""
    tangier = Wording(
        "النائب {ordinal}", "النائبة {ordinal}", "{ordinal} vice-président", "{ordinal} vice-présidente"
    )
    assert (
        office_title(Office.VICE_PRESIDENT, rank=1, gender=MALE, language="ar", wording=tangier)
        == "النائب الأول"
    )
    assert (
        office_title(Office.VICE_PRESIDENT, rank=2, gender=FEMALE, language="ar", wording=tangier)
        == "النائبة الثانية"
    )
    ampcp_sg = Wording("كاتب عام الجمعية", "كاتبة عامة للجمعية", "Secrétaire général", "Secrétaire générale")
    assert (
        office_title(Office.SECRETARY_GENERAL, gender=MALE, language="ar", wording=ampcp_sg)
        == "كاتب عام الجمعية"
    )


def test_ordinals_beyond_twenty():
    assert arabic_ordinal(21) == "الحادي والعشرون"
    assert arabic_ordinal(21, FEMALE) == "الحادية والعشرون"
    assert arabic_ordinal(32, FEMALE) == "الثانية والثلاثون"
    assert arabic_ordinal(40) == "الأربعون"
    assert french_ordinal(21, FEMALE) == "21e"


def test_ranked_office_without_rank_is_an_error():
    with pytest.raises(ValueError):
        office_title(Office.VICE_PRESIDENT, gender=MALE, language="ar")
    with pytest.raises(ValueError):
        arabic_ordinal(0)


def test_every_office_has_default_wording():
    assert set(DEFAULT_WORDING) == set(Office.PROTOCOL_ORDER)
