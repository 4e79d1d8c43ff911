"""Media on S3-compatible storage, against a real S3 server (moto's), through the portal's own code.

Uploads go through the admin and model saves; the objects, the thumbnails and the access rules
are checked in the bucket and over HTTP, never through a mock of boto.
"""

import datetime
import io
import urllib.error
import urllib.request
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from association.models import Document
from tests.factories import DocumentFactory
from tests.members.factories import MembershipFactory, PersonFactory
from tests.press.factories import PressImageFactory, PressReleaseFactory
from tests.scaleout.conftest import bucket_keys

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _png(size=(1600, 1000)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "#0b5d3b").save(buffer, "PNG")
    return buffer.getvalue()


def _http_get(url):
    """GET from outside the portal, as a browser would: (status, body)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


@pytest.fixture
def member_client(client, django_user_model):
    user = django_user_model.objects.create_user("member", password="a-long-test-password")
    MembershipFactory(person=PersonFactory(user=user))
    client.force_login(user)
    return client


def _upload_members_document(admin_client, name="proces-verbal.pdf"):
    response = admin_client.post(
        "/ar/admin/association/document/add/",
        {
            "title_ar": "محضر اجتماع المكتب",
            "title_fr": "",
            "kind": Document.Kind.OTHER,
            "year": "2026",
            "visibility": Document.Visibility.MEMBERS,
            "file": SimpleUploadedFile(name, PDF, content_type="application/pdf"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return Document.objects.get(title_ar="محضر اجتماع المكتب")


def test_storage_is_the_bucket(s3_media):
    from storages.backends.s3 import S3Storage

    assert isinstance(storages["default"], S3Storage)
    name = default_storage.save("probe/مرحبا.txt", ContentFile(b"salam"))
    assert bucket_keys(s3_media) == [name]


def test_document_uploaded_in_the_admin_lands_in_the_bucket_and_only_members_read_it(
    s3_media, admin_client, client, django_user_model, tmp_path
):
    document = _upload_members_document(admin_client)
    # Under the private prefix, in a random folder that keeps the file's own name.
    folder, token, filename = document.file.name.rsplit("/", 2)
    assert folder == "documents/2026" and len(token) >= 20 and filename == "proces-verbal.pdf"
    key = f"private/{document.file.name}"
    assert bucket_keys(s3_media) == [key]
    client_s3, bucket = s3_media
    assert client_s3.get_object(Bucket=bucket, Key=key)["Body"].read() == PDF
    # No public grant on the object, whatever the public media's ACL.
    grants = client_s3.get_object_acl(Bucket=bucket, Key=key)["Grants"]
    assert not [grant for grant in grants if "URI" in grant["Grantee"]]
    # Nothing was written to the app server's own disk.
    media_root = tmp_path / "media"
    assert not media_root.exists() or not any(path.is_file() for path in media_root.rglob("*"))

    url = reverse("association:document-download", args=[document.pk])
    client.logout()
    assert client.get(url).status_code == 404  # anonymous
    outsider = django_user_model.objects.create_user("outsider", password="a-long-test-password")
    client.force_login(outsider)
    assert client.get(url).status_code == 404  # an account without an active membership
    MembershipFactory(person=PersonFactory(user=outsider))
    client.force_login(django_user_model.objects.get(pk=outsider.pk))
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert "proces-verbal.pdf" in response["Content-Disposition"]

    # The object itself is private: its plain address is refused to a browser.
    plain = f"{client_s3.meta.endpoint_url}/{bucket}/{key}"
    assert _http_get(plain)[0] == 403
    # And no page gets a bucket address for it: the storage's own address is the staff view.
    assert document.file.url == f"/private-media/{document.file.name}"


def test_members_document_redirects_to_a_short_lived_signed_address(s3_media, member_client, settings):
    settings.MEDIA_SIGNED_URL_SECONDS = 60
    # Even with a CDN domain for the pages' images, a private document is signed on the endpoint.
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            **settings.STORAGES["default"],
            "OPTIONS": {**settings.STORAGES["default"]["OPTIONS"], "custom_domain": "cdn.example.ma"},
        },
    }
    document = DocumentFactory(visibility=Document.Visibility.MEMBERS, file=ContentFile(PDF, name="pv.pdf"))
    url = reverse("association:document-download", args=[document.pk])

    assert Client().get(url).status_code == 404  # anonymous
    response = member_client.get(url)
    assert response.status_code == 302
    assert response["Cache-Control"] == "private, no-store"
    location = response["Location"]
    client_s3, bucket = s3_media
    assert location.startswith(f"{client_s3.meta.endpoint_url}/{bucket}/private/documents/")
    query = parse_qs(urlsplit(location).query)
    assert query["X-Amz-Expires"] == ["60"] and "X-Amz-Signature" in query
    assert "inline" in query["response-content-disposition"][0]
    assert _http_get(location) == (200, PDF)
    # (moto accepts any signature on a presigned address; that it is one is checked above, and
    # that the object refuses unsigned reads in the streaming test.)
    # A document whose object is gone is a 404, not a signed address to nothing.
    client_s3.delete_object(Bucket=bucket, Key=f"private/{document.file.name}")
    assert member_client.get(url).status_code == 404


def test_event_document_streams_from_the_bucket_to_members_only(s3_media, member_client):
    from events.models import EventDocument
    from tests.events.factories import EventFactory

    private = EventFactory(visibility="members")
    document = EventDocument.objects.create(
        event=private, title_ar="محضر", file=ContentFile(PDF, name="pv.pdf")
    )
    assert f"private/{document.file.name}" in bucket_keys(s3_media)
    url = f"/ar/events/documents/{document.pk}/"
    assert Client().get(url).status_code == 404
    response = member_client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


def test_same_file_name_twice_keeps_both_objects(s3_media):
    first = DocumentFactory(file=ContentFile(PDF, name="rapport.pdf"))
    second = DocumentFactory(file=ContentFile(PDF + b"%second", name="rapport.pdf"))
    assert first.file.name != second.file.name
    assert {f"private/{first.file.name}", f"private/{second.file.name}"} <= set(bucket_keys(s3_media))
    assert Document.objects.get(pk=first.pk).file.read() == PDF


def test_press_image_thumbnails_are_made_in_the_bucket_and_served_signed(s3_media, client):
    item = PressReleaseFactory()
    image = PressImageFactory(press_release=item, image=ContentFile(_png(), name="lقاء.png"))
    keys = bucket_keys(s3_media)
    assert image.image.name in keys
    thumbnails = [key for key in keys if key.startswith(image.image.name) and key.endswith(".webp")]
    assert len(thumbnails) == 3  # press_small, press_medium, press_large

    page = client.get(reverse("press:detail", kwargs={"slug": item.slug}))
    assert page.status_code == 200
    html = page.content.decode()
    client_s3, bucket = s3_media
    prefix = f"{client_s3.meta.endpoint_url}/{bucket}/"
    srcs = [part.split('"', 1)[0].replace("&amp;", "&") for part in html.split(' src="')[1:]]
    signed = [src for src in srcs if src.startswith(prefix)]
    assert signed, "the page shows the image from the bucket"
    assert all("X-Amz-Signature=" in src for src in signed)
    status, body = _http_get(signed[0])
    assert status == 200
    assert Image.open(io.BytesIO(body)).format == "WEBP"


def test_event_photo_card_thumbnail_is_generated_in_the_bucket(s3_media, client):
    from events.models import EventPhoto
    from tests.events.factories import EventFactory

    event = EventFactory(visibility="public")
    photo = EventPhoto.objects.create(
        event=event, image=ContentFile(_png((900, 700)), name="photo.png"), consent=True
    )
    keys = bucket_keys(s3_media)
    assert photo.image.name in keys
    assert any(key.startswith(photo.image.name) and key != photo.image.name for key in keys)
    html = client.get(f"/ar/events/event/{event.pk}/").content.decode()
    client_s3, bucket = s3_media
    assert f"{client_s3.meta.endpoint_url}/{bucket}/{photo.image.name}" in html


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_carry_the_files_in_the_bucket(s3_media, tmp_path):
    """make backup / make restore with media in a bucket: the objects go into the archive and
    come back under the same keys, and what the bucket held instead is removed."""
    from django.core.management import call_command

    client_s3, bucket = s3_media
    document = DocumentFactory(title_ar="التقرير المالي 2021", file__data=PDF)
    PressImageFactory(press_release=PressReleaseFactory())
    kept = bucket_keys(s3_media)
    key = f"private/{document.file.name}"
    assert key in kept and "press/2026/photo.png" in kept  # and its thumbnails
    archive = tmp_path / "backup.tar.gz"
    call_command("backup_portal", output=str(archive), verbosity=0)

    call_command("flush", interactive=False, verbosity=0)
    client_s3.delete_object(Bucket=bucket, Key=key)
    client_s3.put_object(Bucket=bucket, Key="documents/stray.pdf", Body=b"not in the backup")
    client_s3.put_object(Bucket=bucket, Key="private/documents/stray.pdf", Body=b"not in the backup")

    call_command("restore_portal", str(archive), yes=True, verbosity=0)
    assert bucket_keys(s3_media) == kept
    assert client_s3.get_object(Bucket=bucket, Key=key)["Body"].read() == PDF
    assert Document.objects.get(title_ar="التقرير المالي 2021").file.name == document.file.name


def test_training_certificate_carries_the_logo_from_the_bucket(s3_media):
    from association.models import AssociationProfile
    from tests.events.factories import EventFactory
    from tests.training.factories import RegistrationFactory, SessionFactory
    from training.models import Registration
    from training.pdf import certificate_pdf

    session = SessionFactory(event=EventFactory(start_date=datetime.date(2022, 10, 6)))
    registration = RegistrationFactory(session=session, status=Registration.Status.ATTENDED)
    assert b"/Subtype /Image" not in certificate_pdf(registration, language="ar")
    profile = AssociationProfile.get_solo()
    profile.logo = SimpleUploadedFile("logo.png", _png((60, 60)), content_type="image/png")
    profile.save()
    assert profile.logo.name in bucket_keys(s3_media)
    assert b"/Subtype /Image" in certificate_pdf(registration, language="ar")


def test_private_files_stay_private_in_their_own_bucket_even_with_public_media(
    s3_media, settings, monkeypatch, member_client
):
    """Public media readable by anyone (AWS_DEFAULT_ACL=public-read) and a private bucket of its
    own: documents and people's photos go to the private bucket, with no public grant, and are
    read through the views that check who asks."""
    import environ

    from portal.storage import private_s3_storage, s3_storage

    client_s3, public_bucket = s3_media
    private_bucket = f"{public_bucket}-private"
    client_s3.create_bucket(Bucket=private_bucket)
    monkeypatch.setenv("AWS_DEFAULT_ACL", "public-read")
    monkeypatch.setenv("AWS_PRIVATE_STORAGE_BUCKET_NAME", private_bucket)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": s3_storage(environ.Env()),
        "private": private_s3_storage(environ.Env()),
    }
    document = DocumentFactory(visibility=Document.Visibility.MEMBERS, file=ContentFile(PDF, name="pv.pdf"))
    shy = PersonFactory(photo=ContentFile(_png((50, 50)), name="abdelaziz-derouiche.png"))
    willing = PersonFactory(photo=ContentFile(_png((50, 50)), name="willing.png"), photo_consent=True)

    assert bucket_keys(s3_media) == []  # nothing in the public bucket
    keys = sorted(item["Key"] for item in client_s3.list_objects_v2(Bucket=private_bucket)["Contents"])
    expected = [f"private/{name}" for name in (document.file.name, shy.photo.name, willing.photo.name)]
    assert keys == sorted(expected)
    assert "derouiche" not in shy.photo.name
    for key in keys:
        grants = client_s3.get_object_acl(Bucket=private_bucket, Key=key)["Grants"]
        assert not [grant for grant in grants if "URI" in grant["Grantee"]], key
        assert _http_get(f"{client_s3.meta.endpoint_url}/{private_bucket}/{key}")[0] == 403

    # A public upload still gets the public ACL: the private storage ignores it on purpose.
    item = PressReleaseFactory()
    image = PressImageFactory(press_release=item, image=ContentFile(_png((400, 300)), name="p.png"))
    grants = client_s3.get_object_acl(Bucket=public_bucket, Key=image.image.name)["Grants"]
    assert [grant for grant in grants if "URI" in grant["Grantee"]]

    anonymous = Client()
    assert anonymous.get(f"/photos/{shy.pk}/").status_code == 404
    response = anonymous.get(willing.public_photo_url)
    assert response.status_code == 200
    assert Image.open(io.BytesIO(b"".join(response.streaming_content))).size == (50, 50)
    url = reverse("association:document-download", args=[document.pk])
    assert anonymous.get(url).status_code == 404
    assert b"".join(member_client.get(url).streaming_content) == PDF
