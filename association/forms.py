from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile

from association.models import AssociationProfile, ContactMessage
from portal.forms import HoneypotMixin
from portal.svg import sanitise_svg


class ContactForm(HoneypotMixin, forms.ModelForm):
    class Meta:
        model = ContactMessage
        fields = ["name", "email", "subject", "message"]
        widgets = {
            "email": forms.EmailInput(attrs={"dir": "ltr", "autocomplete": "email"}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "message": forms.Textarea(attrs={"rows": 6}),
        }


class AssociationProfileForm(forms.ModelForm):
    """The profile in the admin: an SVG logo is stored as the sanitiser rewrote it (portal.svg),
    never as uploaded, so the file served from the media address holds only allowed parts."""

    class Meta:
        model = AssociationProfile
        exclude: list[str] = []
        widgets = {
            "primary_colour": forms.TextInput(attrs={"type": "color"}),
            "accent_colour": forms.TextInput(attrs={"type": "color"}),
        }

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if not logo or not isinstance(logo, UploadedFile) or not logo.name.lower().endswith(".svg"):
            return logo
        logo.seek(0)
        clean = sanitise_svg(logo.read())
        return SimpleUploadedFile(logo.name, clean, content_type="image/svg+xml")
