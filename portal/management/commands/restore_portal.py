import json
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.files import File
from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError

from portal import backups
from portal.private_media import PRIVATE_STORAGE_ALIAS, shadowed_folder
from portal.storage import stored_files


class Command(BaseCommand):
    """Replace the portal's database and media files with those of a backup archive.

    The archive must come from the same database engine and the same migrations as the running
    release; the database is then replaced in one transaction (a damaged archive changes
    nothing), and the media files after it, through the media storage (disk or bucket), and the
    private files through theirs (portal.private_media).
    """

    help = "Restore a backup made by backup_portal (replaces all content)."

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, archive, yes=False, **options):
        path = Path(archive)
        if not path.is_file():
            raise CommandError(f"No archive at {path}.")
        with tempfile.TemporaryDirectory() as tmp:  # mode 0700: the decrypted copy stays private
            try:
                manifest = self._unpack(path, Path(tmp))
                backups.check_compatible(manifest)
            except backups.BackupError as error:
                raise CommandError(str(error)) from error
            if not yes and input("This replaces all content. Type 'yes' to continue: ") != "yes":
                raise CommandError("Restore cancelled.")
            try:
                backups.restore_database(Path(tmp) / "database")
            except backups.BackupError as error:
                raise CommandError(f"{error} The database was left as it was.") from error
            public, private = storages["default"], storages[PRIVATE_STORAGE_ALIAS]
            self._restore_media(Path(tmp) / "media", public, skip=shadowed_folder(public, private))
            self._restore_media(Path(tmp) / "private", private)
        if not manifest["two_factor_secrets"]:
            self.stdout.write(
                self.style.WARNING(
                    "The archive held no two-factor secrets: staff enrol their authenticator again at "
                    "their next login."
                )
            )
        self.stdout.write(self.style.SUCCESS(f"Restored {path}."))

    def _unpack(self, path, tmp):
        if backups.is_encrypted(path):
            if not settings.BACKUP_ENCRYPTION_KEY:
                raise backups.BackupError(
                    "The archive is encrypted: set BACKUP_ENCRYPTION_KEY to restore it."
                )
            plain = tmp / "archive.tar.gz"
            backups.decrypt(path, plain, settings.BACKUP_ENCRYPTION_KEY)
        else:
            plain = path
        try:
            with tarfile.open(plain, "r:gz") as tar:
                for member in tar.getmembers():
                    name = PurePosixPath(member.name)
                    if name.is_absolute() or ".." in name.parts or not (member.isfile() or member.isdir()):
                        raise backups.BackupError(f"Unsafe path in archive: {member.name}")
                tar.extractall(tmp, filter="data")
        except (tarfile.TarError, OSError, EOFError) as error:
            raise backups.BackupError(f"Not a readable backup archive ({error}).") from error
        manifest = tmp / "manifest.json"
        if not manifest.is_file() or not (tmp / "database").is_file():
            raise backups.BackupError("The archive has no manifest.json and database: not a portal backup.")
        return json.loads(manifest.read_text())

    def _restore_media(self, source, storage, skip=None):
        """Replace what ``storage`` (the local disk or the bucket) holds by the archive's ``source``."""
        for name in list(stored_files(storage, skip=skip)):
            storage.delete(name)
        for file in sorted(source.rglob("*")) if source.exists() else []:
            if not file.is_file():
                continue
            name = file.relative_to(source).as_posix()
            with file.open("rb") as handle:
                saved = storage.save(name, File(handle, name=name))
            if saved != name:
                raise CommandError(f"Media file {name} was stored as {saved}: restore it by hand.")
