import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from django.core.files import File
from django.core.files.storage import storages
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from portal.storage import stored_files


class Command(BaseCommand):
    """Replace the portal's content and media files with those of a backup archive.

    The database is emptied and reloaded in one transaction: if the archive is damaged,
    nothing changes. Media files are put in place only after the data loaded, through the media
    storage (the local disk or an S3 bucket), replacing what it held.
    """

    help = "Restore a backup made by backup_portal (replaces all content)."

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, archive, yes=False, **options):
        path = Path(archive)
        if not path.is_file():
            raise CommandError(f"No archive at {path}.")
        if not yes and input("This replaces all content. Type 'yes' to continue: ") != "yes":
            raise CommandError("Restore cancelled.")
        with tempfile.TemporaryDirectory() as tmp, tarfile.open(path, "r:gz") as tar:
            for member in tar.getmembers():
                name = PurePosixPath(member.name)
                if name.is_absolute() or ".." in name.parts or not (member.isfile() or member.isdir()):
                    raise CommandError(f"Unsafe path in archive: {member.name}")
            tar.extractall(tmp, filter="data")
            data = Path(tmp) / "data.json"
            if not data.is_file():
                raise CommandError("The archive has no data.json: not a portal backup.")
            with transaction.atomic():
                # post_migrate recreates content types and permissions, which the data refers to.
                call_command("flush", interactive=False, verbosity=0)
                call_command("loaddata", str(data), verbosity=0)
            storage = storages["default"]  # the local disk or the bucket
            for name in list(stored_files(storage)):
                storage.delete(name)
            source = Path(tmp) / "media"
            for file in sorted(source.rglob("*")) if source.exists() else []:
                if not file.is_file():
                    continue
                name = file.relative_to(source).as_posix()
                with file.open("rb") as handle:
                    saved = storage.save(name, File(handle, name=name))
                if saved != name:
                    raise CommandError(f"Media file {name} was stored as {saved}: restore it by hand.")
        self.stdout.write(self.style.SUCCESS(f"Restored {path}."))
