from axes.apps import AppConfig as AxesConfig
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.apps import DefaultConfig as StaticConfig
from django_otp.plugins.otp_totp.apps import DefaultConfig as TOTPConfig


class PortalAdminConfig(AdminConfig):
    """The admin, on the portal's own site class (two-factor authentication for staff)."""

    default_site = "config.admin_site.PortalAdminSite"

    def ready(self):
        super().ready()
        from association.admin_filters import use_checked_related_filters

        use_checked_related_filters()
        from portal.admin_fields import translate_boolean_icons

        translate_boolean_icons()


class AuthenticatorAppsConfig(TOTPConfig):
    """django-otp's TOTP devices, under a name the admin can translate (it has none)."""

    verbose_name = _("Authenticator apps")


class BackupCodesConfig(StaticConfig):
    """django-otp's static tokens (the portal's backup codes), under a translated name."""

    verbose_name = _("Backup codes")


class LoginAttemptsConfig(AxesConfig):
    """django-axes (login attempts and lockouts), under a translated name (it has none)."""

    verbose_name = _("Login attempts")
