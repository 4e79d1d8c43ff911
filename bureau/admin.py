"""The secretariat's roster editing: a mandate's whole roster on one page.

Seats are added, removed and reordered (drag and drop) in the mandate's page; choosing another
person for a seat replaces its holder on a date (both people are kept, each with their dates)
unless the change is marked as a correction. People are picked by autocomplete through the
members app's Person admin, which matches Arabic spelling variants. Each seat shows its
generated title in Arabic and French; what looks wrong is warned about, never refused; every
change is kept by django-simple-history (History button: view and revert).
"""

import hashlib
import json
import re

from adminsortable2.admin import CustomInlineFormSet, SortableAdminBase, SortableInlineAdminMixin
from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Count, Model, Prefetch, Q
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from bureau import people, roster_xlsx, rosterdiff, services, titles, versions
from bureau.models import Committee, CommitteeSeat, Mandate, OfficeWording, Seat, wordings
from members.models import Person
from portal import admin_home, staticbundles
from portal.admin_history import readable_value
from portal.admin_mixins import TranslatedAdmin
from portal.integers import integer_limits, parse_id, parse_number
from portal.validators import DocumentFormField

# The mandate's page loads one script and two stylesheets instead of some thirty files (issue 19:
# at most 20 requests): Django's admin scripts and styles, select2's, adminsortable2's and the
# portal's, in the order the page's media and Django's base template list them
# (portal.staticbundles; tests/bureau/test_roster_bundles.py checks them against the page).
ROSTER_SCRIPTS = "bundles/roster-admin.js"
ROSTER_STYLES = "bundles/roster-admin.css"
ROSTER_STYLES_RTL_HEAD = "bundles/roster-admin-rtl-1.css"
ROSTER_STYLES_RTL = "bundles/roster-admin-rtl-2.css"
# In admin/base.html's order: base, dark mode, the page's extra styles (forms, the portal's admin
# styles), rtl.css in a right-to-left language, the widgets' styles (the page's media), then
# responsive.css (a file of its own in French), and responsive_rtl.css.
_BASE_STYLES = ["admin/css/base.css", "admin/css/dark_mode.css", "admin/css/forms.css", "css/admin.css"]
_WIDGET_STYLES = [
    "adminsortable2/css/sortable.css",
    "bureau/roster-admin.css",
    "admin/css/vendor/select2/select2.min.css",
    "admin/css/autocomplete.css",
]
ROSTER_BUNDLES = {
    ROSTER_SCRIPTS: [
        "admin/js/theme.js",
        "admin/js/vendor/jquery/jquery.min.js",
        "admin/js/calendar.js",
        "admin/js/vendor/select2/select2.full.min.js",
        "admin/js/admin/DateTimeShortcuts.js",
        # Both languages' messages: select2 picks them by the page's language.
        "admin/js/vendor/select2/i18n/ar.js",
        "admin/js/vendor/select2/i18n/fr.js",
        "admin/js/jquery.init.js",
        "admin/js/core.js",
        "bureau/roster-admin.js",
        "admin/js/autocomplete.js",
        "admin/js/inlines.js",
        "admin/js/admin/RelatedObjectLookups.js",
        "adminsortable2/js/adminsortable2.min.js",
        "js/admin.js",
    ],
    ROSTER_STYLES: [*_BASE_STYLES, *_WIDGET_STYLES],
    ROSTER_STYLES_RTL_HEAD: _BASE_STYLES,
    ROSTER_STYLES_RTL: [
        "admin/css/rtl.css",
        *_WIDGET_STYLES,
        "admin/css/responsive.css",
        "admin/css/responsive_rtl.css",
    ],
}
# The slug helpers of prepopulated fields: the roster has none (prepopulate_init.js would be in
# the media if it had).
PREPOPULATE = ["admin/js/urlify.js", "admin/js/prepopulate.js", "admin/js/vendor/xregexp/xregexp.js"]


def bundled_media(media):
    """The roster page's media with the bundled files replaced by the bundle; the changelist's
    action scripts (Django's, and adminsortable2's copy) are of no use on a change form."""
    scripts = [staticbundles.name_of(path) for path in media._js]
    unneeded = [path for path in scripts if re.search(r"/actions(-[\d.]+)?(\.min)?\.js$", path)]
    if "admin/js/prepopulate_init.js" not in scripts:
        unneeded += PREPOPULATE
    return staticbundles.replace_media(media, [ROSTER_SCRIPTS, ROSTER_STYLES], unneeded)


def _titles_html(obj, wording_map=None):
    if obj is None or not obj.pk or not obj.person_id:
        return "–"
    titles_by_language = {language: obj.title(language, wording_map=wording_map) for language in ("ar", "fr")}
    return render_to_string(
        "admin/bureau/includes/titles.html", {**titles_by_language, "page": get_language()}
    )


