"""Arabic and French text normalisation for search.

People type Arabic without hamza seats, with ه for ة, ي for ى, with or without diacritics and
tatweel, and glue particles to words (والأقاليم، بالجهة). Both the indexed text and the query go
through the same functions, so "الاقاليم" finds "والأقاليم" and "الجهه" finds "بالجهة". French
is folded to lower case without accents ("Tétouan" = "tetouan").
"""

import re
import unicodedata

from django.conf import settings

from portal.roles import PORTAL_APPS

# Harakat, tanwin, shadda, sukun, superscript alef, Quranic marks; and the tatweel.
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي"})
_TOKEN = re.compile(r"\w+", re.UNICODE)
_ARABIC = re.compile("[\u0600-\u06ff]")

# Attached particles, longest first. Only stripped when a word of at least two letters remains.
_PREFIXES = ("وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ك", "ل")
# After removing a one-letter particle, a word that then starts with ال loses it too.
_MIN_STEM = 2


def normalize(text):
    """Fold spelling variants: Arabic letters and marks, Latin case and accents."""
    if not text:
        return ""
    text = _DIACRITICS.sub("", text).translate(_LETTERS)
    decomposed = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in decomposed if not (unicodedata.combining(ch) and ord(ch) < 0x0600))
    return unicodedata.normalize("NFC", text).casefold()


def stem(token):
    """Strip the attached particles and article of a normalised Arabic word.

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
    """The normalised, stemmed words of ``text``, in order, for indexing or querying."""
    return [stem(token) for token in _TOKEN.findall(normalize(text))]


def search_key(text):
    """One string of search terms separated by spaces, to store beside the original text."""
    return " ".join(search_terms(text))


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
