from django.contrib.admin.apps import AdminConfig


class PortalAdminConfig(AdminConfig):
    """The admin, on the portal's own site class (two-factor authentication for staff)."""

    default_site = "config.admin_site.PortalAdminSite"

    def ready(self):
        super().ready()
        from association.admin_filters import use_checked_related_filters

        use_checked_related_filters()
