"""Gendered titles of bureau offices, in Arabic and French, generated from office, rank and gender.

Arabic ordinals agree with the holder's gender (النائب الثاني عشر للرئيس / النائبة الحادية عشرة
للرئيس); French ones take 1er/1re then 2e, 3e … Associations word their titles differently
(the AMPCP writes "كاتب عام الجمعية", the Tangier-Tetouan statutes "النائب الأول" without
"للرئيس"), so every title comes from a wording template that the secretariat can change in
the admin; ``DEFAULT_WORDING`` holds the usual forms (shared/docs/DOMAIN.md).
"""

from dataclasses import dataclass

MALE = "male"
FEMALE = "female"

_UNITS_M = ["", "الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"]
_UNITS_F = [
    "",
    "الأولى",
    "الثانية",
    "الثالثة",
    "الرابعة",
    "الخامسة",
    "السادسة",
    "السابعة",
    "الثامنة",
    "التاسعة",
]
# In compounds (11, 21, 31 …) "first" is الحادي / الحادية.
_COMPOUND_ONE = {MALE: "الحادي", FEMALE: "الحادية"}
_TENS = ["", "", "العشرون", "الثلاثون", "الأربعون", "الخمسون", "الستون", "السبعون", "الثمانون", "التسعون"]


def arabic_ordinal(n, gender=MALE):
    """The Arabic ordinal adjective (with the article) for 1 to 99, agreeing with ``gender``."""
    if not 1 <= n <= 99:
        raise ValueError(f"ordinal out of range: {n}")
    feminine = gender == FEMALE
    units = _UNITS_F if feminine else _UNITS_M
    tens, unit = divmod(n, 10)
    if n < 10:
        return units[n]
    if n == 10:
        return "العاشرة" if feminine else "العاشر"
    if tens == 1:
        first = _COMPOUND_ONE[gender] if unit == 1 else units[unit]
        return f"{first} {'عشرة' if feminine else 'عشر'}"
    if unit == 0:
        return _TENS[tens]
    first = _COMPOUND_ONE[gender] if unit == 1 else units[unit]
    return f"{first} و{_TENS[tens]}"


def french_ordinal(n, gender=MALE):
    """1er / 1re, then 2e, 3e … (Imprimerie nationale style, without superscript)."""
    if n < 1:
        raise ValueError(f"ordinal out of range: {n}")
    if n == 1:
        return "1re" if gender == FEMALE else "1er"
    return f"{n}e"


@dataclass(frozen=True)
class Wording:
    """Title templates of one office: ``{ordinal}`` and ``{committee}`` are filled in."""

    ar_male: str
    ar_female: str
    fr_male: str
    fr_female: str

    def template(self, language, gender):
        feminine = gender == FEMALE
        if language == "ar":
            return self.ar_female if feminine else self.ar_male
        return self.fr_female if feminine else self.fr_male


class Office:
    """The kinds of office, in protocol order."""

    PRESIDENT = "president"
    VICE_PRESIDENT = "vice_president"
    SECRETARY_GENERAL = "secretary_general"
    DEPUTY_SECRETARY_GENERAL = "deputy_secretary_general"
    TREASURER = "treasurer"
    DEPUTY_TREASURER = "deputy_treasurer"
    COUNCILLOR = "councillor"
    MEMBER = "member"
    COMMITTEE_CHAIR = "committee_chair"
    COMMITTEE_RAPPORTEUR = "committee_rapporteur"
    COMMITTEE_MEMBER = "committee_member"

    PROTOCOL_ORDER = [
        PRESIDENT,
        VICE_PRESIDENT,
        SECRETARY_GENERAL,
        DEPUTY_SECRETARY_GENERAL,
        TREASURER,
        DEPUTY_TREASURER,
        COUNCILLOR,
        MEMBER,
        COMMITTEE_CHAIR,
        COMMITTEE_RAPPORTEUR,
        COMMITTEE_MEMBER,
    ]
    RANKED = {VICE_PRESIDENT}
    # Offices one person holds at a time (the database refuses a second current holder).
    SINGLE_HOLDER = [
        PRESIDENT,
        SECRETARY_GENERAL,
        DEPUTY_SECRETARY_GENERAL,
        TREASURER,
        DEPUTY_TREASURER,
        COMMITTEE_CHAIR,
        COMMITTEE_RAPPORTEUR,
    ]
    # Offices a bureau is expected to fill: an empty one is warned about before saving.
    EXPECTED = [PRESIDENT, SECRETARY_GENERAL, TREASURER]


DEFAULT_WORDING = {
    Office.PRESIDENT: Wording("الرئيس", "الرئيسة", "Président", "Présidente"),
    Office.VICE_PRESIDENT: Wording(
        "النائب {ordinal} للرئيس",
        "النائبة {ordinal} للرئيس",
        "{ordinal} vice-président",
        "{ordinal} vice-présidente",
    ),
    Office.SECRETARY_GENERAL: Wording(
        "الكاتب العام", "الكاتبة العامة", "Secrétaire général", "Secrétaire générale"
    ),
    Office.DEPUTY_SECRETARY_GENERAL: Wording(
        "نائب الكاتب العام",
        "نائبة الكاتب العام",
        "Secrétaire général adjoint",
        "Secrétaire générale adjointe",
    ),
    Office.TREASURER: Wording("أمين المال", "أمينة المال", "Trésorier", "Trésorière"),
    Office.DEPUTY_TREASURER: Wording(
        "نائب أمين المال", "نائبة أمين المال", "Trésorier adjoint", "Trésorière adjointe"
    ),
    Office.COUNCILLOR: Wording("مستشار", "مستشارة", "Conseiller", "Conseillère"),
    Office.MEMBER: Wording("عضو", "عضوة", "Membre", "Membre"),
    Office.COMMITTEE_CHAIR: Wording(
        "رئيس {committee}", "رئيسة {committee}", "Président de la {committee}", "Présidente de la {committee}"
    ),
    Office.COMMITTEE_RAPPORTEUR: Wording(
        "مقرر {committee}",
        "مقررة {committee}",
        "Rapporteur de la {committee}",
        "Rapporteuse de la {committee}",
    ),
    Office.COMMITTEE_MEMBER: Wording(
        "عضو {committee}", "عضوة {committee}", "Membre de la {committee}", "Membre de la {committee}"
    ),
}


def office_title(office, *, gender, language, rank=None, committee="", wording=None):
    """The title of the holder of ``office`` in ``language`` ("ar" or "fr").

    ``rank`` numbers ranked offices (vice-presidents); ``committee`` is the committee's name in
    that language (e.g. "لجنة التكوين المستمر", "commission de la formation continue");
    ``wording`` overrides the default templates for this office.
    """
    wording = wording or DEFAULT_WORDING[office]
    template = wording.template("ar" if language == "ar" else "fr", gender)
    ordinal = ""
    if "{ordinal}" in template:
        if not rank:
            raise ValueError(f"{office} needs a rank")
        ordinal = arabic_ordinal(rank, gender) if language == "ar" else french_ordinal(rank, gender)
    title = template.format(ordinal=ordinal, committee=committee).strip()
    return title[:1].upper() + title[1:] if language != "ar" else title
