from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate, pre_save


class PortalConfig(AppConfig):
    """The shared kernel: no feature of its own, only what every app's data goes through."""

    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        from portal import roles, text

        # Text never keeps bidi override characters (spoofing), whatever model stores it.
        pre_save.connect(text.strip_bidi_controls_on_save, dispatch_uid="association.strip_bidi")

        # Roles get the permissions of models that later migrations add.
        post_migrate.connect(roles.sync_roles_after_migrate, dispatch_uid="association.sync_roles")


class PortalAdminConfig(admin_apps.AdminConfig):
    """The admin, on the portal's own site class (two-factor authentication for staff)."""

    default = False  # "portal" alone names PortalConfig
    default_site = "portal.admin_site.PortalAdminSite"
