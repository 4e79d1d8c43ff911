"""Upload checks shared by every app: the extension, the real content and the size.

An extension alone proves nothing (a renamed executable is still an executable), so each
file's first bytes must match its claimed type, and images must open in Pillow within a
pixel budget that stops decompression bombs.
"""

import zipfile
from pathlib import Path

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from PIL import Image

from portal.svg import sanitise_svg

OOXML = {".docx": "word/", ".xlsx": "xl/", ".pptx": "ppt/"}
ODF = {
    ".odt": b"application/vnd.oasis.opendocument.text",
    ".ods": b"application/vnd.oasis.opendocument.spreadsheet",
    ".odp": b"application/vnd.oasis.opendocument.presentation",
}
DOCUMENT_EXTENSIONS = (".pdf", *OOXML, *ODF)
MEDIA_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    **{suffix: kind.decode() for suffix, kind in ODF.items()},
}


def accept_attribute(extensions):
    """The ``accept`` of a file input taking ``extensions``: the picker offers only those."""
    return ",".join([*extensions, *(MEDIA_TYPES[suffix] for suffix in extensions if suffix in MEDIA_TYPES)])


IMAGE_FORMATS = {"JPEG": (".jpg", ".jpeg"), "PNG": (".png",), "WEBP": (".webp",)}


def image_dimensions(upload):
    """(width, height) read from the header of a JPEG, PNG or WebP upload, or None.

    Pillow's ``Image.open`` refuses an image of more than twice ``Image.MAX_IMAGE_PIXELS`` pixels
    (``DecompressionBombError``) without saying its size, and Django's form field turns that into
    "not an image or corrupted": each allowed format's own parser, which reads the header only
    and decodes nothing, is asked instead, so the visitor is told the size.
    """
    Image.init()
    try:
        upload.seek(0)
        prefix = upload.read(16)
        for name in IMAGE_FORMATS:
            factory, accept = Image.OPEN.get(name, (None, None))
            result = factory is not None and (not accept or accept(prefix))
            if not result or isinstance(result, str):
                continue
            upload.seek(0)
            try:
                return factory(upload).size
            except (SyntaxError, OSError, ValueError, IndexError, TypeError):
                continue
        return None
    finally:
        upload.seek(0)


def check_image_pixels(width, height):
    if width * height > settings.PORTAL_MAX_IMAGE_PIXELS:
        raise ValidationError(
            _("The image is too large (%(width)s × %(height)s pixels)."),
            code="image_too_large",
            params={"width": width, "height": height},
        )


def _check_size(upload, limit):
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            _("The file is too large (%(size)s); the limit is %(limit)s."),
            code="file_too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )


def _head(upload, length=8):
    upload.seek(0)
    data = upload.read(length)
    upload.seek(0)
    return data


def _zip_names(upload):
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
            mimetype = archive.read("mimetype") if "mimetype" in names else b""
    except (zipfile.BadZipFile, KeyError, OSError):
        return None, b""
    finally:
        upload.seek(0)
    return names, mimetype


@deconstructible
class DocumentFileValidator:
    """PDF, Office Open XML or OpenDocument files whose content matches their extension; only
    ``extensions`` where a field takes fewer kinds (an import: ``.xlsx``), and only those named
    when another kind is refused."""

    message = _("This file is not a valid %(kind)s document.")

    def __init__(self, max_bytes=None, extensions=DOCUMENT_EXTENSIONS):
        self.max_bytes = max_bytes
        self.extensions = tuple(extensions)

    def __call__(self, upload):
        _check_size(upload, self.max_bytes or settings.PORTAL_MAX_DOCUMENT_BYTES)
        suffix = Path(upload.name).suffix.lower()
        if suffix not in self.extensions:
            raise ValidationError(
                _("Files of type “%(suffix)s” are not accepted. Accepted types: %(allowed)s."),
                code="invalid_extension",
                params={"suffix": suffix or "?", "allowed": ", ".join(self.extensions)},
            )
        kind = suffix.lstrip(".").upper()
        if suffix == ".pdf":
            if not _head(upload, 5) == b"%PDF-":
                raise ValidationError(self.message, code="invalid_content", params={"kind": kind})
            return
        names, mimetype = _zip_names(upload)
        if names is None:
            raise ValidationError(self.message, code="invalid_content", params={"kind": kind})
        if suffix in OOXML:
            ok = "[Content_Types].xml" in names and any(n.startswith(OOXML[suffix]) for n in names)
        else:
            ok = mimetype.strip() == ODF[suffix]
        if not ok:
            raise ValidationError(self.message, code="invalid_content", params={"kind": kind})

    def __eq__(self, other):
        return (
            isinstance(other, DocumentFileValidator)
            and self.max_bytes == other.max_bytes
            and self.extensions == other.extensions
        )


