from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_otp import devices_for_user


class Command(BaseCommand):
    help = (
        "Remove a user's two-factor devices (authenticator app and backup codes), for someone who "
        "has lost both. A superuser is then asked to set up a new authenticator at the next "
        "sign-in: check who is asking before running it, and consider resetting the password too."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get_by_natural_key(username)
        except User.DoesNotExist as exc:
            raise CommandError(f"No user named {username!r}.") from exc
        with transaction.atomic():
            devices = list(devices_for_user(user, confirmed=None))
            for device in devices:
                device.delete()
        self.stdout.write(f"Removed {len(devices)} two-factor device(s) of {user.get_username()}.")
