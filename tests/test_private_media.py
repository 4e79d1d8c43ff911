"""Files not for everyone (portal.private_media): outside MEDIA_ROOT, under random names, read
only through the views that check who asks; the data migration that moves the old files there.

The URLconf here is the portal's with the development server's ``/media/`` serving
(``django.conf.urls.static``, on in DEBUG), so that "no /media/ address serves it" is tested
against the files the proxy would serve.
"""

import importlib
import io
import re

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import re_path, reverse
from django.views.static import serve
from PIL import Image

from association.models import Document
from config.urls import urlpatterns as portal_urlpatterns
from members.models import Person
from portal.private_media import private_storage
from tests.members.factories import MembershipFactory, PersonFactory

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\nsecret-minutes\n"


def _media(request, path):
    """``static(MEDIA_URL, document_root=MEDIA_ROOT)``, reading this test's MEDIA_ROOT."""
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [*portal_urlpatterns, re_path(r"^media/(?P<path>.*)$", _media)]


def _png(colour="#0b5d3b"):
    buffer = io.BytesIO()
    Image.new("RGB", (30, 30), colour).save(buffer, "PNG")
    return buffer.getvalue()


def _files_holding(root, content):
    return [path for path in root.rglob("*") if path.is_file() and path.read_bytes() == content]


@pytest.fixture
def member(django_user_model):
    user = django_user_model.objects.create_user("member", password="a-long-test-password")
    MembershipFactory(person=PersonFactory(user=user))
    client = Client()
    client.force_login(user)
    return client


