"""The admin pages of third-party apps in the portal's languages.

django-otp (authenticator apps and backup codes) names its fields, help texts and fieldsets in
English without marking them for translation, and django-mailer's admin names two columns and
its placeholders the same way. Their models' labels are given to gettext here, when the admin is
ready (the translations are in the project's catalogue, locale/), and their admins are registered
again with translated fieldsets and columns. Verbose names and help texts do not reach the
database, so no migration of these apps changes.
"""

from axes.models import AccessAttempt, AccessAttemptExpiration, AccessFailureLog, AccessLog
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User
from django.template.loader import render_to_string
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.admin import StaticDeviceAdmin, StaticTokenInline
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin
from django_otp.plugins.otp_totp.models import TOTPDevice
from easy_thumbnails.models import Source, Thumbnail, ThumbnailDimensions
from mailer import admin as mailer_admin
from mailer.models import DontSendEntry, Message, MessageLog

# The English of these apps that gettext is given at run time: listed for the catalogue's tools.
ENGLISH = [
    # Worded by the portal where the apps' own catalogues are missing or Levantine (django-mailer,
    # django-axes, Django's password and inline screens): listed so that make messages keeps them.
    gettext_noop("don't send entry"),
    gettext_noop("don't send entries"),
    gettext_noop("message ID"),
    gettext_noop("message log"),
    gettext_noop("message logs"),
    gettext_noop("messages"),
    gettext_noop("Locked Out"),
    gettext_noop("access attempt expiration"),
    gettext_noop("access attempt expirations"),
    gettext_noop("Raw passwords are not stored, so there is no way to see the user’s password."),
    gettext_noop("Password-based authentication"),
    gettext_noop("Enabled"),
    gettext_noop("Disabled"),
    gettext_noop("Reset password"),
    gettext_noop("Set password"),
    gettext_noop(
        "Whether the user will be able to authenticate using a password or not. If disabled, they may still be able to authenticate using other backends, such as Single Sign-On or LDAP."
    ),
    gettext_noop("algorithm"),
    gettext_noop("hash"),
    gettext_noop("iterations"),
    gettext_noop("salt"),
    gettext_noop("Add another %(model)s"),
    gettext_noop("Add another %(verbose_name)s"),
    gettext_noop("user"),
    gettext_noop("name"),
    gettext_noop("confirmed"),
    gettext_noop("The user that this device belongs to."),
    gettext_noop("The human-readable name of this device."),
    gettext_noop("Is this device ready for use?"),
    gettext_noop("throttling failure timestamp"),
    gettext_noop("A timestamp of the last failed verification attempt. Null if last attempt succeeded."),
    gettext_noop("throttling failure count"),
    gettext_noop("Number of successive failed attempts."),
    gettext_noop("created at"),
    gettext_noop("The date and time when this device was initially created in the system."),
    gettext_noop("last used at"),
    gettext_noop("The most recent date and time this device was used."),
    gettext_noop("key"),
    gettext_noop("A hex-encoded secret key of up to 40 bytes."),
    gettext_noop("step"),
    gettext_noop("The time step in seconds."),
    gettext_noop("t0"),
    gettext_noop("The Unix time at which to begin counting steps."),
    gettext_noop("digits"),
    gettext_noop("The number of digits to expect in a token."),
    gettext_noop("tolerance"),
    gettext_noop("The number of time steps in the past or future to allow."),
    gettext_noop("drift"),
    gettext_noop("The number of time steps the prover is known to deviate from our clock."),
    gettext_noop("last t"),
    gettext_noop("The t value of the latest verified token. The next token must be at a higher time step."),
    gettext_noop("TOTP device"),
    gettext_noop("TOTP devices"),
    gettext_noop("static device"),
    gettext_noop("static devices"),
    gettext_noop("device"),
    gettext_noop("token"),
    gettext_noop("static token"),
    gettext_noop("static tokens"),
    gettext_noop("Identity"),
    gettext_noop("Timestamps"),
    gettext_noop("Configuration"),
    gettext_noop("State"),
    gettext_noop("Throttling"),
    gettext_noop("message data"),
    gettext_noop("when added"),
    gettext_noop("priority"),
    gettext_noop("retry count"),
    gettext_noop("to address"),
    gettext_noop("message id"),
    gettext_noop("when attempted"),
    gettext_noop("result"),
    gettext_noop("log message"),
    gettext_noop("plain text body"),
    gettext_noop("ID"),
    gettext_noop("high"),
    gettext_noop("medium"),
    gettext_noop("low"),
    gettext_noop("deferred"),
    gettext_noop("success"),
    gettext_noop("don't send"),
    gettext_noop("failure"),
    gettext_noop("source"),
    gettext_noop("sources"),
    gettext_noop("thumbnail"),
    gettext_noop("thumbnails"),
    gettext_noop("thumbnail dimensions"),
    gettext_noop("thumbnail dimensionss"),
    # Worded again where these apps' own French keeps their English (django-axes) or misspells it
    # (django-import-export); the portal's catalogue comes first.
    gettext_noop("User Agent"),
    gettext_noop("HTTP Accept"),
    gettext_noop("Export selected %(verbose_name_plural)s"),
]


