import io
import json
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.files.storage import storages
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone

from portal.storage import stored_files

# Rebuilt by migrations, or transient: not part of a backup.
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "admin.logentry", "easy_thumbnails"]


class Command(BaseCommand):
    """Write the whole portal — database content and uploaded files — to one .tar.gz.

    The data is Django's own serialisation with natural keys, so a backup taken on SQLite
    restores on PostgreSQL and the reverse. The files are read through the media storage, the
    local disk or an S3 bucket alike. For very large databases, pg_dump is faster; this command
    is the one whose round trip the tests prove.
    """

    help = "Back up the database content and media files to a .tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="Archive path (default: backups/portal-<timestamp>.tar.gz).")

    def handle(self, *args, output=None, **options):
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        path = Path(output or Path(settings.BASE_DIR) / "backups" / f"portal-{stamp}.tar.gz")
        path.parent.mkdir(parents=True, exist_ok=True)
        data = io.StringIO()
        call_command(
            "dumpdata",
            exclude=EXCLUDED,
            natural_foreign=True,
            natural_primary=False,
            indent=None,
            stdout=data,
        )
        payload = data.getvalue().encode()
        storage = storages["default"]
        files = list(stored_files(storage))
        with tarfile.open(path, "w:gz") as archive:
            info = tarfile.TarInfo("data.json")
            info.size = len(payload)
            archive.addfile(info, io.BytesIO(payload))
            manifest = json.dumps({"created": stamp, "media_files": len(files)}).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(manifest)
            archive.addfile(info, io.BytesIO(manifest))
            for name in files:
                with storage.open(name, "rb") as handle:
                    content = handle.read()
                info = tarfile.TarInfo(f"media/{name}")
                info.size = len(content)
                archive.addfile(info, io.BytesIO(content))
        self.stdout.write(self.style.SUCCESS(f"Backup written to {path} ({len(files)} media files)."))
