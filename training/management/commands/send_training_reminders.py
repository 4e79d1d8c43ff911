from django.conf import settings
from django.core.management.base import BaseCommand

from training.services import reminders_send


class Command(BaseCommand):
    help = (
        "E-mail a reminder to everyone registered for a training session starting within the next "
        "DAYS days (run daily by cron). Safe to rerun: nobody gets the same reminder twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=getattr(settings, "TRAINING_REMINDER_DAYS", 3),
            help="How many days before the session (default: the TRAINING_REMINDER_DAYS setting, else 3).",
        )

    def handle(self, *args, days, **options):
        sent = reminders_send(days=days)
        self.stdout.write(f"{sent} reminder(s) sent.")
