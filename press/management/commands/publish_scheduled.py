"""Bring the stored status of due scheduled press items up to date (optional, for the record).

The public already sees a scheduled item from its time on (``PressRelease.objects.published()``
reads the date), so nothing depends on this command running; it only makes the admin's status
column say "published" for items whose time has come.
"""

from django.core.management.base import BaseCommand

from press.models import PressRelease


class Command(BaseCommand):
    help = "Mark scheduled press releases and news whose time has come as published."

    def handle(self, *args, **options):
        count = PressRelease.objects.due().update(status=PressRelease.Status.PUBLISHED)
        if options["verbosity"]:
            self.stdout.write(f"{count} scheduled item(s) marked as published.")
