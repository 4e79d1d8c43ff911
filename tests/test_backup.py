"""Backup, wipe, restore: the same rows and the same files come back."""

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError

from association.models import Document
from tests.factories import DocumentFactory


def counts():
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label in {"association", "members", "bureau", "events", "training", "auth"}
        and model._meta.model_name != "permission"
    }


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_round_trip(tmp_path, settings, django_user_model):
    call_command("load_demo", verbosity=0)
    django_user_model.objects.create_user("secretary", password="a-long-password-2026")
    document = DocumentFactory(title_ar="التقرير المالي 2021")
    stored_name = document.file.name
    original_bytes = (settings.MEDIA_ROOT / stored_name).read_bytes()
    before = counts()
    archive = tmp_path / "backup.tar.gz"
    call_command("backup_portal", output=str(archive), verbosity=0)

    call_command("flush", interactive=False, verbosity=0)
    (settings.MEDIA_ROOT / stored_name).unlink()
    assert Document.objects.count() == 0

    call_command("restore_portal", str(archive), yes=True, verbosity=0)
    assert counts() == before
    restored = Document.objects.get(title_ar="التقرير المالي 2021")
    assert restored.file.name == stored_name
    assert (settings.MEDIA_ROOT / stored_name).read_bytes() == original_bytes
    assert django_user_model.objects.get(username="secretary").check_password("a-long-password-2026")


@pytest.mark.django_db
def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path):
    import tarfile

    bogus = tmp_path / "bogus.tar.gz"
    with tarfile.open(bogus, "w:gz") as archive:
        note = tmp_path / "note.txt"
        note.write_text("hello")
        archive.add(note, arcname="note.txt")
    with pytest.raises(CommandError):
        call_command("restore_portal", str(bogus), yes=True, verbosity=0)
