from django import forms
from django.utils.translation import gettext_lazy as _

from events import territory
from events.models import Event, EventKind
from portal.widgets import FastSelect


def _with_blank(label, choices):
    return lambda: [("", label), *(choices() if callable(choices) else choices)]


class EventFilterForm(forms.Form):
    """Filters shared by the calendar pages; every value arrives in the query string."""

    kind = forms.ModelChoiceField(
        label=_("Kind"),
        queryset=EventKind.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All kinds"),
        widget=FastSelect,
    )
    region = forms.ChoiceField(
        label=_("Region"),
        required=False,
        choices=_with_blank(_("All regions"), territory.region_choices),
        widget=FastSelect,
    )
    modality = forms.ChoiceField(
        label=_("Modality"),
        required=False,
        choices=_with_blank(_("All modalities"), Event.Modality.choices),
        widget=FastSelect,
    )

    def filter(self, queryset):
        data = self.cleaned_data
        if data.get("kind"):
            queryset = queryset.filter(kind=data["kind"])
        if data.get("region"):
            queryset = queryset.filter(region_code=data["region"])
        if data.get("modality"):
            queryset = queryset.filter(modality=data["modality"])
        return queryset

    @property
    def is_filtered(self):
        return any(self.cleaned_data.get(name) for name in ("kind", "region", "modality"))

    def querystring(self):
        """The active filters as a query string, to keep them across months and pages."""
        params = self.data.copy()
        params.pop("page", None)
        return "&".join(f"{key}={value}" for key, value in params.items() if key in self.fields and value)