def _translated(text):
    return _(text) if text and isinstance(text, str) else text


def translate_model_labels(*models):
    """Let gettext translate the English labels these models were declared with."""
    for model in models:
        opts = model._meta
        if "verbose_name_plural" not in opts.original_attrs and isinstance(opts.verbose_name, str):
            # Django made the plural "<verbose name>s" lazily; it is given to gettext whole (the
            # catalogue has it from the list above; a variable, so makemessages skips it).
            plural = f"{opts.verbose_name}s"
            opts.verbose_name_plural = _(plural)
        opts.verbose_name = _translated(opts.verbose_name)
        opts.verbose_name_plural = _translated(opts.verbose_name_plural)
        for field in opts.get_fields():
            if not hasattr(field, "verbose_name"):
                continue  # a reverse relation
            field.verbose_name = _translated(field.verbose_name)
            field.help_text = _translated(field.help_text)
            if field.choices:
                field.choices = [(value, _translated(label)) for value, label in field.choices]


class TranslatedFieldsets:
    def get_fieldsets(self, request, obj=None):
        return [
            (gettext(name) if name else name, options)
            for name, options in super().get_fieldsets(request, obj)
        ]


class PortalTOTPDeviceAdmin(TranslatedFieldsets, TOTPDeviceAdmin):
    search_help_text = _("Search by the user's name or e-mail address.")

    @admin.display(description=_("QR code"))
    def qrcode_link(self, device):
        return render_to_string("admin/otp_qrcode_link.html", {"device": device})


class PortalStaticTokenInline(StaticTokenInline):
    verbose_name = _("backup code (stored encrypted)")
    verbose_name_plural = _("backup codes (stored encrypted)")


class PortalStaticDeviceAdmin(TranslatedFieldsets, StaticDeviceAdmin):
    search_help_text = _("Search by the user's name or e-mail address.")
    inlines = [PortalStaticTokenInline]


@admin.display(description=_("To"))
def show_to(message):
    return ", ".join(message.to_addresses) if message.email else gettext("message data unavailable")


@admin.display(description=_("Subject"))
def show_subject(message):
    return message.subject if message.email else gettext("message data unavailable")


class PlainTextBody:
    @admin.display(description=_("plain text body"))
    def plain_text_body(self, instance):
        body = getattr(instance.email, "body", None)
        return body if body is not None else gettext("cannot be read")


class PortalMessageAdmin(PlainTextBody, mailer_admin.MessageAdmin):
    list_display = ["id", show_to, show_subject, "when_added", "priority", "retry_count"]

    @admin.action(description=_("Send the chosen messages now"))
    def send_messages(self, request, queryset):
        return super().send_messages(request, queryset)


