"""The roster's person picker: the admin autocomplete, with labels that tell namesakes apart.

Searching goes through the members app's Person admin (its ``get_search_results`` matches the
normalised search key, so Arabic spelling variants find the same person); each result names
the person in Arabic and French with their council and its province. The selected people of a
roster are labelled from the rows already loaded, so a page of 30 seats makes no query per row
whatever the size of the register.
"""

from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.contrib.admin.widgets import AutocompleteSelect
from django.db.models import Prefetch
from django.urls import reverse

from members.models import CouncilSeat


def council_seats():
    return Prefetch(
        "seats",
        queryset=CouncilSeat.objects.select_related("council__area_province").order_by("-start_year", "pk"),
        to_attr="roster_council_seats",
    )


def person_label(person):
    """ "نجاة الإدريسي · Najat Idrissi — جماعة طنجة، طنجة أصيلة": names, council, province."""
    names = [name for name in dict.fromkeys([person.name_ar, person.name_fr]) if name]
    label = " · ".join(names) or str(person)
    seats = getattr(person, "roster_council_seats", None)
    if seats:
        council = seats[0].council
        where = [council.name]
        if council.area_province_id:
            where.append(council.area_province.name)
        label = f"{label} — {'، '.join(where)}"
    return label


class PersonAutocompleteView(AutocompleteJsonView):
    """The admin's autocomplete for a seat's person, with namesakes told apart."""

    def get_queryset(self):
        return super().get_queryset().prefetch_related(council_seats())

    def serialize_result(self, obj, to_field_name):
        return {"id": str(getattr(obj, to_field_name)), "text": person_label(obj)}


# What select2 reads from every autocomplete of a column, the same on each row.
SHARED_ATTRS = (
    "data-ajax--cache",
    "data-ajax--delay",
    "data-ajax--type",
    "data-ajax--url",
    "data-app-label",
    "data-model-name",
    "data-field-name",
    "data-theme",
    "data-allow-clear",
    "data-placeholder",
    "lang",
)


class LabelledAutocompleteSelect(AutocompleteSelect):
    """An autocomplete whose selected option is labelled from ``labels`` when known (no query).

    ``compact``: the attributes every row's select shares (``SHARED_ATTRS``, some 300 bytes)
    are replaced by a key, ``data-autocomplete``; the page writes them once
    (``shared_attrs``) and bureau/roster-admin.js sets them back before select2 starts.
    """

    url_name_override = None

    def __init__(self, *args, url_name=None, compact=False, **kwargs):
        self.url_name_override = url_name
        self.compact = compact
        self.labels = {}
        super().__init__(*args, **kwargs)

    def shared_key(self):
        # Written in every row: the field's name is enough, a roster's page has one row model.
        return self.field.name

    def shared_attrs(self):
        attrs = super().build_attrs(self.attrs)
        return {name: str(attrs[name]) for name in SHARED_ATTRS if name in attrs}

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs=extra_attrs)
        if self.compact:
            for name in SHARED_ATTRS:
                attrs.pop(name, None)
            attrs["data-autocomplete"] = self.shared_key()
        return attrs

    def get_url(self):
        if self.url_name_override:
            return reverse(self.url_name_override)
        return super().get_url()

    def optgroups(self, name, value, attr=None):
        selected = [str(v) for v in value if str(v) not in self.choices.field.empty_values]
        if selected and all(key in self.labels for key in selected):
            options = [
                self.create_option(name, key, self.labels[key], True, index, subindex=None, attrs=attr)
                for index, key in enumerate(selected)
            ]
            if not self.is_required and not self.allow_multiple_selected:
                options.insert(0, self.create_option(name, "", "", False, 0, subindex=None, attrs=attr))
            return [(None, options, 0)]
        return super().optgroups(name, value, attr)


def known_labels(form, field, label):
    """Give ``form``'s autocomplete for ``field`` the label of its instance's value."""
    value = getattr(form.instance, f"{field}_id", None)
    if not value or field not in form.fields:
        return
    widget = form.fields[field].widget
    widget = getattr(widget, "widget", widget)
    if isinstance(widget, LabelledAutocompleteSelect):
        widget.labels[str(value)] = label(getattr(form.instance, field))
