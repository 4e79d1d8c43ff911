from django.contrib.admin.apps import AdminConfig


class PortalAdminConfig(AdminConfig):
    """The admin, on the portal's own site class (two-factor authentication for staff)."""

    default_site = "portal.admin_site.PortalAdminSite"
