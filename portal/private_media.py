"""Uploaded files that are not for everyone, kept where no web server serves them.

Documents (members-only or not: their views serve them all), assembly papers and signed minutes,
and people's photos live in the ``private`` storage (``STORAGES["private"]``): on the local disk
``PRIVATE_MEDIA_ROOT``, outside ``MEDIA_ROOT`` (the proxy serves ``/media/``, never this), or, with
``MEDIA_STORAGE=s3``, a bucket or prefix whose objects are always private and never get an address
on a custom (CDN) domain. A file there is read only through a view that checks who asks
(:func:`portal.storage.serve_file`); the address a private storage gives for a file (the admin's
"currently" link) is :func:`staff_file`, for active staff only.

Each file is stored under a random name (:class:`RandomName`): a document keeps its original name
as the last part of its path, for the download, behind a random folder; a photo gets a random name.
"""

import secrets
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files import File
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.functional import LazyObject, cached_property, empty
from django.utils.text import get_valid_filename
from storages.backends.s3 import S3Storage

from portal.storage import serve_stored

PRIVATE_STORAGE_ALIAS = "private"


class _StaffURLMixin:
    def url(self, name):
        """Never a public address: the staff-only view (the admin links to it)."""
        return reverse("private-media", args=[name])


class PrivateFileSystemStorage(_StaffURLMixin, FileSystemStorage):
    """Files on the local disk under ``PRIVATE_MEDIA_ROOT`` (read when first needed)."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)


class PrivateS3Storage(_StaffURLMixin, S3Storage):
    """Private objects in a bucket (``portal.storage.private_s3_storage`` sets it up)."""


class _PrivateStorage(LazyObject):
    def _setup(self):
        self._wrapped = storages[PRIVATE_STORAGE_ALIAS]


_private = _PrivateStorage()


def private_storage():
    """The storage of files not for everyone: ``FileField(storage=private_storage)``."""
    return _private


def _storage_changed(*, setting, **kwargs):
    if setting in ("STORAGES", "PRIVATE_MEDIA_ROOT"):
        _private._wrapped = empty


setting_changed.connect(_storage_changed)


@deconstructible
class RandomName:
    """``upload_to``: ``folder`` (strftime codes allowed) and a random, unguessable name.

    With ``keep_name`` the file's own (cleaned) name follows a random folder, so that the download
    keeps it: ``documents/2026/<random>/rapport.pdf``; without, only the extension is kept:
    ``people/<random>.jpg``.
    """

    def __init__(self, folder, *, keep_name=True):
        self.folder = folder
        self.keep_name = keep_name

    def __call__(self, instance, filename):
        folder = timezone.now().strftime(self.folder).rstrip("/")
        original = PurePosixPath(filename.replace("\\", "/")).name
        token = secrets.token_urlsafe(16)
        if self.keep_name:
            return f"{folder}/{token}/{get_valid_filename(original)}"
        suffix = PurePosixPath(original).suffix.lower()
        return f"{folder}/{token}{suffix}"


def staff_file(request, name):
    """A private file for active staff (the admin's link to what a form holds), else 404."""
    user = request.user
    if not (user.is_active and user.is_staff):
        raise Http404
    return serve_stored(private_storage(), name, as_attachment=True, cache_control="private, no-store")


def shadowed_folder(public, private):
    """The folder of ``public`` (a bucket) that holds ``private``'s objects, if they share one.

    A backup or restore of the public storage leaves it alone: the private files are carried by
    themselves.
    """
    if not (isinstance(public, S3Storage) and isinstance(private, S3Storage)):
        return None
    if public.bucket_name != private.bucket_name:
        return None
    outer = public.location.strip("/")
    inner = private.location.strip("/")
    if not outer:
        return inner or None
    if inner.startswith(outer + "/"):
        return inner[len(outer) + 1 :]
    return None


# Data migrations --------------------------------------------------------------------------------


def _move(apps, app_label, model_name, field_name, *, to_private, history=None):
    model = apps.get_model(app_label, model_name)
    field = model._meta.get_field(field_name)
    public, private = storages["default"], field.storage
    source, target = (public, private) if to_private else (private, public)
    moved = {}
    for row in model._base_manager.exclude(**{field_name: ""}).only("pk", field_name).iterator():
        name = getattr(row, field_name).name
        if target.exists(name) or not source.exists(name):
            continue  # moved already, or missing from both: left as it is
        if to_private:
            original = PurePosixPath(name).name
            new_name = field.generate_filename(row, original)
        else:
            original = new_name = name
        with source.open(name, "rb") as handle:
            saved = target.save(new_name, File(handle, name=original), max_length=field.max_length)
        model._base_manager.filter(pk=row.pk).update(**{field_name: saved})
        moved[name] = saved
        source.delete(name)
    if history:  # the history rows name the file as the row did
        historical = apps.get_model(app_label, history)
        for old, saved in moved.items():
            historical._base_manager.filter(**{field_name: old}).update(**{field_name: saved})
    return moved


def move_to_private(apps, app_label, model_name, field_name, *, history=None):
    """Move a field's files from the public storage to the private one, under random names.

    For a data migration (historical models; ``history``: the model's django-simple-history
    model, whose rows are renamed alike). Idempotent: a file already in the private storage is
    left alone, and one missing from both is left as it is. Returns ``{old name: new name}``.
    """
    return _move(apps, app_label, model_name, field_name, to_private=True, history=history)


def move_to_public(apps, app_label, model_name, field_name, *, history=None):
    """The reverse of :func:`move_to_private`: back to the public storage, under the same names."""
    return _move(apps, app_label, model_name, field_name, to_private=False, history=history)


def file_moves(*fields):
    """The ``RunPython`` of a migration moving ``(app, model, field[, history model])`` files."""

    def forwards(apps, schema_editor):
        for app_label, model_name, field_name, *history in fields:
            move_to_private(apps, app_label, model_name, field_name, history=history[0] if history else None)

    def backwards(apps, schema_editor):
        for app_label, model_name, field_name, *history in fields:
            move_to_public(apps, app_label, model_name, field_name, history=history[0] if history else None)

    return forwards, backwards
