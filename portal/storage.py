"""Uploaded files on the local disk or on S3-compatible object storage, chosen by the environment.

``MEDIA_STORAGE=s3`` (or ``AWS_STORAGE_BUCKET_NAME`` set) puts every upload, and the thumbnails
easy-thumbnails makes of them, in a bucket through django-storages (AWS S3, MinIO, Ceph, Garage,
Scaleway, OVHcloud...), so that every app host sees the same files. The credentials are never
copied into the settings: boto3 reads ``AWS_ACCESS_KEY_ID`` and ``AWS_SECRET_ACCESS_KEY`` from the
environment itself (or an instance role).

Objects are private (``AWS_DEFAULT_ACL=private``) and the addresses the pages show are signed and
expire (``AWS_QUERYSTRING_EXPIRE``, one hour, longer than a page stays in the page cache).
Documents that not everybody may read never get such an address in a page: they are served by
views that check who asks (:func:`serve_file`), which stream them from the storage, or, with
``MEDIA_SIGNED_URL_SECONDS`` set, redirect to an address signed for that many seconds, always
against the storage endpoint (a custom domain is a CDN that would serve it unsigned).
"""

import mimetypes
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.utils.http import content_disposition_header
from storages.utils import clean_name

# Imported by config.settings: Django's HTTP classes are imported where they are used.

S3_BACKEND = "storages.backends.s3.S3Storage"
FILESYSTEM_BACKEND = "django.core.files.storage.FileSystemStorage"
PRIVATE_S3_BACKEND = "portal.private_media.PrivateS3Storage"
PRIVATE_FILESYSTEM_BACKEND = "portal.private_media.PrivateFileSystemStorage"


def uses_s3(env):
    kind = env("MEDIA_STORAGE", default="").strip().lower()
    if kind:
        return kind == "s3"
    return bool(env("AWS_STORAGE_BUCKET_NAME", default=""))


def s3_storage(env):
    """The ``STORAGES["default"]`` entry for a bucket, from the environment."""
    bucket = env("AWS_STORAGE_BUCKET_NAME", default="")
    if not bucket:
        raise ImproperlyConfigured("MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME.")
    options = {
        "bucket_name": bucket,
        # Objects readable only with a signed address or the credentials.
        "default_acl": env("AWS_DEFAULT_ACL", default="private") or None,
        "querystring_auth": env.bool("AWS_QUERYSTRING_AUTH", default=True),
        "querystring_expire": env.int("AWS_QUERYSTRING_EXPIRE", default=3600),
        # Two uploads with one name get two objects, as on the local disk (django-storages
        # would otherwise replace the first one).
        "file_overwrite": False,
        # Files read back (thumbnails, documents streamed to a member) spill to a temporary file
        # above 5 MB instead of staying in memory.
        "max_memory_size": env.int("AWS_S3_MAX_MEMORY_SIZE", default=5 * 1024 * 1024),
    }
    for option, variable in (
        ("endpoint_url", "AWS_S3_ENDPOINT_URL"),
        ("region_name", "AWS_S3_REGION_NAME"),
        ("custom_domain", "AWS_S3_CUSTOM_DOMAIN"),
        ("location", "AWS_LOCATION"),
        ("addressing_style", "AWS_S3_ADDRESSING_STYLE"),
        ("signature_version", "AWS_S3_SIGNATURE_VERSION"),
    ):
        # Signature version 4 unless told otherwise (botocore would sign some addresses with v2).
        value = env(variable, default="s3v4" if option == "signature_version" else "")
        if value:
            options[option] = value
    return {"BACKEND": S3_BACKEND, "OPTIONS": options}


def private_s3_storage(env):
    """The ``STORAGES["private"]`` entry for a bucket: files not for everyone (portal.private_media).

    ``AWS_PRIVATE_STORAGE_BUCKET_NAME`` (a bucket of its own, preferred) or the media bucket, under
    ``AWS_PRIVATE_LOCATION`` (default ``private``). Its objects are always private, whatever
    ``AWS_DEFAULT_ACL`` says of the public media, and never addressed on ``AWS_S3_CUSTOM_DOMAIN``.
    """
    options = dict(s3_storage(env)["OPTIONS"])
    options.pop("custom_domain", None)
    options.update(
        bucket_name=env("AWS_PRIVATE_STORAGE_BUCKET_NAME", default="") or options["bucket_name"],
        default_acl="private",
        querystring_auth=True,
        location=env("AWS_PRIVATE_LOCATION", default="private").strip("/"),
    )
    return {"BACKEND": PRIVATE_S3_BACKEND, "OPTIONS": options}


