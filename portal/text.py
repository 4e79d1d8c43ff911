"""Arabic and French text normalisation for search.

People type Arabic without hamza seats (ا for أ إ آ, و for ؤ, ي for ئ), with ه for ة, ي for ى, with or without diacritics and
tatweel, and glue particles to words (والأقاليم، بالجهة). Both the indexed text and the query go
through the same functions, so "الاقاليم" finds "والأقاليم" and "الجهه" finds "بالجهة". French
is folded to lower case without accents ("Tétouan" = "tetouan").
"""

import functools
import re
import unicodedata

import snowballstemmer
from django.conf import settings

from portal.roles import PORTAL_APPS

# Harakat, tanwin, shadda, sukun, superscript alef, Quranic marks; and the tatweel.
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# Hamza seats, taa marbuta, alef maqsura, and the Persian/Urdu/Kurdish forms some keyboards type
# (ک ی ە ۀ ھ ې): one letter each.
_LETTERS = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "و", "ئ": "ي", "ة": "ه", "ى": "ي",
        "ک": "ك", "ڪ": "ك", "ی": "ي", "ې": "ي", "ێ": "ي", "ە": "ه", "ۀ": "ه", "ھ": "ه", "ہ": "ه",
    }
)  # fmt: skip
# Every decimal digit (Arabic-Indic ٠-٩, Persian ۰-۹, full-width…) to 0-9.
_DIGITS = re.compile(r"\d")
# Format and control characters (bidi marks and isolates, zero-width joiners, C0/C1): never text.
_INVISIBLE = re.compile("[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]")
_TOKEN = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
_ARABIC = re.compile("[\u0600-\u06ff]")

# Attached particles, longest first. Only stripped when a word of at least two letters remains.
_PREFIXES = ("وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ك", "ل")
# After removing a one-letter particle, a word that then starts with ال loses it too.
_MIN_STEM = 2


def normalize(text):
    """Fold spelling variants: Unicode forms, Arabic letters and marks, digits, Latin case and accents.

    Every hamza seat goes (أ إ آ ٱ → ا, ؤ → و, ئ → ي), as do taa marbuta (ة → ه) and alef maqsura
    (ى → ي): "رئيس المؤسسة" and "رييس الموسسه" are one text. Stored keys made before this folding
    need ``manage.py rebuild_search_index``.
    """
    if not text:
        return ""
    text = _INVISIBLE.sub(" ", unicodedata.normalize("NFKC", text))
    text = _DIACRITICS.sub("", text).translate(_LETTERS)
    text = _DIGITS.sub(lambda m: str(unicodedata.digit(m.group(), 0)), text)
    decomposed = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in decomposed if not (unicodedata.combining(ch) and ord(ch) < 0x0600))
    return unicodedata.normalize("NFC", text).casefold()


def strip_invisible(text):
    """``text`` without control and format characters (bidi controls, zero-width, C0/C1)."""
    return _INVISIBLE.sub(" ", text) if text else ""


def _join_compounds(tokens):
    """عبد + name is one name, written joined or split: "عبد الله" and "عبدالله" are both "عبدالله"."""
    joined = []
    for token in tokens:
        if joined and joined[-1] == "عبد" and _ARABIC.match(token):
            joined[-1] += token
        else:
            joined.append(token)
    return joined


def tokens(text):
    """The normalised words of ``text``, numbers apart ("ابريل2022" is two words), compounds joined."""
    return _join_compounds(_TOKEN.findall(normalize(text)))


def stem(token):
    """Strip the attached particles and article of a normalised Arabic word (names' keys).

    Deliberately light (no root extraction): a word whose first letters only look like a
    particle (ولاية، بلاغ) may lose them, but the query loses them the same way, so they match.
    """
    if not _ARABIC.match(token):
        return token
    for prefix in _PREFIXES:
        if token.startswith(prefix) and len(token) - len(prefix) >= _MIN_STEM:
            rest = token[len(prefix) :]
            if rest.startswith("ال") and len(rest) - 2 >= _MIN_STEM:
                rest = rest[2:]
            return rest
    return token


def search_terms(text):
    """The normalised words of a name, particles stripped, for the directory's keys and lookups."""
    return [stem(token) for token in tokens(text)]


def search_key(text):
    """One string of name terms separated by spaces, to store beside the original name."""
    return " ".join(search_terms(text))


