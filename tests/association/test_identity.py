"""The association's identity: logo uploads (hostile SVGs refused, clean ones rewritten from an
allow-list), colours checked for contrast, monograms of initials, favicon and social card."""

import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from association.models import AssociationProfile
from portal.identity import contrast_ratio, darkest_passing, initials, validate_text_contrast
from portal.svg import sanitise_svg
from portal.validators import validate_logo

SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">{}</svg>'
CLEAN = SVG.format(
    '<defs><linearGradient id="g"><stop offset="0" stop-color="#0b5d3b"/></linearGradient></defs>'
    '<rect width="10" height="10" fill="url(#g)"/><use xlink:href="#g"/>'
    '<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>'
)

HOSTILE = {
    "script": SVG.format("<script>alert(document.cookie)</script>"),
    "script with a namespace prefix": SVG.format(
        '<svg:script xmlns:svg="http://www.w3.org/2000/svg">alert(1)</svg:script>'
    ),
    "onload": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    "onclick on a shape": SVG.format('<rect width="1" height="1" onclick="alert(1)"/>'),
    "external href": SVG.format('<image href="https://evil.example/track.png" width="1" height="1"/>'),
    "external xlink:href": SVG.format('<use xlink:href="https://evil.example/sprite.svg#a"/>'),
    "javascript link": SVG.format('<use xlink:href="javascript:alert(1)"/>'),
    "data: URI with an SVG script": SVG.format(
        '<image href="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIi8+" width="1" height="1"/>'
    ),
    "data: URI with HTML": SVG.format('<use href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"/>'),
    "foreignObject": SVG.format(
        '<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject>'
    ),
    "animation rewriting a link": SVG.format('<set attributeName="href" to="javascript:alert(1)"/>'),
    "external url() in a fill": SVG.format('<rect width="1" height="1" fill="url(https://evil.example/x)"/>'),
    "style importing": SVG.format("<style>@import url(https://evil.example/x.css);</style>"),
    "style fetching in an attribute": SVG.format(
        '<rect width="1" height="1" style="fill: url(\'https://evil.example/x\')"/>'
    ),
    "css escapes": SVG.format("<style>rect { fill: u\\72l(https://evil.example/x) }</style>"),
    "entity expansion (billion laughs)": (
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        '<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>'
    ),
    "external entity": (
        '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>'
    ),
    "not SVG": '<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>',
    "not XML": "<svg onload=alert(1)>",
}


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_svg_is_refused_with_a_clear_error(name):
    upload = SimpleUploadedFile("logo.svg", HOSTILE[name].encode(), content_type="image/svg+xml")
    with pytest.raises(ValidationError) as excinfo:
        validate_logo(upload)
    message = " ".join(excinfo.value.messages)
    assert "SVG" in message, message


def test_a_clean_svg_keeps_its_drawing_and_loses_editor_metadata():
    source = CLEAN.replace(
        'viewBox="0 0 10 10">',
        'viewBox="0 0 10 10" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"'
        ' inkscape:version="1.2"><!-- made by hand --><metadata><rdf:RDF'
        ' xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata>',
    )
    validate_logo(SimpleUploadedFile("logo.svg", source.encode()))
    clean = sanitise_svg(source.encode()).decode()
    assert "inkscape" not in clean and "metadata" not in clean and "made by hand" not in clean
    assert 'fill="url(#g)"' in clean and 'xlink:href="#g"' in clean
    assert 'stop-color="#0b5d3b"' in clean
    assert "data:image/png;base64" in clean


def test_logo_type_and_size_are_checked(settings):
    png = io.BytesIO()
    Image.new("RGB", (120, 60), "green").save(png, "PNG")
    validate_logo(SimpleUploadedFile("logo.png", png.getvalue()))
    for name, content, code in [
        ("logo.gif", b"GIF89a....", "invalid_extension"),
        ("logo.exe", b"MZ\x90\x00", "invalid_extension"),
        ("logo.png", b"MZ\x90\x00 not an image", "invalid_image"),
        ("logo.jpg", png.getvalue(), "mismatched_image"),
    ]:
        with pytest.raises(ValidationError) as excinfo:
            validate_logo(SimpleUploadedFile(name, content))
        assert excinfo.value.code == code, name
    huge = SVG.format("<rect/>" * 200_000).encode()
    assert len(huge) > settings.PORTAL_MAX_LOGO_BYTES
    with pytest.raises(ValidationError) as excinfo:
        validate_logo(SimpleUploadedFile("logo.svg", huge))
    assert excinfo.value.code == "file_too_large"


def _profile_form(admin_client, **changes):
    url = reverse("admin:association_associationprofile_change")
    profile = AssociationProfile.get_solo()
    data = {
        "name_ar": profile.name_ar or "جمعية",
        "name_fr": profile.name_fr or "",
        "primary_colour": profile.primary_colour,
        "accent_colour": profile.accent_colour,
        "social_links-TOTAL_FORMS": 0,
        "social_links-INITIAL_FORMS": 0,
        **changes,
    }
    return admin_client.post(url, data)


