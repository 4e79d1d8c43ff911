"""Uploads are checked by content, type and size; nothing bad is stored."""

import io
import struct
import zipfile
import zlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import ImageField
from django.urls import reverse
from PIL import Image

from association.models import Document, Partner
from portal.roles import PORTAL_APPS
from portal.validators import ImageFormField, validate_document, validate_image
from tests.members.factories import OrganisationFactory


def png_bytes(size=(20, 20), fmt="PNG"):
    buffer = io.BytesIO()
    Image.new("RGB", size, "green").save(buffer, fmt)
    return buffer.getvalue()


def ooxml_bytes(folder="word/"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(f"{folder}document.xml", "<document/>")
    return buffer.getvalue()


def odf_bytes(mimetype):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", mimetype)
        archive.writestr("content.xml", "<content/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("rapport.pdf", b"%PDF-1.7\n..."),
        ("statuts.docx", ooxml_bytes("word/")),
        ("budget.xlsx", ooxml_bytes("xl/")),
        ("presentation.pptx", ooxml_bytes("ppt/")),
        ("texte.odt", odf_bytes("application/vnd.oasis.opendocument.text")),
    ],
)
def test_real_documents_are_accepted(name, content):
    validate_document(SimpleUploadedFile(name, content))


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("rapport.pdf", b"MZ\x90\x00 an executable", "invalid_content"),
        ("statuts.docx", b"%PDF-1.4 not a docx", "invalid_content"),
        ("budget.xlsx", ooxml_bytes("word/"), "invalid_content"),
        ("texte.odt", odf_bytes("application/zip"), "invalid_content"),
        ("page.html", b"<script>alert(1)</script>", "invalid_extension"),
        ("image.svg", b"<svg onload=alert(1)>", "invalid_extension"),
        ("no-extension", b"%PDF-1.4", "invalid_extension"),
    ],
)
def test_bad_documents_are_refused_with_a_reason(name, content, code):
    with pytest.raises(ValidationError) as excinfo:
        validate_document(SimpleUploadedFile(name, content))
    assert excinfo.value.code == code


def test_oversized_document_is_refused(settings):
    settings.PORTAL_MAX_DOCUMENT_BYTES = 1024
    with pytest.raises(ValidationError) as excinfo:
        validate_document(SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * 2048))
    assert excinfo.value.code == "file_too_large"


def test_real_images_are_accepted():
    validate_image(SimpleUploadedFile("logo.png", png_bytes()))
    validate_image(SimpleUploadedFile("logo.jpg", png_bytes(fmt="JPEG")))
    validate_image(SimpleUploadedFile("logo.webp", png_bytes(fmt="WEBP")))


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("logo.png", b"GIF89a not really", "invalid_image"),
        ("logo.png", png_bytes(fmt="JPEG"), "mismatched_image"),
        ("logo.svg", b"<svg/>", "invalid_extension"),
        ("logo.gif", png_bytes(fmt="GIF"), "invalid_extension"),
    ],
)
def test_bad_images_are_refused(name, content, code):
    with pytest.raises(ValidationError) as excinfo:
        validate_image(SimpleUploadedFile(name, content))
    assert excinfo.value.code == code


def test_decompression_bomb_is_refused(settings):
    settings.PORTAL_MAX_IMAGE_PIXELS = 1_000_000
    bomb = png_bytes(size=(4000, 4000))  # compresses to a few kB, 16 million pixels
    assert len(bomb) < 100_000
    with pytest.raises(ValidationError) as excinfo:
        validate_image(SimpleUploadedFile("bomb.png", bomb))
    assert excinfo.value.code == "image_too_large"


def png_header_only(width, height):
    """A PNG whose header claims ``width`` × ``height`` (all Pillow reads before refusing a bomb)."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )


def image_fields():
    return [
        field
        for model in apps.get_models()
        if model._meta.app_label in PORTAL_APPS
        and not model._meta.label.split(".")[1].startswith("Historical")
        for field in model._meta.concrete_fields
        if isinstance(field, ImageField)
    ]


def test_an_image_too_large_for_pillow_to_open_is_refused_with_its_size():
    """20000 × 20000 is past Pillow's own limit (a ``DecompressionBombError``, which says no size):
    the visitor is told the size, not "not an image or corrupted"."""
    with pytest.raises(ValidationError) as excinfo:
        validate_image(SimpleUploadedFile("huge.png", png_header_only(20000, 20000)))
    assert excinfo.value.code == "image_too_large"
    assert "20000 × 20000" in " ".join(excinfo.value.messages)


@pytest.mark.parametrize("field", image_fields(), ids=str)
def test_every_image_form_field_tells_an_image_too_large_for_pillow_by_its_size(field):
    """Django's form field opens the image before any validator runs, and called Pillow's refusal
    "not an image or corrupted": every image column of the portal gives its size instead."""
    assert isinstance(field.formfield(), ImageFormField)
    with pytest.raises(ValidationError) as excinfo:
        field.formfield().clean(SimpleUploadedFile("huge.png", png_header_only(20000, 20000)))
    assert "20000 × 20000" in " ".join(excinfo.value.messages)
    real = SimpleUploadedFile("real.png", png_bytes())
    assert field.formfield().clean(real) is real


@pytest.mark.django_db
def test_admin_upload_of_a_disguised_file_is_refused_and_nothing_is_stored(admin_client, settings):
    response = admin_client.post(
        reverse("admin:association_document_add"),
        {
            "title_ar": "تقرير",
            "kind": "activity_report",
            "visibility": "public",
            "file": SimpleUploadedFile("report.pdf", b"MZ\x90\x00 executable"),
        },
    )
    assert response.status_code == 200
    assert "file" in response.context["adminform"].form.errors
    assert Document.objects.count() == 0
    assert not (settings.MEDIA_ROOT / "documents").exists()


@pytest.mark.django_db
def test_admin_upload_of_a_partner_logo_with_a_path_trick_is_stored_safely(admin_client, settings):
    response = admin_client.post(
        reverse("admin:association_partner_add"),
        {
            "organisation": OrganisationFactory(name_ar="شريك").pk,
            "logo": SimpleUploadedFile("../../etc/passwd.png", png_bytes()),
            "agreements-TOTAL_FORMS": 0,
            "agreements-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    partner = Partner.objects.get()
    assert partner.logo.name.startswith("partners/")
    assert ".." not in partner.logo.name
    assert (settings.MEDIA_ROOT / partner.logo.name).exists()


def test_every_upload_field_of_the_portal_checks_what_it_receives():
    """A file field added later without a content check fails here, not in production."""
    from django.apps import apps
    from django.db.models import FileField

    from portal.roles import PORTAL_APPS
    from portal.validators import DocumentFileValidator, ImageFileValidator, LogoFileValidator

    checks = (DocumentFileValidator, ImageFileValidator, LogoFileValidator)
    unchecked = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        if model._meta.app_label in PORTAL_APPS
        and not model._meta.label.split(".")[1].startswith("Historical")
        for field in model._meta.concrete_fields
        if isinstance(field, FileField)
        and field.editable
        and not any(isinstance(validator, checks) for validator in field.validators)
    ]
    assert unchecked == []
