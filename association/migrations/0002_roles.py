from django.contrib.auth.management import create_permissions
from django.db import migrations


def create_roles(apps, schema_editor):
    """Create the Secretariat and Communication groups with their permissions.

    Permissions are normally created after all migrations (post_migrate); create them now so
    the groups start complete. ``portal.roles.sync_roles_after_migrate`` keeps them in
    step with models that later migrations add.
    """
    from portal.roles import sync_roles

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


def remove_roles(apps, schema_editor):
    from portal.roles import COMMUNICATION, SECRETARIAT

    apps.get_model("auth", "Group").objects.filter(name__in=[SECRETARIAT, COMMUNICATION]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("association", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
