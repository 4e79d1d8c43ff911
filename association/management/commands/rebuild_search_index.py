from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

# The models whose rows store search keys, saved again so that each recomputes its own keys
# (after a change to the analyser in portal/text.py, or rows written by raw SQL).
MODELS = ["press.PressRelease", "events.Event", "association.Document", "members.Person", "members.Council"]


class Command(BaseCommand):
    help = "Recompute the stored search keys of every searchable row (after an analyser change)."

    def handle(self, *args, **options):
        for label in MODELS:
            model = apps.get_model(label)
            count = 0
            with transaction.atomic():
                for row in model.objects.all().iterator(chunk_size=500):
                    if label == "events.Event":
                        row.refresh_search_key()
                    else:
                        row.save(
                            update_fields=["search_key"]
                            + (["search_title"] if hasattr(row, "search_title") else [])
                        )
                    count += 1
            self.stdout.write(f"{label}: {count} rows")
