"""The association's identity as images: the favicon and the social-network card (og:image),
and what every PDF document shows of it (:func:`document_context`).

Both come from the profile: the logo when there is one, otherwise the name set in type (no
invented emblem). Social networks do not show SVG, so the card is a PNG drawn with Pillow,
whose Raqm layout shapes Arabic; the fonts are the portal's own (static/fonts).
"""

import hashlib
import io

from django.contrib.staticfiles import finders
from django.core.cache import cache
from PIL import Image, ImageDraw, ImageFont

from association.models import AssociationProfile
from portal.pdf import stored_file_url

CARD_SIZE = (1200, 630)
FONTS = {
    "ar": "fonts/noto-naskh-arabic-arabic-700-normal.woff2",
    "latin": "fonts/noto-sans-latin-700-normal.woff2",
    "latin_regular": "fonts/noto-sans-latin-400-normal.woff2",
}


def _font(key, size):
    return ImageFont.truetype(finders.find(FONTS[key]), size, layout_engine=ImageFont.Layout.RAQM)


def _fit(draw, text, key, size, max_width, direction):
    """The largest font (down to half ``size``) that sets ``text`` within ``max_width``."""
    for step in range(size, size // 2, -2):
        font = _font(key, step)
        if draw.textlength(text, font=font, direction=direction) <= max_width:
            return font
    return _font(key, size // 2)


def _wrap(draw, text, font, max_width, direction):
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and draw.textlength(candidate, font=font, direction=direction) > max_width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line] if line else lines


def _raster_logo(profile):
    if not profile.logo or profile.logo_is_svg:
        return None
    try:
        with profile.logo.open("rb") as handle:
            image = Image.open(io.BytesIO(handle.read()))
            image.load()
    except (OSError, ValueError):
        return None
    image.thumbnail((220, 220))
    return image.convert("RGBA")


def card_cache_key(profile):
    parts = [
        profile.name_ar or "", profile.name_fr or "", profile.acronym or "", profile.primary_colour,
        profile.accent_colour, profile.logo.name if profile.logo else "",
    ]  # fmt: skip
    return "association:social-card:" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:24]


def social_card_png(profile):
    """The 1200×630 card: the names in Arabic and French on the main colour, with the raster
    logo or the acronym. Kept in the cache under a key made of what it shows."""
    key = card_cache_key(profile)
    cached = cache.get(key)
    if cached:
        return cached
    width, height = CARD_SIZE
    image = Image.new("RGB", CARD_SIZE, profile.primary_colour)
    draw = ImageDraw.Draw(image)
    margin = 80
    draw.rectangle([0, height - 18, width, height], fill=profile.accent_colour)
    draw.rectangle([0, 0, width, 6], fill="#ffffff")
    logo = _raster_logo(profile)
    if logo:
        plate = Image.new("RGBA", (260, 260), "#ffffff")
        plate.alpha_composite(logo, ((260 - logo.width) // 2, (260 - logo.height) // 2))
        image.paste(plate, (margin, (height - 260) // 2), plate)
    elif profile.initials:
        mark = profile.acronym_fr or profile.initials
        font = _fit(draw, mark, "latin" if mark.isascii() else "ar", 96, 300, None)
        draw.rectangle(
            [margin, height // 2 - 110, margin + 300, height // 2 + 110], outline="#ffffff", width=4
        )
        draw.text((margin + 150, height // 2), mark, font=font, fill="#ffffff", anchor="mm")
    text_start = margin + 340
    text_width = width - text_start - margin
    y = 150
    name_ar = profile.name_ar or profile.name or ""
    if name_ar:
        font = _font("ar", 50)
        for line in _wrap(draw, name_ar, font, text_width, "rtl")[:3]:
            draw.text((width - margin, y), line, font=font, fill="#ffffff", anchor="ra", direction="rtl")
            y += 78
    name_fr = profile.name_fr or ""
    if name_fr and name_fr != name_ar:
        y += 20
        draw.line([(text_start, y), (width - margin, y)], fill="#ffffff", width=2)
        y += 30
        font = _font("latin_regular", 32)
        for line in _wrap(draw, name_fr, font, text_width, "ltr")[:3]:
            draw.text((text_start, y), line, font=font, fill="#ffffff")
            y += 46
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    data = buffer.getvalue()
    cache.set(key, data, 60 * 60 * 24)
    return data


def document_context():
    """What every PDF shows of the association (``portal.pdf``): its profile (name) and its logo
    as WeasyPrint fetches it ("" without one)."""
    profile = AssociationProfile.get_solo()
    return {"association": profile, "logo_url": stored_file_url(profile.logo)}
