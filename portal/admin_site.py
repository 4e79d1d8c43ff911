"""The admin site with two-factor authentication (TOTP and backup codes, django-otp).

Staff may set up an authenticator app; once they have, the admin asks for its code at every
login, or for one of ten single-use backup codes (portal.backup_codes) made at set-up.
Superusers must set one up: after their password they are sent to the set-up page and see
nothing else of the admin until a code is confirmed (``PORTAL_SUPERUSER_2FA``, on by
default). Login attempts go through django-axes (``authenticate`` is given the request), and
a wrong second factor is reported to it as a failed login, so password and code guesses
count towards the same lockout, whether the account was named by its user name or its e-mail
(``portal.lockout``); login posts are also limited per client address
(``portal.ratelimit.limit_login_posts``). ``manage.py reset_2fa <username>`` removes a user's
devices.

django-two-factor-auth was weighed and not taken: 1.18 pins django-phonenumber-field below
9 (the portal uses 9), brings qrcode and formtools, its Arabic catalogue is half empty, and
its login view bypasses the admin login that django-axes and this form guard.
"""

from base64 import b32encode

import segno
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal import admin_home, backup_codes
from portal.admin_fields import with_portal_admin
from portal.ratelimit import limit_login_posts

TOKEN_WIDGET = forms.TextInput(
    attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9]*", "dir": "ltr"}
)
# At sign-in the field also takes a backup code (letters and digits).
LOGIN_TOKEN_WIDGET = forms.TextInput(attrs={"autocomplete": "one-time-code", "dir": "ltr"})


def has_authenticator(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def two_factor_required(user):
    """Whether ``user`` may use the admin only after a second factor.

    Only an authenticator app counts: backup codes left over without one do not make a
    superuser skip setting up a new app.
    """
    if has_authenticator(user):
        return True
    return user.is_superuser and getattr(settings, "PORTAL_SUPERUSER_2FA", True)


class PortalAdminAuthenticationForm(AdminAuthenticationForm):
    """Password, then the authenticator code for accounts that have set one up."""

    otp_token = forms.CharField(
        label=_("Authenticator code"),
        help_text=_("Only if you have set up two-factor authentication. A backup code works too."),
        required=False,
        max_length=20,
        widget=LOGIN_TOKEN_WIDGET,
    )

    def clean(self):
        cleaned_data = super().clean()
        user = self.get_user()
        if user is None:
            return cleaned_data
        devices = list(TOTPDevice.objects.devices_for_user(user, confirmed=True))
        if not devices:
            return cleaned_data
        token = "".join((cleaned_data.get("otp_token") or "").split())
        if not token:
            raise ValidationError(
                _("Enter the six-digit code from your authenticator app."), code="token_required"
            )
        if token.isdigit():
            device = next((device for device in devices if device.verify_token(token)), None)
        else:
            device = backup_codes.verify(user, token)
            if device is not None:
                self.backup_code_used(user)
        if device is None:
            self.second_factor_failed()
            raise ValidationError(
                _("This code is wrong or has expired. Try the current one."), code="invalid_token"
            )
        # django_otp's user_logged_in receiver stores the device in the session.
        user.otp_device = device
        return cleaned_data

    def second_factor_failed(self):
        """Count a wrong code as a failed login, as ``authenticate`` does a wrong password, so
        that django-axes locks the account after too many of either."""
        user_login_failed.send(
            sender=__name__,
            credentials={"username": self.cleaned_data.get("username")},
            request=self.request,
        )

    def backup_code_used(self, user):
        left = backup_codes.remaining(user)
        messages.warning(
            self.request,
            ngettext(
                "You signed in with a backup code; it cannot be used again. %(count)d code remains.",
                "You signed in with a backup code; it cannot be used again. %(count)d codes remain.",
                left,
            )
            % {"count": left},
        )


class TokenForm(forms.Form):
    otp_token = forms.CharField(label=_("Authenticator code"), max_length=8, widget=TOKEN_WIDGET)


class PortalAdminSite(admin.AdminSite):
    login_form = PortalAdminAuthenticationForm

    def register(self, model_or_iterable, admin_class=None, **options):
        # Every app's admin, the portal's and the libraries', with the same field directions
        # and buttons (portal.admin_fields).
        super().register(model_or_iterable, with_portal_admin(admin_class or admin.ModelAdmin), **options)

    def index(self, request, extra_context=None):
        # The secretariat's home: the bureau, then what waits for action (portal.admin_home).
        return super().index(request, {**admin_home.context(request), **(extra_context or {})})

    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        return request.user.is_verified() or not two_factor_required(request.user)

    def needs_enrolment(self, request):
        user = request.user
        return (
            user.is_active
            and user.is_staff
            and not user.is_verified()
            and two_factor_required(user)
            and not has_authenticator(user)
        )

    def login(self, request, extra_context=None):
        if request.user.is_authenticated and self.needs_enrolment(request):
            return redirect("admin:two_factor_setup")
        return limit_login_posts(super().login)(request, extra_context)

    def get_urls(self):
        return [
            # Open before the second factor (admin_view would not let a new superuser in); the
            # page shows a secret, so it is never cached.
            path("two-factor/", never_cache(self.two_factor_setup), name="two_factor_setup"),
            path(
                "two-factor/backup-codes/",
                self.admin_view(self.two_factor_backup_codes),
                name="two_factor_backup_codes",
            ),
            *super().get_urls(),
        ]

    def two_factor_setup(self, request):
        """Set up (or replace) the account's authenticator: scan the code, confirm with a token.

        Once confirmed, ten new backup codes replace any old ones and are shown, this once.
        """
        user = request.user
        if not (user.is_active and user.is_staff):
            return redirect(f"{reverse('admin:login')}?next={request.path}")
        if has_authenticator(user) and not user.is_verified():
            # Replacing a device needs the current one first.
            return redirect(f"{reverse('admin:login')}?next={request.path}")
        device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
        form = TokenForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            if device.verify_token(form.cleaned_data["otp_token"].strip()):
                TOTPDevice.objects.filter(user=user, confirmed=True).exclude(pk=device.pk).delete()
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                otp_login(request, device)
                messages.success(request, _("Two-factor authentication is on for your account."))
                return self.render_backup_codes(request, backup_codes.generate(user))
            form.add_error("otp_token", _("This code is wrong or has expired. Try the current one."))
        context = {
            **self.each_context(request),
            "title": _("Two-factor authentication"),
            "form": form,
            "qr_svg": segno.make(device.config_url, error="m").svg_inline(scale=5, dark="#1a1a1a"),
            "secret": b32encode(device.bin_key).decode(),
            "required": two_factor_required(user) and not has_authenticator(user),
            "enrolled": has_authenticator(user),
            "remaining": backup_codes.remaining(user),
        }
        return TemplateResponse(request, "admin/two_factor_setup.html", context)

    def two_factor_backup_codes(self, request):
        """How many backup codes are left; on POST, ten new ones replace them all."""
        if not has_authenticator(request.user):
            return redirect("admin:two_factor_setup")
        if request.method == "POST":
            return self.render_backup_codes(request, backup_codes.generate(request.user))
        return self.render_backup_codes(request, None)

    def render_backup_codes(self, request, codes):
        context = {
            **self.each_context(request),
            "title": _("Backup codes"),
            "remaining": backup_codes.remaining(request.user),
        }
        if codes is not None:
            context["codes"] = codes
        return TemplateResponse(request, "admin/two_factor_backup_codes.html", context)