@deconstructible
class ImageFileValidator:
    """A real JPEG, PNG or WebP image, within the size and pixel limits (no SVG: it can script)."""

    def __init__(self, max_bytes=None):
        self.max_bytes = max_bytes

    def __call__(self, upload):
        _check_size(upload, self.max_bytes or settings.PORTAL_MAX_IMAGE_BYTES)
        suffix = Path(upload.name).suffix.lower()
        allowed = [ext for exts in IMAGE_FORMATS.values() for ext in exts]
        if suffix not in allowed:
            raise ValidationError(
                _("Files of type “%(suffix)s” are not accepted. Accepted types: %(allowed)s."),
                code="invalid_extension",
                params={"suffix": suffix or "?", "allowed": ", ".join(allowed)},
            )
        upload.seek(0)
        try:
            with Image.open(upload) as image:
                check_image_pixels(*image.size)
                image_format = image.format
                image.verify()
        except ValidationError:
            raise
        except Image.DecompressionBombError as exc:
            check_image_pixels(*(image_dimensions(upload) or (0, 0)))
            raise ValidationError(_("This file is not a valid image."), code="invalid_image") from exc
        except (OSError, SyntaxError, ValueError) as exc:
            raise ValidationError(_("This file is not a valid image."), code="invalid_image") from exc
        finally:
            upload.seek(0)
        if suffix not in IMAGE_FORMATS.get(image_format, ()):
            raise ValidationError(
                _("The file's content (%(format)s) does not match its extension."),
                code="mismatched_image",
                params={"format": image_format},
            )

    def __eq__(self, other):
        return isinstance(other, ImageFileValidator) and self.max_bytes == other.max_bytes


@deconstructible
class LogoFileValidator:
    """A logo: an SVG that the allow-list sanitiser accepts (portal.svg), or a raster image."""

    def __call__(self, upload):
        _check_size(upload, settings.PORTAL_MAX_LOGO_BYTES)
        suffix = Path(upload.name).suffix.lower()
        allowed = [".svg", *(ext for exts in IMAGE_FORMATS.values() for ext in exts)]
        if suffix not in allowed:
            raise ValidationError(
                _("Files of type “%(suffix)s” are not accepted. Accepted types: %(allowed)s."),
                code="invalid_extension",
                params={"suffix": suffix or "?", "allowed": ", ".join(allowed)},
            )
        if suffix != ".svg":
            ImageFileValidator(max_bytes=settings.PORTAL_MAX_LOGO_BYTES)(upload)
            return
        upload.seek(0)
        try:
            sanitise_svg(upload.read())
        finally:
            upload.seek(0)

    def __eq__(self, other):
        return isinstance(other, LogoFileValidator)


class DocumentFormField(forms.FileField):
    """A form's document upload for ``extensions`` only: the file picker offers those
    (``accept``) and a refusal names those, not every kind the portal stores."""

    def __init__(self, *, extensions=DOCUMENT_EXTENSIONS, **kwargs):
        kwargs.setdefault("validators", [DocumentFileValidator(extensions=extensions)])
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": accept_attribute(extensions)}))
        super().__init__(**kwargs)


class ImageFormField(forms.ImageField):
    """Django's image field, which tells an image too large for Pillow to open (a decompression
    bomb to it) by its size, as ``ImageFileValidator`` does, not as "not an image or corrupted"."""

    def to_python(self, data):
        try:
            return super().to_python(data)
        except ValidationError as error:
            if error.code == "invalid_image" and hasattr(data, "seek"):
                check_image_pixels(*(image_dimensions(data) or (0, 0)))
            raise


class ValidatedImageField(models.ImageField):
    """An image column whose form field is ``ImageFormField``; to migrations, a plain ``ImageField``."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": ImageFormField, **kwargs})

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.ImageField", args, kwargs


validate_document = DocumentFileValidator()
validate_image = ImageFileValidator()
validate_logo = LogoFileValidator()
