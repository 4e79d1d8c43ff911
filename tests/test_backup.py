"""Backup, wipe, restore: the same rows, to the microsecond, and the same files come back; the
archive is readable by its owner only and holds no two-factor secret unless encrypted."""

import datetime
import gzip
import io
import json
import os
import stat
import tarfile

import pytest
from cryptography.fernet import Fernet
from django.apps import apps
from django.contrib.admin.models import ADDITION, LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice
from PIL import Image

from association.models import Document
from tests.factories import DocumentFactory, PartnerFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _png():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 40), "#0b5d3b").save(buffer, "PNG")
    return buffer.getvalue()


PNG = _png()
JOINED = datetime.datetime(2026, 3, 14, 9, 26, 53, 589793, tzinfo=datetime.UTC)


def counts():
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label
        in {"association", "members", "bureau", "events", "training", "auth", "admin", "axes"}
        and model._meta.model_name != "permission"
    }


@pytest.fixture
def content(settings, django_user_model):
    call_command("load_demo", verbosity=0)
    secretary = django_user_model.objects.create_user("secretary", password="a-long-password-2026")
    django_user_model.objects.filter(pk=secretary.pk).update(date_joined=JOINED)
    admin = django_user_model.objects.create_superuser("admin", "admin@example.org", "a-long-test-password")
    device = TOTPDevice.objects.create(user=admin, name="authenticator", confirmed=True)
    document = DocumentFactory(title_ar="التقرير المالي 2021", title_fr="Rapport financier 2021")
    LogEntry.objects.log_actions(admin.pk, [document], ADDITION, change_message="added")
    # A public upload beside the private document (portal.private_media).
    logo = PartnerFactory(logo=SimpleUploadedFile("logo.png", PNG)).logo
    return {
        "document": document,
        "device_key": device.key,
        "media": settings.MEDIA_ROOT,
        "private": settings.PRIVATE_MEDIA_ROOT,
        "logo": logo.name,
    }


def wipe(content):
    call_command("flush", interactive=False, verbosity=0)
    (content["private"] / content["document"].file.name).unlink()
    (content["media"] / content["logo"]).unlink()
    assert Document.objects.count() == 0


def test_backup_and_restore_round_trip_is_exact(tmp_path, content, django_user_model):
    document = content["document"]
    original_bytes = (content["private"] / document.file.name).read_bytes()
    assert not (content["media"] / document.file.name).exists()
    logo_bytes = (content["media"] / content["logo"]).read_bytes()
    before = counts()
    assert before["admin.LogEntry"] == 1 and before["bureau.HistoricalSeat"] > 0
    archive = tmp_path / "backup.tar.gz"
    call_command("backup_portal", output=str(archive), verbosity=0)

    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert f"private/{document.file.name}" in names and f"media/{content['logo']}" in names
    assert f"media/{document.file.name}" not in names

    wipe(content)
    stray = content["private"] / "documents" / "stray.pdf"
    stray.write_bytes(b"not in the backup")
    call_command("restore_portal", str(archive), yes=True, verbosity=0)
    assert counts() == before
    restored = Document.objects.get(pk=document.pk)
    assert (restored.title_ar, restored.title_fr) == ("التقرير المالي 2021", "Rapport financier 2021")
    assert restored.file.name == document.file.name
    assert (content["private"] / document.file.name).read_bytes() == original_bytes
    assert not (content["media"] / document.file.name).exists()
    assert (content["media"] / content["logo"]).read_bytes() == logo_bytes
    assert not stray.exists()  # the private files are those of the archive, no others
    secretary = django_user_model.objects.get(username="secretary")
    assert secretary.check_password("a-long-password-2026")
    assert secretary.date_joined == JOINED  # to the microsecond


def test_archive_is_private_from_creation(tmp_path, content, settings):
    settings.BASE_DIR = tmp_path
    previous = os.umask(0o022)
    try:
        call_command("backup_portal", verbosity=0)
        (archive,) = (tmp_path / "backups").iterdir()
        # An existing world-readable file at the chosen path is replaced, not reused.
        chosen = tmp_path / "chosen.tar.gz"
        chosen.write_bytes(b"old")
        chosen.chmod(0o644)
        call_command("backup_portal", output=str(chosen), verbosity=0)
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "backups").stat().st_mode) == 0o700
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    assert stat.S_IMODE(chosen.stat().st_mode) == 0o600
    assert not [path for path in tmp_path.iterdir() if path.name.endswith(".partial")]