class PortalMessageLogAdmin(PlainTextBody, mailer_admin.MessageLogAdmin):
    list_display = ["id", show_to, show_subject, "message_id", "when_attempted", "result"]


def register(site):
    """Replace these apps' admins on ``site`` with the translated ones."""
    translate_model_labels(TOTPDevice, StaticDevice, StaticToken, Message, DontSendEntry, MessageLog)
    translate_model_labels(Source, Thumbnail, ThumbnailDimensions, AccessAttemptExpiration)
    translate_strings()
    for model, model_admin in (
        (Group, PortalGroupAdmin),
        (User, PortalUserAdmin),
        (TOTPDevice, PortalTOTPDeviceAdmin),
        (StaticDevice, PortalStaticDeviceAdmin),
        (Message, PortalMessageAdmin),
        (MessageLog, PortalMessageLogAdmin),
    ):
        if site.is_registered(model):
            site.unregister(model)
        site.register(model, model_admin)


PERMISSION_ACTIONS = {
    "add": _("Can add %(model)s"),
    "change": _("Can change %(model)s"),
    "delete": _("Can delete %(model)s"),
    "view": _("Can view %(model)s"),
}


def permission_label(permission):
    """A permission as the admin lists it, in the reader's language.

    Django stores the four default permissions' names in English ("Can add person"); they are
    worded again from the model's translated name, and other permissions' names given to gettext.
    """
    model = permission.content_type.model_class()
    action = permission.codename.split("_", 1)[0]
    if (
        model is not None
        and permission.codename == f"{action}_{model._meta.model_name}"
        and action in PERMISSION_ACTIONS
    ):
        original = getattr(model, "instance_type", None)  # a django-simple-history model
        if original is not None:
            model_name = gettext("history of %(model)s") % {"model": original._meta.verbose_name_plural}
        else:
            model_name = model._meta.verbose_name
        name = PERMISSION_ACTIONS[action] % {"model": model_name}
    else:
        name = gettext(permission.name)
    app = apps.get_app_config(permission.content_type.app_label).verbose_name if model else ""
    return f"{app} | {name}" if app else name


class TranslatedPermissions:
    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name in {"permissions", "user_permissions"} and field is not None:
            field.label_from_instance = permission_label
        return field


class PortalGroupAdmin(TranslatedPermissions, GroupAdmin):
    pass


class PortalUserAdmin(TranslatedPermissions, UserAdmin):
    pass


def _axes_str(template):
    def __str__(self):
        return gettext(template) % {
            "user": self.username,
            "time": date_format(localtime(self.attempt_time), "DATETIME_FORMAT"),
        }

    return __str__


def _mail_str(moment_field):
    def __str__(self):
        email = self.email
        moment = date_format(localtime(getattr(self, moment_field)), "DATETIME_FORMAT")
        if not email:
            return gettext("Message of %(time)s (its content cannot be read)") % {"time": moment}
        return gettext("“%(subject)s”, %(time)s") % {"subject": email.subject, "time": moment}

    return __str__


def _static_token_str(self):
    return gettext("backup code (stored encrypted)")


def translate_strings():
    """django-axes, django-mailer and django-otp name their rows in English in Python; they are
    named here in the reader's language."""
    Message.__str__ = _mail_str("when_added")
    MessageLog.__str__ = _mail_str("when_attempted")
    StaticToken.__str__ = _static_token_str
    AccessAttempt.__str__ = _axes_str(gettext_noop("Failed sign-in of %(user)s, %(time)s"))
    AccessLog.__str__ = _axes_str(gettext_noop("Sign-in of %(user)s, %(time)s"))
    AccessFailureLog.__str__ = _axes_str(gettext_noop("Failed sign-in of %(user)s, %(time)s"))
