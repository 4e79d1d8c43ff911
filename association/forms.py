from django import forms

from association.models import ContactMessage
from portal.forms import HoneypotMixin


class ContactForm(HoneypotMixin, forms.ModelForm):
    class Meta:
        model = ContactMessage
        fields = ["name", "email", "subject", "message"]
        widgets = {
            "email": forms.EmailInput(attrs={"dir": "ltr", "autocomplete": "email"}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "message": forms.Textarea(attrs={"rows": 6}),
        }
