"""The admin site with two-factor authentication (TOTP, django-otp).

Staff may set up an authenticator app; once they have, the admin asks for its code at every
login. Superusers must set one up: after their password they are sent to the set-up page and
see nothing else of the admin until a code is confirmed (``PORTAL_SUPERUSER_2FA``, on by
default). Login attempts go through django-axes (``authenticate`` is given the request), so
failures are throttled and the account locked whatever the second factor.
"""

from base64 import b32encode

import segno
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

TOKEN_WIDGET = forms.TextInput(
    attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9]*", "dir": "ltr"}
)


def two_factor_required(user):
    """Whether ``user`` may use the admin only after a second factor."""
    if user_has_device(user, confirmed=True):
        return True
    return user.is_superuser and getattr(settings, "PORTAL_SUPERUSER_2FA", True)


class PortalAdminAuthenticationForm(AdminAuthenticationForm):
    """Password, then the authenticator code for accounts that have set one up."""

    otp_token = forms.CharField(
        label=_("Authenticator code"),
        help_text=_("Only if you have set up two-factor authentication."),
        required=False,
        max_length=8,
        widget=TOKEN_WIDGET,
    )

    def clean(self):
        cleaned_data = super().clean()
        user = self.get_user()
        if user is None:
            return cleaned_data
        devices = list(TOTPDevice.objects.devices_for_user(user, confirmed=True))
        if not devices:
            return cleaned_data
        token = (cleaned_data.get("otp_token") or "").strip()
        if not token:
            raise ValidationError(
                _("Enter the six-digit code from your authenticator app."), code="token_required"
            )
        device = next((device for device in devices if device.verify_token(token)), None)
        if device is None:
            raise ValidationError(
                _("This code is wrong or has expired. Try the current one."), code="invalid_token"
            )
        # django_otp's user_logged_in receiver stores the device in the session.
        user.otp_device = device
        return cleaned_data


class TokenForm(forms.Form):
    otp_token = forms.CharField(label=_("Authenticator code"), max_length=8, widget=TOKEN_WIDGET)


class PortalAdminSite(admin.AdminSite):
    login_form = PortalAdminAuthenticationForm

    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        return request.user.is_verified() or not two_factor_required(request.user)

    def needs_enrolment(self, request):
        user = request.user
        return (
            user.is_active
            and user.is_staff
            and not request.user.is_verified()
            and two_factor_required(user)
            and not user_has_device(user, confirmed=True)
        )

    def login(self, request, extra_context=None):
        if request.user.is_authenticated and self.needs_enrolment(request):
            return redirect("admin:two_factor_setup")
        return super().login(request, extra_context)

    def get_urls(self):
        return [
            path("two-factor/", self.two_factor_setup, name="two_factor_setup"),
            *super().get_urls(),
        ]

    def two_factor_setup(self, request):
        """Set up (or replace) the account's authenticator: scan the code, confirm with a token."""
        user = request.user
        if not (user.is_active and user.is_staff):
            return redirect(f"{reverse('admin:login')}?next={request.path}")
        if user_has_device(user, confirmed=True) and not user.is_verified():
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
                return redirect("admin:index")
            form.add_error("otp_token", _("This code is wrong or has expired. Try the current one."))
        context = {
            **self.each_context(request),
            "title": _("Two-factor authentication"),
            "form": form,
            "qr_svg": segno.make(device.config_url, error="m").svg_inline(scale=5, dark="#1a1a1a"),
            "secret": b32encode(device.bin_key).decode(),
            "required": two_factor_required(user) and not user_has_device(user, confirmed=True),
        }
        return TemplateResponse(request, "admin/two_factor_setup.html", context)
