from django import forms
from django.utils.translation import gettext_lazy as _


class HoneypotMixin(forms.Form):
    """Spam protection without third-party scripts: a field people never see nor fill.

    Bots that fill every input reveal themselves; the field is hidden with CSS and marked
    so that assistive technology and autofill skip it.
    """

    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("This message looks like spam and was not sent."))
        return ""