class RowDateWidget(admin.widgets.AdminDateWidget):
    """A date in a roster row: the admin's calendar, without the paragraph around the input
    (its width comes from the stylesheet)."""

    template_name = "django/forms/widgets/date.html"

    def __init__(self, attrs=None, format=None):
        super().__init__(attrs=attrs, format=format)
        self.attrs.pop("size", None)


class DeferredInput(forms.Widget):
    """A row's replacement date and correction box, needed only once its person is changed: the
    cell is written empty (templates/admin/edit_inline/tabular.html) and bureau/roster-admin.js
    fills it when another person is chosen (choosing one is the autocomplete's work, a script's)."""

    deferred = True

    def render(self, name, value, attrs=None, renderer=None):
        return ""


class ChosenOptionSelect(forms.Select):
    """A row's list of offices written with its chosen option only (issue 19: the page's weight).

    The whole list is written once on the page (``shared_choices``, ``#roster-shared``) and
    bureau/roster-admin.js puts it back in every row's select as the page opens; a list with
    nothing chosen, or grouped, is written whole.
    """

    def __init__(self, key="", attrs=None, choices=()):
        super().__init__(attrs=attrs, choices=choices)
        self.key = key

    def _flat(self):
        return all(not isinstance(label, (list, tuple)) for _value, label in self.choices)

    def shared_choices(self):
        return [[str(value), str(label)] for value, label in self.choices]

    def optgroups(self, name, value, attrs=None):
        groups = super().optgroups(name, value, attrs)
        if not self._flat():
            return groups
        chosen = [(group, [o for o in options if o["selected"]], index) for group, options, index in groups]
        chosen = [group for group in chosen if group[1]]
        return chosen or groups

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs=extra_attrs)
        if self._flat():
            attrs["data-choices"] = self.key
        return attrs