@pytest.mark.django_db
def test_admin_stores_the_sanitised_svg_and_refuses_a_hostile_one(admin_client, settings):
    hostile = SimpleUploadedFile("logo.svg", HOSTILE["onload"].encode())
    response = _profile_form(admin_client, logo=hostile)
    assert response.status_code == 200
    assert "معالج أحداث (onload)" in str(response.context["adminform"].form.errors["logo"])  # in Arabic
    assert not AssociationProfile.get_solo().logo

    source = CLEAN.replace("<defs>", "<!-- comment --><defs>")
    response = _profile_form(admin_client, logo=SimpleUploadedFile("logo.svg", source.encode()))
    assert response.status_code == 302, response.context["adminform"].form.errors
    profile = AssociationProfile.get_solo()
    stored = (settings.MEDIA_ROOT / profile.logo.name).read_bytes()
    assert stored == sanitise_svg(source.encode()) and b"comment" not in stored
    page = admin_client.get("/ar/").content.decode()
    assert f'<img class="brand-mark brand-mark--logo" src="/media/{profile.logo.name}"' in page
    assert f'<link rel="icon" href="/media/{profile.logo.name}" type="image/svg+xml">' in page


@pytest.mark.django_db
def test_admin_refuses_a_colour_that_white_text_cannot_be_read_on(admin_client):
    response = _profile_form(admin_client, primary_colour="#7fbf7f")
    assert response.status_code == 200
    errors = str(response.context["adminform"].form.errors["primary_colour"])
    assert "4.5:1" in errors and darkest_passing("#7fbf7f") in errors
    assert AssociationProfile.get_solo().primary_colour == "#0b5d3b"
    response = _profile_form(admin_client, primary_colour="#1d4e89")
    assert response.status_code == 302
    assert 'style="--color-primary: #1d4e89;' in admin_client.get("/fr/").content.decode()


def test_contrast_ratio_follows_wcag():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the AA threshold grey
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#0b5d3b", "#ffffff") > 7
    validate_text_contrast("#767676")
    with pytest.raises(ValidationError):
        validate_text_contrast("#777777")
    with pytest.raises(ValidationError):
        validate_text_contrast("green")
    shade = darkest_passing("#4caf50")
    assert contrast_ratio(shade, "#ffffff") >= 4.5
    assert contrast_ratio(shade, "#ffffff") < 4.8  # the lightest shade that passes, not black


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("عبد العزيز الدرويش", "ع\u200cد"),
        ("محمد العلمي", "م\u200cع"),
        ("نور الدين الأزرق", "ن\u200cأ"),
        ("Abdelaziz Derouiche", "AD"),
        ("Mohamed El Alami", "MA"),
        ("mohamed el-alami", "MA"),
        ("Said", "S"),
        ("Lahcen  Belfkih ", "LB"),
        ("", ""),
        ("123", ""),
    ],
)
def test_monogram_initials_in_arabic_and_latin(name, expected):
    assert initials(name) == expected


@pytest.mark.django_db
def test_without_a_logo_the_name_is_set_in_type_in_the_header_favicon_and_card(client, demo):
    page = client.get("/fr/").content.decode()
    assert '<span class="brand-mark brand-mark--type" aria-hidden="true"><bdi>AMPCP</bdi></span>' in page
    # Both names, each in its language.
    assert "Association marocaine des présidents des conseils préfectoraux et provinciaux" in page
    assert (
        '<span class="brand__other-name" lang="ar" dir="rtl">الجمعية المغربية لرؤساء مجالس العمالات والأقاليم'
        in page
    )
    assert '<meta property="og:image" content="http://testserver/fr/social-card.png">' in page
    favicon = client.get(reverse("association:favicon"))
    assert favicon["Content-Type"] == "image/svg+xml"
    assert ">AMPCP</text>" in favicon.content.decode() and "#0b5d3b" in favicon.content.decode()
    card = client.get(reverse("association:social-card"))
    assert card["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(card.content))
    assert image.size == (1200, 630)
    assert image.getpixel((600, 10)) == (11, 93, 59)  # the main colour


@pytest.mark.django_db
def test_bureau_shows_monograms_not_grey_placeholders(client, demo):
    page = client.get("/ar/bureau/").content.decode()
    monograms = re.findall(
        r'<span class="monogram bureau-card__photo" aria-hidden="true">([^<]*)</span>', page
    )
    assert len(monograms) >= 17
    assert "ع\u200cد" in monograms  # عبد العزيز الدرويش
    assert "--none" not in page
    french = client.get("/fr/bureau/").content.decode()
    assert "AD" in re.findall(
        r'<span class="monogram bureau-card__photo" aria-hidden="true">([^<]*)</span>', french
    )


@pytest.mark.django_db
def test_press_items_without_an_image_get_a_cover_by_category(client, demo):
    page = client.get("/fr/press/").content.decode()
    covers = re.findall(
        r'<div class="press-cover press-cover--(\d)" aria-hidden="true"><span class="press-cover__label">([^<]+)</span>',
        page,
    )
    assert covers
    by_category = {}
    for slot, label in covers:
        by_category.setdefault(label, set()).add(slot)
    assert all(len(slots) == 1 for slots in by_category.values())  # one design per category


@pytest.mark.django_db
def test_legal_page_names_the_publisher_and_law_09_08(client, demo):
    page = client.get("/fr/legal/").content.decode()
    assert "Association marocaine des présidents" in page and "09-08" in page
    assert 'href="/fr/legal/"' in client.get("/fr/").content.decode()
