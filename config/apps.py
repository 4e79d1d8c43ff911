from django.contrib.admin.apps import AdminConfig


class PortalAdminConfig(AdminConfig):
    """The admin, on the portal's own site class (two-factor authentication for staff)."""

    default_site = "config.admin_site.PortalAdminSite"