class HoldingForm(forms.ModelForm):
    """A seat's row: choosing another person replaces the holder unless it is a correction."""

    replaced_on = forms.DateField(
        label=_("replacement date"),
        required=False,
        widget=RowDateWidget,
        help_text=_("When another person is chosen: the day the new holder takes the seat (default: today)."),
    )
    correction = forms.BooleanField(
        label=_("correction"),
        required=False,
        help_text=_("Tick to correct a mistake instead of recording a replacement."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            people.known_labels(self, "person", people.person_label)
            people.known_labels(self, "council", str)
        if not self.is_bound:
            for name in ("replaced_on", "correction"):
                self.fields[name].widget = DeferredInput()

    def _get_validation_exclusions(self):
        # One holder per single-holder office is checked over the whole roster (RosterFormSet):
        # a row checked alone against the stored roster would refuse a swap of two offices.
        return super()._get_validation_exclusions() | {"office", "role"}

    def is_replacement(self):
        return bool(
            self.instance.pk
            and "person" in self.changed_data
            and not self.cleaned_data.get("correction")
            and not self.cleaned_data.get("DELETE")
        )

    def replacement_date(self):
        return self.cleaned_data.get("replaced_on") or timezone.localdate()

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and "person" in self.changed_data and not cleaned.get("correction"):
            start = self.initial.get("start")
            if start and self.replacement_date() <= start:
                self.add_error(
                    "replaced_on",
                    gettext(
                        "The replacement date must come after the start of the replaced holder's seat (%(date)s)."
                    )
                    % {"date": start.isoformat()},
                )
        return cleaned


class CompactRowsMixin:
    """Tabular rows that fit a screen: no repeated help under each date, small rank box; each
    input is named by its column's header (``labels_from_headers``: aria-labelledby written by
    templates/admin/edit_inline/tabular.html, the visible labels of a phone's cards added by
    static/js/admin.js), not a label repeated in every cell (the page's weight).

    People are picked with the labelled autocomplete (name, council, province); a missing
    person is created in a pop-up ("+") without leaving the roster.
    """

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in {"person", "council"}:
            kwargs["widget"] = people.LabelledAutocompleteSelect(
                db_field,
                self.admin_site,
                using=kwargs.get("using"),
                url_name="admin:bureau_person_autocomplete" if db_field.name == "person" else None,
                compact=True,
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    labels_from_headers = True

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name in {"office", "role"}:
            # Keyed by the field's name alone (written in every row): a roster's page has one row model.
            kwargs["widget"] = ChosenOptionSelect(key=db_field.name)
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in {"start", "end"}:
            kwargs["widget"] = RowDateWidget
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name in {"start", "end", "rank"} and field is not None:
            field.help_text = ""
        if db_field.name in {"person", "council"} and field is not None:
            for flag in ("can_change_related", "can_delete_related", "can_view_related"):
                setattr(field.widget, flag, False)
            if db_field.name == "council":
                field.widget.can_add_related = False  # councils come from the territory data
            # The "+" of each row without its image (the stylesheet draws it) and whitespace.
            field.widget.template_name = "admin/bureau/widgets/related_widget_wrapper.html"
        return field

    def get_queryset(self, request):
        """The rows still held or ending later; past holders are listed apart, read only."""
        today = timezone.localdate()
        return (
            super()
            .get_queryset(request)
            .filter(Q(end__isnull=True) | Q(end__gte=today))
            .select_related("person", "council")
            .prefetch_related(people_prefetch())
        )

    @admin.display(description=_("title as published"))
    def generated_title(self, obj):
        return _titles_html(obj)


def people_prefetch():
    return Prefetch(
        "person__seats",
        queryset=people.council_seats().queryset,
        to_attr="roster_council_seats",
    )


def _warnings_token(warnings):
    return hashlib.sha256("\n".join(str(w) for w in warnings).encode()).hexdigest()[:16]


class UnnumberedKeysMixin:
    """The row's key and order are hidden inputs no label points to: no id of their own (a few
    dozen bytes a row of the roster's page)."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        for name in ("id", "order"):
            if name in form.fields and form.fields[name].widget.is_hidden:
                form.fields[name].widget.attrs["id"] = False


class RosterFormSet(UnnumberedKeysMixin, CustomInlineFormSet):
    """A whole roster checked before anything is saved.

    Two current holders of a single-holder office are refused (the database refuses them too);
    what only looks wrong (an expected office left empty, one person in two offices, a shared
    rank, dates outside the mandate) must be acknowledged when this save brings it in: the
    secretariat ticks the box under the warnings and saves again.
    """

    def _construct_form(self, i, **kwargs):
        # Every row's title uses the association's wording, read once for the whole roster.
        form = super()._construct_form(i, **kwargs)
        if not hasattr(self, "wording_map"):
            self.wording_map = wordings()
        form.instance.wording_map = self.wording_map
        return form

    def held_seats(self):
        seats = []
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or (not form.has_changed() and not form.instance.pk):
                continue
            if self.can_delete and self._should_delete_form(form):
                continue
            if form.instance.person_id and form.instance.end is None:
                seats.append(form.instance)
        return seats

    def stored_warnings(self):
        return []

    def warnings_for(self, held):
        return []

    def clean(self):
        super().clean()
        self.roster_warnings, self.warnings_token = [], ""
        if any(form.errors for form in self.forms):
            return
        held = self.held_seats()
        offices = {}
        for seat in held:
            office = _office_of(seat)
            if office in titles.Office.SINGLE_HOLDER:
                offices.setdefault(office, []).append(seat)
        errors = [
            gettext(
                "Two people cannot hold “%(office)s” at once (%(people)s): end one of the seats or choose another office."
            )
            % {"office": _office_label(office), "people": "، ".join(str(seat.person) for seat in seats)}
            for office, seats in offices.items()
            if len(seats) > 1
        ]
        if errors:
            raise ValidationError(errors)
        warnings = self.warnings_for(held)
        stored = set(self.stored_warnings())
        if not any(str(w) not in stored for w in warnings):
            return
        self.roster_warnings, self.warnings_token = warnings, _warnings_token(warnings)
        if self.data.get(f"{self.prefix}-acknowledged") != self.warnings_token:
            raise ValidationError(
                [
                    *warnings,
                    gettext(
                        "Nothing was saved yet. Check the warnings, tick the box under them and save again."
                    ),
                ]
            )


def _office_of(seat):
    return seat.role if isinstance(seat, CommitteeSeat) else seat.office


def _office_label(office):
    return dict(services.office_choices()).get(office, office)


class SeatFormSet(RosterFormSet):
    def stored_warnings(self):
        return services.roster_warnings(self.instance) if self.instance.pk else []

    def warnings_for(self, held):
        return services.roster_warnings(self.instance, held=held)


class CommitteeSeatFormSet(RosterFormSet):
    def stored_warnings(self):
        return services.committee_warnings(self.instance) if self.instance.pk else []

    def warnings_for(self, held):
        return services.committee_warnings(self.instance, held=held)


class SeatInline(CompactRowsMixin, SortableInlineAdminMixin, admin.TabularInline):
    model = Seat
    form = HoldingForm
    extra = 0
    fields = [
        "office",
        "rank",
        "person",
        "generated_title",
        "council",
        "start",
        "end",
        "replaced_on",
        "correction",
    ]
    readonly_fields = ["generated_title"]
    autocomplete_fields = ["person", "council"]
    formset = SeatFormSet
    verbose_name = _("seat")
    verbose_name_plural = _("roster (drag the rows to reorder)")


class CommitteeFormSet(UnnumberedKeysMixin, CustomInlineFormSet):
    pass


class CommitteeInline(SortableInlineAdminMixin, admin.TabularInline):
    """The mandate's committees, in order: each a link to its own page, where its names (Arabic
    and French), mission, chair and members are written; a new one is added from the link under
    the list (``roster_change_form.html``), straight onto that page. Here: reorder or remove.
    The mandate's page stays one screen of names, and light (issue 19: 15 committees)."""

    model = Committee
    formset = CommitteeFormSet
    extra = 0
    labels_from_headers = True
    fields = ["order"]  # the hidden order only: an empty list would mean every field
    show_change_link = True
    verbose_name_plural = _("permanent committees (open one to rename it or name its chair and members)")

    def has_add_permission(self, request, obj=None):
        return False


class RosterImportForm(forms.Form):
    file = DocumentFormField(label=_("Excel file (.xlsx)"), extensions=[".xlsx"])


class RenewForm(forms.Form):
    assembly_date = forms.DateField(
        label=_("date of the electing general assembly"), widget=admin.widgets.AdminDateWidget
    )
    start = forms.DateField(
        label=_("start of the new mandate"),
        widget=admin.widgets.AdminDateWidget,
        help_text=_("The current mandate ends the day before."),
    )
    copy_roster = forms.BooleanField(
        label=_("copy the current roster and committees into the new mandate"), required=False, initial=True
    )

    def __init__(self, *args, mandate, **kwargs):
        self.mandate = mandate
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        start = cleaned.get("start")
        if start and self.mandate.start and start <= self.mandate.start:
            self.add_error("start", gettext("The new mandate must start after the current one."))
        return cleaned


class RosterForm(forms.ModelForm):
    """The page of a roster carries the fingerprint of the roster it showed.

    Saving from a page opened before someone else's save is refused, with what they changed;
    the form keeps what was typed and now carries the new fingerprint, so saving again applies
    it over their changes knowingly.
    """

    roster_token = forms.CharField(label=_("roster"), widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.roster_before = None
        self.roster_conflict = []
        if self.instance.pk and not self.is_bound:
            self.initial["roster_token"] = versions.digest(versions.snapshot(self.instance))

    def clean(self):
        cleaned = super().clean()
        if not self.instance.pk:
            return cleaned
        versions.lock(self.instance)
        self.roster_before = versions.snapshot(self.instance)
        current = versions.digest(self.roster_before)
        token = cleaned.get("roster_token")
        if token and token != current:
            seen = versions.versions_of(self.instance).filter(digest=token).first()
            self.roster_conflict = (
                rosterdiff.describe_all(seen.snapshot, self.roster_before, get_language(), wordings())
                if seen is not None
                else []
            )
            data = self.data.copy()
            data[self.add_prefix("roster_token")] = current
            self.data = data
            latest = versions.versions_of(self.instance).first()
            raise ValidationError(
                gettext(
                    "%(author)s saved this roster after you opened the page. Nothing of yours was saved: "
                    "your changes are still in the form. Check what they changed, then save again to apply yours."
                )
                % {"author": (latest.author if latest and latest.author else gettext("Someone"))}
            )
        return cleaned


class MandateForm(RosterForm):
    class Meta:
        model = Mandate
        fields = ["body", "assembly_date", "assembly", "start", "end", "is_current", "note"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("is_current"):
            others = Mandate.objects.filter(body=cleaned.get("body"), is_current=True).exclude(
                pk=self.instance.pk
            )
            if others.exists():
                self.add_error(
                    "is_current",
                    gettext(
                        "Another mandate of this body is current. To record a newly elected bureau, "
                        "open the current mandate and use “Start a new mandate”."
                    ),
                )
        return cleaned

    def _get_validation_exclusions(self):
        # The one-current-mandate rule is explained in clean(); not repeated in generic words.
        return super()._get_validation_exclusions() | {"is_current"}


def _comparable(value):
    """A form's value and a column's alike: a related row as its key, nothing as None."""
    if isinstance(value, Model):
        return value.pk
    return None if value in ("", None) else value


class CommitteeForm(RosterForm):
    """A committee's page: its names (Arabic and French) and mission beside its roster.

    Both are protected alike from a page opened before someone else's save: besides the roster's
    fingerprint, the page carries one of the committee's own fields; a save over another
    secretary's renaming is refused, showing what is now saved, and keeps what was typed.
    """

    details_token = forms.CharField(label=_("committee"), widget=forms.HiddenInput, required=False)

    class Meta:
        model = Committee
        fields = ["mandate", "name", "mission"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.details_conflict = []
        if self.instance.pk and not self.is_bound:
            self.initial["details_token"] = self.details_digest(self.instance)

    def detail_fields(self):
        """The committee's own columns on the page (``name_ar``, ``name_fr``, ``mission_ar``…)."""
        columns = {field.name: field for field in Committee._meta.concrete_fields}
        return [columns[name] for name in self.fields if name in columns]

    def details_digest(self, committee):
        values = [[field.name, field.value_from_object(committee)] for field in self.detail_fields()]
        return hashlib.sha256(json.dumps(values, cls=DjangoJSONEncoder).encode()).hexdigest()[:32]

    def stale_details(self):
        """The error for a save over changes made to the committee since the page was opened."""
        token = self.cleaned_data.get("details_token")
        if not self.instance.pk or not token:
            return None
        versions.lock(self.instance)
        stored = Committee.objects.get(pk=self.instance.pk)
        current = self.details_digest(stored)
        if token == current:
            return None
        self.details_conflict = [
            (capfirst(field.verbose_name), readable_value(field, field.value_from_object(stored)))
            for field in self.detail_fields()
            if field.name in self.cleaned_data
            and _comparable(field.value_from_object(stored)) != _comparable(self.cleaned_data[field.name])
        ]
        data = self.data.copy()
        data[self.add_prefix("details_token")] = current
        self.data = data
        record = stored.history.first()
        author = record.history_user if record is not None and record.history_user else gettext("Someone")
        return gettext(
            "%(author)s changed this committee's names or mission after you opened the page. Nothing of "
            "yours was saved: your changes are still in the form. Check what is saved now, then save again "
            "to apply yours."
        ) % {"author": author}

    def clean(self):
        details_error = self.stale_details()
        try:
            cleaned = super().clean()
        except ValidationError as roster_error:
            raise ValidationError([m for m in (details_error, *roster_error.messages) if m]) from None
        if details_error:
            raise ValidationError(details_error)
        return cleaned


class RosterAdminMixin:
    """A roster's page, its history of whole versions and the revert with its preview.

    Each save records one version (``bureau.versions``) in the save's transaction; the history
    lists them with what changed; reverting restores a version's whole roster, after a preview
    of the change, as a new version.
    """

    change_form_template = "admin/bureau/roster_change_form.html"
    seat_model = Seat
    roster_field = "mandate"

    def get_urls(self):
        view = self.admin_site.admin_view
        info = self.model._meta.app_label, self.model._meta.model_name
        return [
            path(
                "<int:pk>/history/<int:version>/revert/",
                view(self.revert_view),
                name="{}_{}_roster_revert".format(*info),
            ),
            *super().get_urls(),
        ]

    def history_view(self, request, object_id, extra_context=None):
        roster = get_object_or_404(self.model, pk=object_id)
        if not self.has_view_or_change_permission(request, roster):
            raise PermissionDenied
        language, wording_map = get_language(), wordings()
        rows = list(versions.versions_of(roster)[:51])
        shown = []
        for index, version in enumerate(rows[:50]):
            previous = rows[index + 1].snapshot if index + 1 < len(rows) else None
            changes = (
                rosterdiff.describe_all(previous, version.snapshot, language, wording_map)
                if previous is not None
                else []
            )
            shown.append(
                {"version": version, "changes": changes, "first": previous is None, "latest": index == 0}
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": roster,
            "rows": shown,
            "detail_entries": versions.detail_changes(roster),
            "title": gettext("History of the roster: %(roster)s") % {"roster": roster},
            "can_revert": self.has_change_permission(request, roster),
            "revert_url": f"admin:{self.opts.app_label}_{self.opts.model_name}_roster_revert",
        }
        return TemplateResponse(request, "admin/bureau/roster_history.html", context)

    def revert_view(self, request, pk, version):
        roster = get_object_or_404(self.model, pk=pk)
        if not self.has_change_permission(request, roster):
            raise PermissionDenied
        target = get_object_or_404(versions.versions_of(roster), pk=version)
        change_url = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[roster.pk])
        error = ""
        if request.method == "POST":
            try:
                versions.revert(roster, target, author=request.user)
            except versions.RevertError as exc:
                error = str(exc)
            else:
                self.message_user(
                    request,
                    gettext(
                        "The roster is back to the chosen version; the revert is recorded as a new version."
                    ),
                )
                return redirect(change_url)
        changes = rosterdiff.describe_all(
            versions.snapshot(roster), target.snapshot, get_language(), wordings()
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": roster,
            "target": target,
            "changes": changes,
            "error": error,
            "change_url": change_url,
            "title": gettext("Revert the roster to the version of %(date)s")
            % {"date": _when(target.created_at)},
        }
        return TemplateResponse(request, "admin/bureau/roster_revert.html", context)

    # Static bundles of the page (``ROSTER_BUNDLES``), or None for the files one by one.
    static_bundle = None

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # The rows' autocompletes and office lists carry a key; what every row shares is
        # written once on the page (#roster-shared), bureau/roster-admin.js sets it back.
        shared = {"autocomplete": {}, "choices": {}}
        for inline_admin_formset in context.get("inline_admin_formsets", []):
            for field in inline_admin_formset.formset.form.base_fields.values():
                widget = getattr(field.widget, "widget", field.widget)
                if isinstance(widget, people.LabelledAutocompleteSelect) and widget.compact:
                    shared["autocomplete"][widget.shared_key()] = widget.shared_attrs()
                elif isinstance(widget, ChosenOptionSelect) and widget._flat():
                    shared["choices"][widget.key] = widget.shared_choices()
        context["roster_shared"] = shared
        if self.static_bundle:
            context["media"] = bundled_media(context["media"])
            context["static_bundle"] = self.static_bundle
        return super().render_change_form(request, context, add, change, form_url, obj)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        roster = self.get_object(request, object_id)
        extra = dict(extra_context or {})
        if roster is not None:
            extra["past_seats"] = (
                self.seat_model.objects.filter(**{self.roster_field: roster})
                .filter(end__lt=timezone.localdate())
                .select_related("person", "council")
                .order_by("-end", "order")
            )
            if request.method == "GET":
                extra["current_warnings"] = self.stored_warnings(roster)
        # The roster's table needs the page's whole width; the menu is one click away (Home).
        extra.setdefault("is_nav_sidebar_enabled", False)
        # A new committee is added on its own page (its names, mission and members together).
        if (
            roster is not None
            and self.model is Mandate
            and self.admin_site.get_model_admin(Committee).has_add_permission(request)
        ):
            extra["committee_add_url"] = (
                f"{reverse('admin:bureau_committee_add')}?{urlencode({'mandate': roster.pk})}"
            )
        response = super().change_view(request, object_id, form_url, extra)
        if hasattr(response, "add_post_render_callback"):
            response.add_post_render_callback(compact_html)
        return response

    def save_formset(self, request, form, formset, change):
        if formset.model is not self.seat_model:
            return super().save_formset(request, form, formset, change)
        # Rows about to be written leave the single-holder rule until written: two offices
        # swapped in one save never meet the database's constraint half-way.
        versions.park(
            self.seat_model,
            [
                f.instance.pk
                for f in formset.initial_forms
                if f.instance.pk and (f.has_changed() or formset._should_delete_form(f))
            ],
        )
        replacements = []
        for seat_form in formset.forms:
            if not hasattr(seat_form, "cleaned_data") or not seat_form.is_replacement():
                continue
            new_council = (
                seat_form.cleaned_data.get("council") if "council" in seat_form.changed_data else None
            )
            replacements.append((seat_form, seat_form.cleaned_data["person"], new_council))
            # The row keeps its holder, who leaves on the replacement date.
            seat_form.instance.person_id = seat_form.initial["person"]
            seat_form.instance.council_id = seat_form.initial.get("council")
        if self.seat_model is Seat:
            request._bureau_ranks_edited = any(
                "rank" in f.changed_data
                for f in formset.forms
                if hasattr(f, "cleaned_data") and f.instance.pk
            )
        super().save_formset(request, form, formset, change)
        for seat_form, person, council in replacements:
            services.replace_seat(
                seat=seat_form.instance, person=person, council=council, on=seat_form.replacement_date()
            )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        self.after_roster_saved(request, form.instance)
        versions.record(form.instance, author=request.user, before=form.roster_before)

    def after_roster_saved(self, request, roster):
        pass

    def stored_warnings(self, roster):
        return []


_PRESERVED = re.compile(r"(<(pre|textarea|script)\b.*?</\2>)", re.S | re.I)
_BLANK_RUN = re.compile(r"[ \t]*\n\s*")


def compact_html(response):
    """Fold the template's indentation: a roster page is mostly repeated rows, and every
    run of spaces with a line break is one space to the browser (not inside pre/textarea)."""
    parts = _PRESERVED.split(response.content.decode())
    # split() yields text, whole element, tag name, text …: only the text is folded.
    out = []
    for index, part in enumerate(parts):
        kind = index % 3
        if kind == 0:
            out.append(_BLANK_RUN.sub("\n", part))
        elif kind == 1:
            out.append(part)
    response.content = "".join(out).encode()
    return response


def _when(moment):
    return date_format(timezone.localtime(moment), "DATETIME_FORMAT")


@admin.register(Mandate)
class MandateAdmin(RosterAdminMixin, SortableAdminBase, admin.ModelAdmin):
    form = MandateForm

    class Media:
        css = {"all": ["bureau/roster-admin.css"]}
        js = ["admin/js/jquery.init.js", "bureau/roster-admin.js"]

    static_bundle = {
        "css": ROSTER_STYLES,
        "css_rtl_head": ROSTER_STYLES_RTL_HEAD,
        "css_rtl": ROSTER_STYLES_RTL,
    }
    list_display = ["__str__", "assembly_date", "start", "end", "is_current", "seat_count"]
    list_filter = ["is_current", "body"]
    fields = ["body", "assembly_date", "assembly", "start", "end", "is_current", "note", "roster_token"]
    autocomplete_fields = ["assembly"]
    inlines = [SeatInline, CommitteeInline]
    save_on_top = True

    def get_queryset(self, request):
        return (
            super().get_queryset(request).annotate(_seats=Count("seats", filter=Q(seats__end__isnull=True)))
        )

    @admin.display(description=_("seats held"), ordering="_seats")
    def seat_count(self, obj):
        return obj._seats

    def get_urls(self):
        urls = super().get_urls()
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/renew/", view(self.renew_view), name="bureau_mandate_renew"),
            path("<int:pk>/roster.xlsx", view(self.export_view), name="bureau_mandate_export"),
            path("<int:pk>/roster-import/", view(self.import_view), name="bureau_mandate_import"),
            path("title-preview/", view(self.title_preview), name="bureau_title_preview"),
            path("people/", view(self.person_autocomplete), name="bureau_person_autocomplete"),
            *urls,
        ]

    def person_autocomplete(self, request):
        return people.PersonAutocompleteView.as_view(admin_site=self.admin_site)(request)

    def title_preview(self, request):
        """The titles a seat would get, for the roster page to show before saving."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        person = Person.objects.filter(pk=parse_id(request.GET.get("person"), Person)).first()
        office = request.GET.get("office") or request.GET.get("role") or ""
        rank = request.GET.get("rank") or ""
        if person is None or office not in titles.DEFAULT_WORDING:
            return JsonResponse({"ar": "", "fr": ""})
        if office.startswith("committee_"):
            committee = Committee.objects.filter(pk=parse_id(request.GET.get("committee"), Committee)).first()
            if committee is None:
                return JsonResponse({"ar": "", "fr": ""})
            seat = CommitteeSeat(role=office, person=person, committee=committee)
        else:
            _low, highest = integer_limits(Seat._meta.get_field("rank"))
            seat = Seat(office=office, rank=parse_number(rank, 1, highest), person=person)
        wording_map = wordings()
        try:
            return JsonResponse(
                {language: seat.title(language, wording_map=wording_map) for language in ("ar", "fr")}
            )
        except (ValueError, KeyError):
            return JsonResponse({"ar": "", "fr": ""})

    def export_view(self, request, pk):
        """The roster as .xlsx, in the columns the import reads."""
        mandate = get_object_or_404(Mandate, pk=pk)
        if not self.has_view_permission(request, mandate):
            raise PermissionDenied
        response = HttpResponse(
            roster_xlsx.export_roster(mandate),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="roster-{mandate.pk}.xlsx"'
        return response

    def import_view(self, request, pk):
        """Import a roster typed in Excel: all rows or none, every error listed."""
        mandate = get_object_or_404(Mandate, pk=pk)
        if not self.has_change_permission(request, mandate):
            raise PermissionDenied
        form = RosterImportForm(request.POST or None, request.FILES or None)
        errors = []
        if request.method == "POST" and form.is_valid():
            before = versions.snapshot(mandate)
            try:
                with transaction.atomic():
                    count = roster_xlsx.import_roster(mandate=mandate, upload=form.cleaned_data["file"])
                    versions.record(
                        mandate, author=request.user, before=before, comment=gettext("Imported from Excel")
                    )
            except roster_xlsx.RosterImportError as exc:
                errors = exc.errors
            else:
                self.message_user(request, gettext("%(count)d rows imported.") % {"count": count})
                for warning in services.roster_warnings(mandate):
                    self.message_user(request, warning, level=messages.WARNING)
                return redirect(reverse("admin:bureau_mandate_change", args=[mandate.pk]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": mandate,
            "form": form,
            "import_errors": errors,
            "columns": roster_xlsx.headers(),
            "title": gettext("Import a roster"),
        }
        return TemplateResponse(request, "admin/bureau/mandate/import.html", context)

    def renew_view(self, request, pk):
        """Start a new mandate after a general assembly; the current one becomes history."""
        mandate = get_object_or_404(Mandate, pk=pk)
        if not (self.has_add_permission(request) and self.has_change_permission(request, mandate)):
            raise PermissionDenied
        form = RenewForm(request.POST or None, mandate=mandate)
        if request.method == "POST" and form.is_valid():
            new = services.mandate_renew(
                mandate=mandate,
                start=form.cleaned_data["start"],
                assembly_date=form.cleaned_data["assembly_date"],
                copy_roster=form.cleaned_data["copy_roster"],
            )
            versions.record(new, author=request.user, comment=gettext("New mandate"))
            self.message_user(
                request, gettext("The new mandate is current; the previous one is kept as history.")
            )
            return redirect(reverse("admin:bureau_mandate_change", args=[new.pk]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": mandate,
            "form": form,
            "media": self.media + form.media,
            "title": gettext("Start a new mandate"),
        }
        return TemplateResponse(request, "admin/bureau/mandate/renew.html", context)

    def after_roster_saved(self, request, roster):
        services.align_ranks_with_order(
            mandate=roster, ranks_edited=getattr(request, "_bureau_ranks_edited", False)
        )

    def stored_warnings(self, roster):
        return services.roster_warnings(roster)


class CommitteeSeatInline(CompactRowsMixin, SortableInlineAdminMixin, admin.TabularInline):
    model = CommitteeSeat
    form = HoldingForm
    extra = 0
    fields = ["role", "person", "generated_title", "council", "start", "end", "replaced_on", "correction"]
    readonly_fields = ["generated_title"]
    autocomplete_fields = ["person", "council"]
    formset = CommitteeSeatFormSet

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("committee")


@admin.register(Committee)
class CommitteeAdmin(RosterAdminMixin, SortableAdminBase, TranslatedAdmin):
    form = CommitteeForm
    seat_model = CommitteeSeat
    roster_field = "committee"
    list_display = ["name", "mandate", "chair"]
    list_filter = ["mandate"]
    search_fields = ["name_ar", "name_fr"]
    fields = ["mandate", "name", "mission", "roster_token", "details_token"]
    inlines = [CommitteeSeatInline]

    class Media:
        css = {"all": ["bureau/roster-admin.css"]}
        js = ["admin/js/jquery.init.js", "bureau/roster-admin.js"]

    def get_queryset(self, request):
        chairs = CommitteeSeat.objects.held().filter(role=CommitteeSeat.Role.CHAIR).select_related("person")
        return (
            super()
            .get_queryset(request)
            .select_related("mandate")
            .prefetch_related(Prefetch("seats", queryset=chairs, to_attr="chairs"))
        )

    @admin.display(description=_("chair"))
    def chair(self, obj):
        return ", ".join(str(seat.person) for seat in obj.chairs) or "–"

    def stored_warnings(self, roster):
        return services.committee_warnings(roster)


@admin.register(Seat)
class SeatAdmin(admin.ModelAdmin):
    """One seat on its own, read only: a roster is edited, versioned and reverted as a whole
    on its mandate's page."""

    list_display = ["__str__", "mandate", "office", "rank", "start", "end"]
    list_filter = ["mandate", "office"]
    list_select_related = ["person", "mandate"]
    search_fields = ["person__search_key"]
    autocomplete_fields = ["person", "council"]
    fields = ["mandate", "office", "rank", "person", "council", "start", "end", "order", "generated_title"]
    readonly_fields = ["generated_title"]

    @admin.display(description=_("title as published"))
    def generated_title(self, obj):
        return _titles_html(obj)

    def has_module_permission(self, request):
        return False  # reached from the mandate's roster; not a menu entry of its own

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class OfficeWordingForm(forms.ModelForm):
    class Meta:
        model = OfficeWording
        fields = ["office", "ar_male", "ar_female", "fr_male", "fr_female"]
        widgets = {
            "ar_male": forms.TextInput(attrs={"lang": "ar", "dir": "rtl", "size": 50}),
            "ar_female": forms.TextInput(attrs={"lang": "ar", "dir": "rtl", "size": 50}),
            "fr_male": forms.TextInput(attrs={"lang": "fr", "dir": "ltr", "size": 50}),
            "fr_female": forms.TextInput(attrs={"lang": "fr", "dir": "ltr", "size": 50}),
        }


@admin.register(OfficeWording)
class OfficeWordingAdmin(admin.ModelAdmin):
    """The association's own wording of a title: no code change needed."""

    form = OfficeWordingForm
    list_display = ["office", "ar_male", "ar_female", "fr_male", "fr_female"]
    readonly_fields = ["examples"]
    fields = ["office", "ar_male", "ar_female", "fr_male", "fr_female", "examples"]

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        office = initial.get("office") or titles.Office.VICE_PRESIDENT
        if office in titles.DEFAULT_WORDING:
            initial.setdefault("office", office)
            for key, value in OfficeWording.defaults_for(office).items():
                initial.setdefault(key, value)
        return initial

    @admin.display(description=_("examples"))
    def examples(self, obj):
        if obj is None or not obj.pk:
            return gettext("Save to see examples of the titles.")
        samples = {"ar": "لجنة الصحة", "fr": "commission de la santé"}
        rows = []
        for rank in (1, 2, 11, 12) if obj.office in titles.Office.RANKED else (None,):
            for gender in (titles.MALE, titles.FEMALE):
                rows.append(
                    [
                        titles.office_title(
                            obj.office,
                            gender=gender,
                            language=language,
                            rank=rank,
                            committee=samples[language],
                            wording=obj.wording,
                        )
                        for language in ("ar", "fr")
                    ]
                )
        return render_to_string("admin/bureau/includes/title_examples.html", {"rows": rows})


def home_links(request):
    """The admin home's first links: the current bureau's roster and its committees."""
    links = []
    can_view_mandates = admin_home.can_view(request, Mandate)
    mandate = Mandate.objects.current() if can_view_mandates else None
    if mandate is not None:
        url = reverse("admin:bureau_mandate_change", args=[mandate.pk])
        links.append({"label": gettext("The current bureau and its roster"), "url": url})
    elif can_view_mandates:
        links.append({"label": gettext("The bureau's mandates"), "url": admin_home.changelist_url(Mandate)})
    if admin_home.can_view(request, Committee):
        filters = {"mandate__id__exact": mandate.pk} if mandate is not None else {}
        url = admin_home.changelist_url(Committee, **filters)
        links.append({"label": gettext("The permanent committees"), "url": url})
    return links


admin_home.register_home_links(home_links, order=10)
