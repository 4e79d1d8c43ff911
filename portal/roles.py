"""The admin roles, as groups whose permissions follow the models.

*Secretariat* runs the association day to day: every model of the portal's own apps, but
not user accounts nor the association's settings (its profile), which it may only view.
*Communication* publishes: press, news, documents and partners.

A migration creates the groups; ``post_migrate`` re-applies the rules so that models added
later (members, bureau, events, training, press) are covered without another data migration.
"""

SECRETARIAT = "Secretariat"
COMMUNICATION = "Communication"

# The apps whose models the roles cover; each app registers itself in its AppConfig.ready().
PORTAL_APPS = []

# Models that are the portal's settings: the secretariat sees them but does not change them.
SETTINGS_MODELS = set()

# Models the Communication role manages, by "app_label.model_name".
COMMUNICATION_MODELS = set()


def register_models(app, communication=(), settings=()):
    """Put ``app``'s models under the roles; call it from the app's ``AppConfig.ready()``.

    ``communication`` and ``settings`` name models (lower case) of ``app`` that the
    Communication role manages, and that the Secretariat may only view.
    """
    if app not in PORTAL_APPS:
        PORTAL_APPS.append(app)
    COMMUNICATION_MODELS.update(f"{app}.{model}" for model in communication)
    SETTINGS_MODELS.update(f"{app}.{model}" for model in settings)


def _label(permission):
    return f"{permission.content_type.app_label}.{permission.content_type.model}"


def role_permissions(Permission):
    """Return {group name: permission queryset} computed from the rules above."""
    portal = Permission.objects.filter(content_type__app_label__in=PORTAL_APPS).select_related("content_type")
    secretariat = [p.pk for p in portal if _label(p) not in SETTINGS_MODELS or p.codename.startswith("view_")]
    communication = [p.pk for p in portal if _label(p) in COMMUNICATION_MODELS]
    return {
        SECRETARIAT: Permission.objects.filter(pk__in=secretariat),
        COMMUNICATION: Permission.objects.filter(pk__in=communication),
    }


def sync_roles(Group, Permission):
    for name, permissions in role_permissions(Permission).items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set(permissions)


def sync_roles_after_migrate(sender, using="default", apps=None, **kwargs):
    if apps is None:
        return
    try:
        Group = apps.get_model("auth", "Group")
        Permission = apps.get_model("auth", "Permission")
    except LookupError:
        return
    if not Group.objects.using(using).filter(name__in=[SECRETARIAT, COMMUNICATION]).exists():
        return  # the roles migration has not run yet
    sync_roles(Group, Permission)