def test_without_a_key_two_factor_secrets_are_left_out_and_staff_enrol_again(
    tmp_path, content, django_user_model, capsys
):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup_portal", output=str(archive))
    assert "two-factor secrets are left out" in capsys.readouterr().out
    raw = gzip.decompress(archive.read_bytes())
    assert content["device_key"].encode() not in raw
    wipe(content)
    call_command("restore_portal", str(archive), yes=True, verbosity=0)
    admin = django_user_model.objects.get(username="admin")
    assert admin.check_password("a-long-test-password")
    assert not TOTPDevice.objects.exists()  # the admin asks for a new authenticator at login
    assert not user_has_device(admin, confirmed=True)


def test_with_a_key_the_archive_is_encrypted_and_complete(tmp_path, content, settings):
    settings.BACKUP_ENCRYPTION_KEY = Fernet.generate_key().decode()
    archive = tmp_path / "backup.tar.gz.enc"
    call_command("backup_portal", output=str(archive), verbosity=0)
    raw = archive.read_bytes()
    assert content["device_key"].encode() not in raw and b"pbkdf2_sha256" not in raw
    with pytest.raises(tarfile.TarError):
        tarfile.open(archive)
    wipe(content)

    key = settings.BACKUP_ENCRYPTION_KEY
    settings.BACKUP_ENCRYPTION_KEY = ""
    with pytest.raises(CommandError, match="encrypted"):
        call_command("restore_portal", str(archive), yes=True, verbosity=0)
    settings.BACKUP_ENCRYPTION_KEY = Fernet.generate_key().decode()
    with pytest.raises(CommandError, match="wrong BACKUP_ENCRYPTION_KEY"):
        call_command("restore_portal", str(archive), yes=True, verbosity=0)
    cut = tmp_path / "cut.enc"
    cut.write_bytes(raw[: len(raw) // 2])
    settings.BACKUP_ENCRYPTION_KEY = key
    with pytest.raises(CommandError):
        call_command("restore_portal", str(cut), yes=True, verbosity=0)
    assert Document.objects.count() == 0  # nothing changed

    call_command("restore_portal", str(archive), yes=True, verbosity=0)
    assert TOTPDevice.objects.get().key == content["device_key"]
    assert Document.objects.filter(title_fr="Rapport financier 2021").exists()


def _with_manifest(archive, target, change):
    with tarfile.open(archive, "r:gz") as source, tarfile.open(target, "w:gz") as out:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == "manifest.json":
                manifest = json.loads(data)
                change(manifest)
                data = json.dumps(manifest).encode()
                member.size = len(data)
            out.addfile(member, io.BytesIO(data))


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda m: m.update(engine="oracle"), "restore it on the same engine"),
        (lambda m: m["migrations"].append(["association", "9999_future"]), "association.9999_future"),
        (lambda m: m["migrations"].remove(["association", "0001_initial"]), "not applied in the archive"),
    ],
    ids=["engine", "extra migration", "missing migration"],
)
def test_restore_refuses_another_engine_or_other_migrations(tmp_path, change, message):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup_portal", output=str(archive), verbosity=0)
    DocumentFactory(title_ar="باق")
    tampered = tmp_path / "tampered.tar.gz"
    _with_manifest(archive, tampered, change)
    with pytest.raises(CommandError, match=message):
        call_command("restore_portal", str(tampered), yes=True, verbosity=0)
    assert Document.objects.filter(title_ar="باق").exists()


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path):
    bogus = tmp_path / "bogus.tar.gz"
    with tarfile.open(bogus, "w:gz") as archive:
        note = tmp_path / "note.txt"
        note.write_text("hello")
        archive.add(note, arcname="note.txt")
    with pytest.raises(CommandError):
        call_command("restore_portal", str(bogus), yes=True, verbosity=0)


def test_the_database_is_copied_by_the_engines_own_tool(tmp_path):
    from django.db import connection

    archive = tmp_path / "backup.tar.gz"
    call_command("backup_portal", output=str(archive), verbosity=0)
    with tarfile.open(archive, "r:gz") as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        head = tar.extractfile("database").read(16)
    assert manifest["engine"] == connection.vendor
    assert head.startswith(b"PGDMP" if connection.vendor == "postgresql" else b"SQLite format 3")
    assert {"django_session", "otp_totp_totpdevice"} <= set(manifest["left_out"])
