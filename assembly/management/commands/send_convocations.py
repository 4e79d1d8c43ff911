from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from assembly import services
from assembly.models import Assembly


class Command(BaseCommand):
    help = (
        "E-mail the convocations of a general assembly that are not sent yet (resumable: run it "
        "again after an interruption or a mail server failure, it sends only the rest)."
    )

    def add_arguments(self, parser):
        parser.add_argument("assembly", type=int, help="The general assembly's number (id).")
        parser.add_argument(
            "--base-url",
            default=getattr(settings, "PORTAL_BASE_URL", "") or "http://127.0.0.1:8000",
            help="The portal's address, for the links to the personal pages.",
        )

    def handle(self, *args, assembly, base_url, **options):
        record = Assembly.objects.filter(pk=assembly).first()
        if record is None:
            raise CommandError(f"No general assembly {assembly}.")
        if record.status == Assembly.Status.PREPARATION:
            raise CommandError("Convene the members first (the admin's action).")
        sent, failed = services.send_convocations(assembly=record, base_url=base_url)
        post = record.convocations.for_post().count()
        self.stdout.write(f"sent: {sent}, failed: {failed}, by post: {post}")
