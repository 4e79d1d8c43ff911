import importlib

from django.core.management.base import BaseCommand
from django.db import transaction

from association.demo import ASSOCIATIONS

# Each app with demo content has a ``demo`` package whose ``load(association_key)`` reads its
# ``<association>.yaml`` (portal.demodata) and upserts the rows; the order
# follows the dependencies (people before bureau seats, the electing general assembly before
# the bureau's mandate, events before training sessions, organisations and networks before
# the news relayed from them, the calendar before the press items that report its events).
DEMO_APPS = ["association", "members", "events", "bureau", "training", "press", "assembly"]


class Command(BaseCommand):
    help = "Load the demo content transcribed from the source documents (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--association",
            choices=sorted(ASSOCIATIONS),
            default="ampcp",
            help="Which association from the sources the portal presents (default: ampcp).",
        )

    @transaction.atomic
    def handle(self, *args, association, **options):
        for app in DEMO_APPS:
            try:
                module = importlib.import_module(f"{app}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"{app}.demo":
                    raise
                continue
            summary = module.load(association)
            self.stdout.write(f"{app}: {summary}")
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded for {association}."))
