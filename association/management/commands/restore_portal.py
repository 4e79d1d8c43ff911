import shutil
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    """Replace the portal's content and media files with those of a backup archive.

    The database is emptied and reloaded in one transaction: if the archive is damaged,
    nothing changes. Media files are put in place only after the data loaded.
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
            media_root = Path(settings.MEDIA_ROOT)
            if media_root.exists():
                shutil.rmtree(media_root)
            source = Path(tmp) / "media"
            if source.exists():
                shutil.copytree(source, media_root)
            else:
                media_root.mkdir(parents=True, exist_ok=True)
        self.stdout.write(self.style.SUCCESS(f"Restored {path}."))
