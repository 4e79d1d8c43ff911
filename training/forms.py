from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from members.models import Council, Person


def language_choices():
    """Each language named in itself (العربية, français), as the language switcher does."""
    return [(code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES]


class RegisterOnBehalfForm(forms.Form):
    """The secretariat registers a member, or a council's staff member by name."""

    person = forms.ModelChoiceField(queryset=None, required=False, label=_("Member"))
    participant_name = forms.CharField(label=_("Participant's name"), max_length=200, required=False)
    participant_gender = forms.ChoiceField(
        label=_("Participant's gender"),
        choices=[("", "—"), *Person.Gender.choices],
        required=False,
        help_text=_("For a staff member named here: the messages and the certificate agree with it."),
    )
    council = forms.ModelChoiceField(queryset=None, required=False, label=_("Council"))
    email = forms.EmailField(label=_("E-mail"), required=False)
    language = forms.ChoiceField(
        label=_("Language for e-mails"), choices=language_choices, initial=settings.LANGUAGE_CODE
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.all()
        self.fields["council"].queryset = Council.objects.all()

    def clean(self):
        data = super().clean()
        if not data.get("person") and not (data.get("participant_name", "").strip() and data.get("council")):
            raise ValidationError(_("Choose a member, or give a participant's name and their council."))
        if data.get("person") and data.get("participant_name"):
            raise ValidationError(_("Choose a member or name a staff member, not both."))
        if (
            not data.get("person")
            and data.get("participant_name", "").strip()
            and not data.get("participant_gender")
        ):
            self.add_error("participant_gender", _("Give the staff member's gender."))
        return data


class StaffRegistrationForm(forms.Form):
    """A council's representative registers one of the council's staff for a staff session."""

    participant_name = forms.CharField(label=_("Staff member's full name"), max_length=200)
    gender = forms.ChoiceField(
        label=_("Staff member's gender"),
        choices=[("", "—"), *Person.Gender.choices],
        help_text=_("So that the messages, e-mails and certificate address them correctly."),
        error_messages={"required": _("Give the staff member's gender.")},
    )
    council = forms.ModelChoiceField(queryset=None, label=_("Council"), empty_label=None)
    email = forms.EmailField(
        label=_("Their e-mail"),
        required=False,
        help_text=_("Optional: for the reminder and waiting-list e-mails. Never shown on the site."),
    )
    language = forms.ChoiceField(
        label=_("Language for e-mails"), choices=language_choices, initial=settings.LANGUAGE_CODE
    )

    def __init__(self, *args, councils, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["council"].queryset = councils
        options = list(councils)
        if len(options) == 1:
            self.fields["council"].widget = forms.HiddenInput()
            self.fields["council"].initial = options[0].pk

    def clean_participant_name(self):
        name = " ".join(self.cleaned_data["participant_name"].split())
        if not name:
            raise ValidationError(_("Give the staff member's full name."))
        return name
