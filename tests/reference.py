"""Reference data that data migrations load (territory, kinds of activity, admin roles).

A browser test runs against a live server, so its database is emptied (flushed) after it,
data migrations included. ``restore_reference_data`` puts that data back; every step is
idempotent, so it costs nothing when the data is there.
"""

import importlib


def restore_reference_data():
    from django.contrib.auth.models import Group, Permission

    from events.models import EventKind
    from members import territory
    from members.models import Council
    from portal import roles

    if not Council.objects.exists():
        territory.load(territory.current_apps())
    if not EventKind.objects.exists():
        importlib.import_module("events.migrations.0002_event_kinds").seed_kinds(
            territory.current_apps(), None
        )
    if not Group.objects.filter(name__in=[roles.SECRETARIAT, roles.COMMUNICATION]).count() == 2:
        roles.sync_roles(Group, Permission)