def private_storage_entry(env):
    """``STORAGES["private"]``: a bucket with ``MEDIA_STORAGE=s3``, else ``PRIVATE_MEDIA_ROOT``."""
    return private_s3_storage(env) if uses_s3(env) else {"BACKEND": PRIVATE_FILESYSTEM_BACKEND}


def stored_files(storage, folder="", *, skip=None):
    """Every file name in ``storage`` (the local disk or a bucket), folder by folder.

    For backups and restores (``backup_portal``, ``restore_portal``): the same walk whichever
    storage ``MEDIA_STORAGE`` chose. A media folder that does not exist yet holds nothing; the
    folder ``skip`` (the private files', when they share the media bucket) is left out.
    """
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for name in sorted(folders):
        path = f"{folder}/{name}" if folder else name
        if path != skip:
            yield from stored_files(storage, path, skip=skip)


def media_origins(storage):
    """Origins the pages load media from, for the Content-Security-Policy's ``img-src``."""
    if storage["BACKEND"] != S3_BACKEND:
        return []
    options = storage["OPTIONS"]
    if options.get("custom_domain"):
        return [f"https://{options['custom_domain']}"]
    endpoint = options.get("endpoint_url")
    if endpoint:
        parts = urlsplit(endpoint)
        # Path-style addresses on the endpoint itself, or virtual-hosted ones under it.
        return [
            f"{parts.scheme}://{parts.netloc}",
            f"{parts.scheme}://{options['bucket_name']}.{parts.netloc}",
        ]
    bucket = options["bucket_name"]
    origins = [f"https://{bucket}.s3.amazonaws.com"]
    if options.get("region_name"):
        origins.append(f"https://{bucket}.s3.{options['region_name']}.amazonaws.com")
    return origins


def _signed_url(storage, name, seconds, disposition, content_type):
    """A GET address for one object, signed for ``seconds``, on the storage endpoint."""
    params = {
        "Bucket": storage.bucket_name,
        "Key": storage._normalize_name(clean_name(name)),
        "ResponseContentDisposition": disposition,
    }
    if content_type:
        params["ResponseContentType"] = content_type
    return storage.connection.meta.client.generate_presigned_url(
        "get_object", Params=params, ExpiresIn=seconds
    )


def _can_sign(storage):
    return hasattr(storage, "connection") and hasattr(storage, "bucket_name")


def serve_file(fieldfile, *, as_attachment=False, cache_control="private"):
    """The response for a stored file, once the calling view has checked who may see it.

    Streams the file from its storage (disk or bucket) with its type, its original name (the last
    part of its path, ``filename*`` when not ASCII), ``nosniff`` and ``cache_control``; with
    ``MEDIA_SIGNED_URL_SECONDS`` and a bucket, redirects instead to an address signed for that
    long, never cached by anyone.
    """
    if not fieldfile:
        raise Http404
    return serve_stored(
        fieldfile.storage, fieldfile.name, as_attachment=as_attachment, cache_control=cache_control
    )


def serve_stored(storage, name, *, as_attachment=False, cache_control="private"):
    """:func:`serve_file` for a file named in a storage."""
    filename = name.rsplit("/", 1)[-1]
    seconds = getattr(settings, "MEDIA_SIGNED_URL_SECONDS", 0)
    if seconds and _can_sign(storage):
        if not storage.exists(name):
            raise Http404
        content_type, _encoding = mimetypes.guess_type(filename)
        disposition = content_disposition_header(as_attachment, filename)
        response = HttpResponseRedirect(_signed_url(storage, name, seconds, disposition, content_type))
        response["Cache-Control"] = "private, no-store"
        return response
    try:
        handle = storage.open(name, "rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(handle, as_attachment=as_attachment, filename=filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = cache_control
    return response