# --- The content analyser ----------------------------------------------------------------------
#
# Chosen after running the candidates on the demo content's words (المنتخبين/المنتخبات/منتخبة,
# الجماعات/جماعتين, الجهة/الجهات/بالجهة, والمستشارات, اتفاقيات, المحلية/المحليين):
# - NLTK's ISRI extracts roots: منتخب and انتخاب both become نخب, مستشار becomes شار, محلية حلة; a
#   search for the elected finds every election. Too coarse for a news portal, and NLTK is large.
# - Tashaphyne's light stems were good, but it has had no release since 2022 and pulls pyarabic.
# - snowballstemmer's Arabic (well kept, pure Python) leaves plurals half-stripped (جهات → جها,
#   مستشارات → مستشارا, اتفاقيات → اتفاقيا) and keeps glued particles (والمستشارات, بالجه).
# So Arabic uses the light stemmer the reference analyser uses (Lucene's ArabicStemmer, Larkey's
# "light10"): the particles above, then the suffixes below, nothing else; and French uses
# snowballstemmer's French stemmer on accent-folded words, plus the plural s/x it keeps after
# folding ("elus" = "élu" = "élus").

_SUFFIXES = ("تين", "تان", "ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي")
_FRENCH = snowballstemmer.stemmer("french")

# Function words, normalised: a query may hold them when the text does not (and they match
# everything). Arabic prepositions, pronouns, demonstratives and particles; French articles and
# prepositions.
STOP_WORDS = frozenset(
    normalize(
        "في من على إلى الى عن مع حول ما بين هذا هذه ذلك تلك التي الذي الذين اللذين هو هي هم "
        "أن إن او أو ثم قد لا لم لن كل بعد قبل عند منذ حتى إلى غير لدى خلال ضمن اي أي كان كانت "
        "يوم تم وقد كما عبر نحو لقد هناك هنا فيه فيها به بها له لها "
        "le la les l de des du d un une et ou en au aux a à pour par sur dans avec sans sous "
        "ce cet cette ces qui que quoi son sa ses leur leurs est sont the of and"
    ).split()
)


# Stemming is a pure function of the word, and the words of a portal repeat: indexing an event
# stems its French body word by word through Snowball, a third of a demo load's time before.
@functools.lru_cache(maxsize=65536)
def _stem_arabic(word):
    """Particles, then each suffix of the list at most once, in order (المحليين → محلي → محل)."""
    word = stem(word)
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            word = word[: -len(suffix)]
    return word


@functools.lru_cache(maxsize=65536)
def _stem_latin(word):
    if word.isdigit():
        return word
    word = _FRENCH.stemWord(word)
    if len(word) > 3 and word[-1] in "sx":
        word = word[:-1]
    return word


def analyse(text):
    """The terms of ``text`` for full-text search, the same for indexing and for querying.

    Normalised (``normalize``), split into words and numbers, عبد + name joined, function
    words dropped, then each word stemmed lightly (Arabic particles and suffixes; French
    Snowball). "للمنتخبات" and "المنتخبين" both give "منتخب"; "Régions" and "region" "region".
    """
    terms = []
    for token in tokens(text):
        if token in STOP_WORDS or stem(token) in STOP_WORDS:
            continue
        terms.append(_stem_arabic(token) if _ARABIC.match(token) else _stem_latin(token))
    return terms


def index_key(*texts):
    """The stored form of ``analyse``: terms between spaces, so a term matches as a whole word
    (``' term '``) or a word's start (``' term'``) with a plain ``LIKE``, on any database."""
    terms = analyse(" ".join(t for t in texts if t))
    return f" {' '.join(terms)} " if terms else ""


# Bidirectional embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069). Typed
# into content they reverse what follows ("ملف‮gpj.exe" shows as "ملفexe.jpg"); the templates
# isolate mixed text with <bdi>, so stored text never needs them. The marks U+200E/U+200F stay.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def strip_bidi_controls(text):
    return _BIDI_CONTROLS.sub("", text) if text else text


def strip_bidi_controls_on_save(sender, instance, raw=False, **kwargs):
    """``pre_save`` receiver: no text field of the portal's models keeps a bidi control."""
    if raw or sender._meta.app_label not in PORTAL_APPS:
        return
    for field in sender._meta.concrete_fields:
        if field.get_internal_type() in {"CharField", "TextField"}:
            value = getattr(instance, field.attname)
            if isinstance(value, str) and _BIDI_CONTROLS.search(value):
                setattr(instance, field.attname, strip_bidi_controls(value))


def translated_values(instance, field):
    """The values of a translated field in every content language, in language order."""
    values = []
    for code, _name in settings.LANGUAGES:
        value = getattr(instance, f"{field}_{code}", None)
        if value:
            values.append(value)
    if not values and getattr(instance, field, None):
        values.append(getattr(instance, field))
    return values