def _upload(admin_client, name):
    response = admin_client.post(
        "/ar/admin/association/document/add/",
        {
            "title_ar": "محضر سري للأعضاء",
            "title_fr": "",
            "kind": Document.Kind.OTHER,
            "year": "2026",
            "visibility": Document.Visibility.MEMBERS,
            "file": SimpleUploadedFile(name, PDF, content_type="application/pdf"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return Document.objects.get(title_ar="محضر سري للأعضاء")


def test_members_document_is_outside_media_and_only_the_checking_view_serves_it(admin_client, member):
    document = _upload(admin_client, "members-secret.pdf")
    folder, token, filename = document.file.name.rsplit("/", 2)
    assert (folder, filename) == ("documents/2026", "members-secret.pdf")
    assert len(token) >= 20  # 128 random bits: not guessable
    assert not settings.MEDIA_ROOT.exists() or _files_holding(settings.MEDIA_ROOT, PDF) == []
    assert _files_holding(settings.PRIVATE_MEDIA_ROOT, PDF) == [
        settings.PRIVATE_MEDIA_ROOT / document.file.name
    ]

    anonymous = Client()
    for guess in (document.file.name, "documents/2026/members-secret.pdf"):
        assert anonymous.get(f"/media/{guess}").status_code == 404, guess
    assert anonymous.get(f"/media/../private_media/{document.file.name}").status_code in (400, 404)
    # No address the pages give leads to the bytes but the view's.
    assert document.file.url == f"/private-media/{document.file.name}"
    assert anonymous.get(document.file.url).status_code == 404
    assert member.get(document.file.url).status_code == 404  # a member is not staff

    url = reverse("association:document-download", args=[document.pk])
    assert anonymous.get(url).status_code == 404
    response = member.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="members-secret.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "private" in response["Cache-Control"]
    # Staff reach it from the admin's "currently" link.
    staff = admin_client.get(document.file.url)
    assert b"".join(staff.streaming_content) == PDF
    assert staff["Content-Disposition"] == 'attachment; filename="members-secret.pdf"'


def test_an_arabic_file_name_is_kept_for_the_download(admin_client, member):
    document = _upload(admin_client, "محضر الاجتماع.pdf")
    assert document.file.name.endswith("/محضر_الاجتماع.pdf")
    response = member.get(reverse("association:document-download", args=[document.pk]))
    assert response["Content-Disposition"] == (
        "inline; filename*=utf-8''%D9%85%D8%AD%D8%B6%D8%B1_%D8%A7%D9%84%D8%A7%D8%AC%D8%AA%D9%85%D8%A7%D8%B9.pdf"
    )
    assert response["Content-Type"] == "application/pdf"


def test_event_documents_are_private_files_too(member):
    from events.models import EventDocument
    from tests.events.factories import EventFactory

    document = EventDocument.objects.create(
        event=EventFactory(visibility="members"), title_ar="محضر", file=ContentFile(PDF, name="pv.pdf")
    )
    assert (settings.PRIVATE_MEDIA_ROOT / document.file.name).is_file()
    assert not (settings.MEDIA_ROOT / document.file.name).exists()
    assert Client().get(f"/media/{document.file.name}").status_code == 404
    assert b"".join(member.get(document.get_absolute_url()).streaming_content) == PDF


def test_a_photo_without_consent_has_no_public_address(client):
    shy = PersonFactory(photo=SimpleUploadedFile("abdelaziz-derouiche.jpg", _png(), content_type="image/png"))
    MembershipFactory(person=shy)
    assert re.fullmatch(r"people/[\w-]{20,}\.jpg", shy.photo.name), shy.photo.name  # not the uploader's name
    assert (settings.PRIVATE_MEDIA_ROOT / shy.photo.name).is_file()
    assert not settings.MEDIA_ROOT.exists() or _files_holding(settings.MEDIA_ROOT, _png()) == []
    assert client.get(f"/media/{shy.photo.name}").status_code == 404
    assert client.get("/media/people/abdelaziz-derouiche.jpg").status_code == 404
    assert shy.public_photo_url == ""
    assert client.get(reverse("person-photo", args=[shy.pk])).status_code == 404
    for url in ("/ar/members/", f"/ar/members/?q={shy.name_ar}", "/ar/bureau/"):
        html = client.get(url).content.decode()
        assert shy.photo.name not in html and f"/photos/{shy.pk}/" not in html, url


def test_a_consented_photo_is_served_while_consent_lasts(client):
    willing = PersonFactory(photo=SimpleUploadedFile("portrait.png", _png("#a4161a")), photo_consent=True)
    MembershipFactory(person=willing)
    html = client.get("/ar/members/").content.decode()
    assert f'src="{willing.public_photo_url}"' in html
    response = client.get(willing.public_photo_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == "public, max-age=600"
    assert Image.open(io.BytesIO(b"".join(response.streaming_content))).getpixel((0, 0)) == (164, 22, 26)

    Person.objects.filter(pk=willing.pk).update(photo_consent=False)
    assert client.get(willing.public_photo_url).status_code == 404


# The data migration ------------------------------------------------------------------------------


def _legacy(model, pk, field, name, content):
    """A row whose file sits where the portal used to store it: MEDIA_ROOT, under its own name."""
    saved = default_storage.save(name, ContentFile(content))
    model.objects.filter(pk=pk).update(**{field: saved})
    return saved


def test_the_migration_moves_old_files_to_random_private_names_once(settings):
    from assembly.models import Minutes
    from tests.events.factories import EventFactory

    migration = importlib.import_module("association.migrations.0015_private_media")
    members_migration = importlib.import_module("members.migrations.0010_private_media")
    document = Document.objects.create(title_ar="محضر", kind="other", file=ContentFile(b"x", name="x.pdf"))
    private_storage().delete(document.file.name)
    old = _legacy(Document, document.pk, "file", "documents/2026/members-secret.pdf", PDF)
    person = PersonFactory()
    old_photo = _legacy(Person, person.pk, "photo", "people/abdelaziz-derouiche.jpg", _png())
    missing = Document.objects.create(title_ar="ضائع", kind="other", file=ContentFile(b"y", name="y.pdf"))
    private_storage().delete(missing.file.name)
    Document.objects.filter(pk=missing.pk).update(file="documents/2020/gone.pdf")

    migration.forwards(apps, None)
    members_migration.forwards(apps, None)
    document.refresh_from_db()
    person.refresh_from_db()
    assert not (settings.MEDIA_ROOT / old).exists() and not (settings.MEDIA_ROOT / old_photo).exists()
    assert re.fullmatch(r"documents/\d{4}/[\w-]{20,}/members-secret\.pdf", document.file.name)
    assert (settings.PRIVATE_MEDIA_ROOT / document.file.name).read_bytes() == PDF
    assert re.fullmatch(r"people/[\w-]{20,}\.jpg", person.photo.name)
    assert (settings.PRIVATE_MEDIA_ROOT / person.photo.name).read_bytes() == _png()
    assert Document.objects.get(pk=missing.pk).file.name == "documents/2020/gone.pdf"  # left as it was

    # Run again (a migration replayed, a second host): nothing moves, nothing is copied.
    before = sorted(path for path in settings.PRIVATE_MEDIA_ROOT.rglob("*") if path.is_file())
    migration.forwards(apps, None)
    members_migration.forwards(apps, None)
    assert sorted(path for path in settings.PRIVATE_MEDIA_ROOT.rglob("*") if path.is_file()) == before
    assert Document.objects.get(pk=document.pk).file.name == document.file.name

    # Signed minutes: their history rows follow the file.
    assembly_migration = importlib.import_module("assembly.migrations.0006_private_media")
    from assembly.models import Assembly

    minutes = Minutes.objects.create(assembly=Assembly.objects.create(event=EventFactory()), text="")
    old_scan = _legacy(Minutes, minutes.pk, "signed_pdf", "assembly/minutes/2026/signed.pdf", PDF)
    Minutes.history.filter(id=minutes.pk).update(signed_pdf=old_scan)
    assembly_migration.forwards(apps, None)
    minutes.refresh_from_db()
    assert minutes.signed_pdf.name.endswith("/signed.pdf") and minutes.signed_pdf.name != old_scan
    assert set(Minutes.history.filter(id=minutes.pk).values_list("signed_pdf", flat=True)) == {
        minutes.signed_pdf.name
    }

    # And back, for a rolled-back release: the files return to MEDIA_ROOT under the same names.
    migration.backwards(apps, None)
    document.refresh_from_db()
    assert (settings.MEDIA_ROOT / document.file.name).read_bytes() == PDF
    assert not (settings.PRIVATE_MEDIA_ROOT / document.file.name).exists()


@pytest.mark.django_db(transaction=True)
def test_migrate_moves_a_document_saved_by_the_previous_release(settings):
    """``manage.py migrate`` itself, from the release before: a members-only document saved then
    (in MEDIA_ROOT under its own name) ends in the private storage, and going back returns it."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    before = [("association", "0014_profile_territory_communes"), ("members", "0009_names_pg_trgm")]
    executor = MigrationExecutor(connection)
    assert set(before) <= set(executor.loader.graph.nodes), "the migrations before this change"
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    OldDocument = old.get_model("association", "Document")
    row = OldDocument.objects.create(
        title_ar="محضر سري للأعضاء",
        kind="other",
        visibility="members",
        file=ContentFile(PDF, name="members-secret.pdf"),
    )
    assert re.fullmatch(r"documents/\d{4}/members-secret\.pdf", row.file.name)  # guessable, once
    assert (settings.MEDIA_ROOT / row.file.name).read_bytes() == PDF

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    document = Document.objects.get(pk=row.pk)
    assert re.fullmatch(r"documents/\d{4}/[\w-]{20,}/members-secret\.pdf", document.file.name)
    assert not (settings.MEDIA_ROOT / row.file.name).exists()
    assert (settings.PRIVATE_MEDIA_ROOT / document.file.name).read_bytes() == PDF

    executor = MigrationExecutor(connection)
    executor.migrate(before)
    assert (settings.MEDIA_ROOT / document.file.name).read_bytes() == PDF
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    again = Document.objects.get(pk=row.pk)
    assert (settings.PRIVATE_MEDIA_ROOT / again.file.name).read_bytes() == PDF
    assert not (settings.MEDIA_ROOT / document.file.name).exists()


# Files shown to everyone by design: press pictures and attachments, logos, signed partnership
# agreements (the partners' page links them), event photos (published only with consent).
PUBLIC_FILE_FIELDS = {
    "association.AssociationProfile.logo",
    "association.Partner.logo",
    "association.PartnershipAgreement.document",
    "events.EventPhoto.image",
    "press.PressRelease.cover_image",
    "press.PressImage.image",
    "press.PressAttachment.file",
}


def test_every_upload_field_is_private_unless_public_by_design():
    """A file field added later lands in the private storage, or is listed here on purpose."""
    from django.db.models import FileField

    from portal.roles import PORTAL_APPS

    public = sorted(
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        if model._meta.app_label in PORTAL_APPS and not model._meta.object_name.startswith("Historical")
        for field in model._meta.concrete_fields
        if isinstance(field, FileField) and field.storage is not private_storage()
    )
    assert public == sorted(PUBLIC_FILE_FIELDS)
