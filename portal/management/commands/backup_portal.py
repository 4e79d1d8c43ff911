import io
import json
import os
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from portal import backups
from portal.private_media import PRIVATE_STORAGE_ALIAS, shadowed_folder
from portal.storage import stored_files


class Command(BaseCommand):
    """Write the whole portal — database and uploaded files — to one archive only its owner reads.

    The database is copied by its engine's own tool (pg_dump, SQLite's backup API), so a restore
    is exact: every table, every timestamp to the microsecond, every translation in its own
    field. The files are read through the media storage, the local disk or an S3 bucket alike, and
    the private files (portal.private_media) through theirs, into ``media/`` and ``private/``.
    With BACKUP_ENCRYPTION_KEY the archive is encrypted and complete; without it the two-factor
    secrets are left out (see portal.backups).
    """

    help = "Back up the database and media files to an archive (mode 0600, encrypted with a key)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", help="Archive path (default: backups/portal-<timestamp>.tar.gz, .enc when encrypted)."
        )

    def handle(self, *args, output=None, **options):
        key = settings.BACKUP_ENCRYPTION_KEY
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        if output:
            path = Path(output)
        else:
            folder = Path(settings.BASE_DIR) / "backups"
            folder.mkdir(mode=0o700, exist_ok=True)
            path = folder / f"portal-{stamp}.tar.gz{'.enc' if key else ''}"
        try:
            files = self._write(path, key, stamp)
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        if key:
            self.stdout.write(
                self.style.SUCCESS(f"Encrypted backup written to {path} ({files} media files).")
            )
        else:
            self.stdout.write(
                self.style.WARNING(
                    "No BACKUP_ENCRYPTION_KEY: two-factor secrets are left out (superusers enrol their "
                    "authenticator again after a restore); password hashes are in the archive, "
                    "readable by its owner only."
                )
            )
            self.stdout.write(self.style.SUCCESS(f"Backup written to {path} ({files} media files)."))

    def _write(self, path, key, stamp):
        storage, private = storages["default"], storages[PRIVATE_STORAGE_ALIAS]
        folders = [
            ("media", storage, list(stored_files(storage, skip=shadowed_folder(storage, private)))),
            ("private", private, list(stored_files(private))),
        ]
        names = [name for _folder, _storage, listed in folders for name in listed]
        with tempfile.TemporaryDirectory() as tmp:  # mode 0700
            database = Path(tmp) / "database"
            backups.dump_database(database, with_secrets=bool(key))
            manifest = {
                "format": backups.FORMAT,
                "engine": backups.engine(),
                "created": stamp,
                "migrations": backups.applied_migrations(),
                "media_files": len(folders[0][2]),
                "private_files": len(folders[1][2]),
                "two_factor_secrets": bool(key),
                "left_out": backups.transient_tables() + ([] if key else backups.secret_tables()),
            }
            # Written beside the target and renamed into place: created 0600, never half-written.
            partial = path.with_name(f".{path.name}.partial")
            try:
                with backups.private_file(partial) as raw:
                    sink = backups.EncryptingWriter(raw, key) if key else raw
                    with tarfile.open(fileobj=sink, mode="w|gz") as archive:
                        _add_bytes(archive, "manifest.json", json.dumps(manifest, indent=1).encode())
                        archive.add(database, arcname="database", recursive=False)
                        for folder, source, listed in folders:
                            for name in listed:
                                with source.open(name, "rb") as handle:
                                    content = handle.read()
                                _add_bytes(archive, f"{folder}/{name}", content)
                    if key:
                        sink.close()
                os.replace(partial, path)
            finally:
                partial.unlink(missing_ok=True)
        return len(names)


def _add_bytes(archive, name, content):
    info = tarfile.TarInfo(name)
    info.size = len(content)
    info.mode = 0o600
    archive.addfile(info, io.BytesIO(content))
