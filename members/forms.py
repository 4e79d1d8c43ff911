import hashlib
import logging

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.forms.models import ModelChoiceIterator, ModelChoiceIteratorValue
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from members.models import Council, MembershipApplication, Person
from members.services import email_in_use, email_normalise
from portal.content_version import per_version
from portal.forms import HoneypotMixin
from portal.widgets import FastSelect

logger = logging.getLogger(__name__)


class _KeptCouncilChoices(ModelChoiceIterator):
    """The councils, grouped by region (``<optgroup>``), kept per content version and language.

    1,590 councils in one flat list were hard to scroll through on a phone; under their region
    the council an applicant sits on is found at once. Made into models and labels they cost
    30 ms on every view of the form (issue 8); kept with ``per_version`` they are read in one
    cache call, and every write to the councils' tables replaces them. The choice's model
    instance is not kept (``Select`` does not read it); the submitted value is still checked
    against the queryset.
    """

    def _groups(self):
        def compute():
            groups = {}
            for council in self.queryset:
                options = groups.setdefault(council.area_region.name, [])
                options.append((council.pk, self.field.label_from_instance(council)))
            return list(groups.items())

        return per_version(f"members:council-choices:{get_language()}", compute)

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for region, options in self._groups():
            yield region, [(ModelChoiceIteratorValue(pk, None), label) for pk, label in options]

    def __len__(self):
        return len(self._groups()) + (self.field.empty_label is not None)

    def __bool__(self):
        return self.field.empty_label is not None or bool(self._groups())


class CouncilSelect(FastSelect):
    """The councils' ``<select>``, kept per content version like its choices (a template fragment
    cache keyed on the content version).

    Even from one template loop, 1,590 options take several times as long to write as the
    rest of the form. With nothing chosen (the form as every visitor first sees it) the HTML
    depends only on the content, the language and the field's attributes, so it is written once
    per content version; a form sent back with a council chosen is written as usual.
    """

    def render(self, name, value, attrs=None, renderer=None):
        if value not in (None, ""):
            return super().render(name, value, attrs, renderer)
        shape = repr((name, sorted({**self.attrs, **(attrs or {})}.items())))
        key = f"members:council-select:{get_language()}:{hashlib.sha256(shape.encode()).hexdigest()}"
        return per_version(key, lambda: super(CouncilSelect, self).render(name, value, attrs, renderer))


class CouncilChoiceField(forms.ModelChoiceField):
    """Councils by region, from the region's own down; a commune's council says its prefecture
    or province."""

    iterator = _KeptCouncilChoices

    def label_from_instance(self, obj):
        if obj.level == Council.Level.COMMUNAL and obj.area_province_id:
            return f"{obj.name} – {obj.area_province.name}"
        return obj.name


class ApplicationForm(HoneypotMixin, forms.ModelForm):
    """The public membership application (الانخراط)."""

    council = CouncilChoiceField(
        queryset=Council.objects.select_related("area_region", "area_province")
        .only(
            "level",
            "name_ar",
            "name_fr",
            "area_region__name_ar",
            "area_region__name_fr",
            "area_province__name_ar",
            "area_province__name_fr",
        )
        .order_by("area_region__code", Council.level_rank(), "name_ar", "pk"),
        widget=CouncilSelect,
        label=_("Council"),
        help_text=_("The council on which you sit."),
    )
    consent = forms.BooleanField(
        required=True,
        label=_(
            "I agree that the association processes the personal data in this form to examine my application "
            "and manage my membership, in accordance with Law 09-08 on the protection of personal data."
        ),
    )

    class Meta:
        model = MembershipApplication
        fields = ["name_ar", "name_fr", "gender", "council", "role", "phone", "email", "message", "consent"]
        widgets = {
            "name_ar": forms.TextInput(attrs={"lang": "ar", "dir": "rtl", "autocomplete": "name"}),
            "name_fr": forms.TextInput(attrs={"lang": "fr", "dir": "ltr"}),
            "phone": forms.TextInput(
                attrs={"dir": "ltr", "autocomplete": "tel", "placeholder": "+212 6XX XX XX XX"}
            ),
            "email": forms.EmailInput(attrs={"dir": "ltr", "autocomplete": "email"}),
            "message": forms.Textarea(attrs={"rows": 4}),
        }


class EmailLoginForm(AuthenticationForm):
    # Django's message says both fields may be case-sensitive; the address is not (it is matched
    # in any case), only the password is.
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "Please enter a correct e-mail address and password. Note that the password is case-sensitive."
        ),
    }

    username = forms.CharField(
        label=_("E-mail"),
        max_length=254,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username", "dir": "ltr"}),
    )


class MemberPasswordResetForm(PasswordResetForm):
    """Also reaches accounts created on approval, which have no password yet.

    An address belongs to one account (``user_unique_email``); should two share one all the
    same (data older than that index), neither is mailed: a reset link must reach only the
    account that owns the address.
    """

    def get_users(self, email):
        User = get_user_model()
        users = list(User._default_manager.filter(email__iexact=email_normalise(email))[:2])
        if len(users) != 1:
            if users:
                logger.warning("Password reset refused: more than one account has the address asked for")
            return []
        user = users[0]
        if user.is_active and (user.has_usable_password() or hasattr(user, "person")):
            return [user]
        return []


class ProfileForm(forms.ModelForm):
    """What a member may correct about themselves (not their seats or membership)."""

    class Meta:
        model = Person
        fields = ["name_ar", "name_fr", "gender", "preferred_language", "photo", "photo_consent", "phone",
                  "email", "address"]  # fmt: skip
        widgets = {
            "name_ar": forms.TextInput(attrs={"lang": "ar", "dir": "rtl"}),
            "name_fr": forms.TextInput(attrs={"lang": "fr", "dir": "ltr"}),
            "phone": forms.TextInput(attrs={"dir": "ltr", "autocomplete": "tel"}),
            "email": forms.EmailInput(attrs={"dir": "ltr", "autocomplete": "email"}),
            "address": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # An account signs in and receives resets at its address: it may change, not go.
        self.fields["email"].required = bool(self.instance.user_id)
        self.fields["email"].help_text = _(
            "A new address takes effect once you confirm it from that address."
        )
        self.fields["name_ar"].required = True
        self.fields["name_ar"].label = _("Name in Arabic")
        self.fields["name_fr"].label = _("Name in French (Latin letters)")

    def clean_email(self):
        email = email_normalise(self.cleaned_data.get("email"))
        if (
            email
            and email != email_normalise(self.initial.get("email"))
            and email_in_use(email, person=self.instance)
        ):
            # Says no more than that it cannot be used: not whose it is.
            raise forms.ValidationError(
                _("This address cannot be used for your account. If it is yours, write to the secretariat."),
                code="email_taken",
            )
        return email
