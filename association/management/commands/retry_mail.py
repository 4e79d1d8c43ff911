from django.core.management.base import BaseCommand

from portal import mail


class Command(BaseCommand):
    help = "Send the e-mails kept while the mail server was unavailable (run every few minutes)."

    def handle(self, *args, **options):
        sent, left = mail.retry()
        self.stdout.write(f"Sent {sent} spooled message(s); {left} left.")
