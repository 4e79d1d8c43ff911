import getpass
import os

from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from portal.roles import COMMUNICATION, SECRETARIAT

ROLES = {"secretariat": SECRETARIAT, "communication": COMMUNICATION}


class Command(BaseCommand):
    help = (
        "Create or update a staff account in a role (Secretariat or Communication). The password "
        "is asked for, or read from the STAFF_PASSWORD environment variable when not interactive."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument("--role", choices=sorted(ROLES), required=True)

    def handle(self, *args, username, email, role, **options):
        User = get_user_model()
        user, created = User.objects.get_or_create(username=username, defaults={"email": email})
        password = os.environ.get("STAFF_PASSWORD")
        if password is None:
            if not options.get("interactive", True) or not os.isatty(0):
                raise CommandError("Set STAFF_PASSWORD or run the command in a terminal.")
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                raise CommandError("The passwords do not match.")
        try:
            password_validation.validate_password(password, user)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        user.set_password(password)
        user.is_staff = True
        if email:
            user.email = email
        user.save()
        user.groups.add(Group.objects.get(name=ROLES[role]))
        verb = "Created" if created else "Updated"
        self.stdout.write(self.style.SUCCESS(f"{verb} staff account {username} ({ROLES[role]})."))
