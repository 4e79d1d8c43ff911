"""The visual identity's rules: monogram initials of a name, and colour contrast (WCAG 2.2).

Initials stand in for a missing photo (a person) or logo (the association): the first letter of
the first and of the last word, skipping the article that starts Arabic and French family names
(العلمي → ع, El Alami → A). Arabic letters are kept apart by a zero-width non-joiner, so that
they show in their isolated forms (م‌ع), as monograms are written, not joined into a word.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)
_ARABIC = re.compile("[\u0600-\u06ff]")
_ARABIC_ARTICLE = ("ال",)
_LATIN_ARTICLES = ("al-", "el-", "al ", "el ")
_LATIN_PARTICLES = {"el", "al", "de", "du", "des", "la", "le", "ben", "ibn", "ould", "ait", "aït", "bel"}
ZWNJ = "\u200c"


def _initial(word):
    if _ARABIC.match(word):
        for article in _ARABIC_ARTICLE:
            if word.startswith(article) and len(word) > len(article) + 1:
                word = word[len(article) :]
        return word[0]
    lowered = word.lower()
    for article in _LATIN_ARTICLES:
        if lowered.startswith(article) and len(word) > len(article):
            word = word[len(article) :]
    return word[0].upper()


def initials(name, letters=2):
    """Up to two initials of ``name`` (first and last word), "" when it has no letters."""
    words = _WORD.findall(name or "")
    if not words:
        return ""
    kept = [words[0]]
    rest = [w for w in words[1:] if w.lower() not in _LATIN_PARTICLES]
    if rest and letters > 1:
        kept.append(rest[-1])
    marks = [_initial(word) for word in kept]
    joiner = ZWNJ if all(_ARABIC.match(mark) for mark in marks) else ""
    return joiner.join(marks)


# --- Colours ----------------------------------------------------------------------------------

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
WHITE = "#ffffff"
# WCAG 2.2 AA: 4.5:1 for text; 3:1 for focus indicators and other non-text contrast.
TEXT_CONTRAST = 4.5
NON_TEXT_CONTRAST = 3.0


def _rgb(colour):
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def _hex(rgb):
    return "#" + "".join(f"{round(max(0, min(255, c))):02x}" for c in rgb)


def relative_luminance(colour):
    """WCAG's relative luminance of an ``#rrggbb`` colour (0 black to 1 white)."""

    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first, second):
    """WCAG's contrast ratio of two colours, from 1 (same) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def mix(colour, other, amount):
    """``colour`` moved ``amount`` (0–1) of the way towards ``other``."""
    a, b = _rgb(colour), _rgb(other)
    return _hex(tuple(x + (y - x) * amount for x, y in zip(a, b, strict=True)))


def darkest_passing(colour, against=WHITE, ratio=TEXT_CONTRAST):
    """The lightest shade of ``colour`` (mixed with black) that reaches ``ratio`` against ``against``."""
    for step in range(0, 101):
        shade = mix(colour, "#000000", step / 100)
        if contrast_ratio(shade, against) >= ratio:
            return shade
    return "#000000"


def validate_hex_colour(value):
    if not HEX_COLOUR.match(value or ""):
        raise ValidationError(
            _("Enter a colour as # followed by six hexadecimal digits, for example #0b5d3b."),
            code="invalid_colour",
        )


def validate_text_contrast(value):
    """The colour carries white text (header, buttons) and is the links' colour on white: both
    need WCAG AA's 4.5:1. A colour that fails is refused with the nearest shade that passes."""
    validate_hex_colour(value)
    ratio = contrast_ratio(value, WHITE)
    if ratio < TEXT_CONTRAST:
        raise ValidationError(
            _(
                "White text on %(colour)s has a contrast of %(ratio)s:1; at least 4.5:1 is needed"
                " (WCAG AA). A darker shade that passes: %(suggestion)s."
            ),
            code="low_contrast",
            params={"colour": value, "ratio": f"{ratio:.1f}", "suggestion": darkest_passing(value)},
        )
