from axes.apps import AppConfig as AxesConfig
from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate, pre_save
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.apps import DefaultConfig as StaticConfig
from django_otp.plugins.otp_totp.apps import DefaultConfig as TOTPConfig
from easy_thumbnails.apps import EasyThumbnailsConfig as ThumbnailsAppConfig
from mailer.apps import MailerConfig as MailerAppConfig


class PortalConfig(AppConfig):
    """The shared kernel: no feature of its own, only what every app's data goes through."""

    default = True  # this module holds other AppConfigs (the admin's, django-otp's renamed)
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

    def ready(self):
        super().ready()
        from django.contrib import admin

        from portal import admin_thirdparty
        from portal.admin_fields import translate_boolean_icons
        from portal.admin_filters import use_checked_related_filters

        use_checked_related_filters()
        translate_boolean_icons()
        admin_thirdparty.register(admin.site)


class AuthenticatorAppsConfig(TOTPConfig):
    """django-otp's TOTP devices, under a name the admin can translate (it has none)."""

    default = False
    verbose_name = _("Authenticator apps")


class BackupCodesConfig(StaticConfig):
    """django-otp's static tokens (the portal's backup codes), under a translated name."""

    default = False
    verbose_name = _("Backup codes")


class MailerConfig(MailerAppConfig):
    """django-mailer's queue of outgoing e-mail, under a translated name (it has none)."""

    default = False
    verbose_name = _("Outgoing e-mail")


class ThumbnailsConfig(ThumbnailsAppConfig):
    """easy-thumbnails' stored image sizes, under a translated name (its own is "Easy_Thumbnails")."""

    default = False
    verbose_name = _("Image thumbnails")


class LoginAttemptsConfig(AxesConfig):
    """django-axes (login attempts and lockouts), under a translated name (it has none)."""

    default = False
    verbose_name = _("Login attempts")
