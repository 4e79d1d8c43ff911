"""The secretariat's roster editing: a mandate's whole roster on one page.

Seats are added, removed and reordered (drag and drop) in the mandate's page; choosing another
person for a seat replaces its holder on a date (both people are kept, each with their dates)
unless the change is marked as a correction. People are picked by autocomplete through the
members app's Person admin, which matches Arabic spelling variants. Each seat shows its
generated title in Arabic and French; what looks wrong is warned about, never refused; every
change is kept by django-simple-history (History button: view and revert).
"""

from adminsortable2.admin import SortableAdminBase, SortableInlineAdminMixin
from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from bureau import roster_xlsx, services, titles
from bureau.models import Committee, CommitteeSeat, Mandate, OfficeWording, Seat, wordings
from members.models import Person
from portal.admin_mixins import TranslatedAdmin, TranslatedTabularInline
from portal.validators import validate_document


def _titles_html(obj):
    if obj is None or not obj.pk or not obj.person_id:
        return "–"
    return format_html(
        '<span lang="ar" dir="rtl">{}</span><br><bdi lang="fr" dir="ltr">{}</bdi>',
        obj.title("ar"),
        obj.title("fr"),
    )


class HoldingForm(forms.ModelForm):
    """A seat's row: choosing another person replaces the holder unless it is a correction."""

    replaced_on = forms.DateField(
        label=_("replacement date"),
        required=False,
        widget=admin.widgets.AdminDateWidget,
        help_text=_("When another person is chosen: the day the new holder takes the seat (default: today)."),
    )
    correction = forms.BooleanField(
        label=_("correction"),
        required=False,
        help_text=_("Tick to correct a mistake instead of recording a replacement."),
    )

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
    """Tabular rows that fit a screen: no repeated help under each date, small rank box."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name in {"start", "end", "rank"} and field is not None:
            field.help_text = ""
        if db_field.name == "rank" and field is not None:
            field.widget.attrs.update({"style": "inline-size: 4em"})
        if db_field.name in {"person", "council"} and field is not None:
            # People are added in the members register; here they are only picked.
            for flag in ("can_add_related", "can_change_related", "can_delete_related", "can_view_related"):
                setattr(field.widget, flag, False)
        return field


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
    show_change_link = True
    verbose_name = _("seat")
    verbose_name_plural = _("roster (drag the rows to reorder)")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person", "council")

    @admin.display(description=_("title as published"))
    def generated_title(self, obj):
        return _titles_html(obj)


class CommitteeInline(SortableInlineAdminMixin, TranslatedTabularInline):
    model = Committee
    extra = 0
    fields = ["name", "mission"]
    show_change_link = True
    verbose_name_plural = _("permanent committees (open one to name its chair and members)")
    formfield_overrides = {
        Committee._meta.get_field("mission").__class__: {
            "widget": forms.Textarea(attrs={"rows": 2, "cols": 40})
        }
    }


class RosterImportForm(forms.Form):
    file = forms.FileField(label=_("Excel file (.xlsx)"), validators=[validate_document])

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(gettext("Choose an Excel file (.xlsx)."))
        return upload


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


class MandateForm(forms.ModelForm):
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


@admin.register(Mandate)
class MandateAdmin(SortableAdminBase, SimpleHistoryAdmin):
    form = MandateForm

    class Media:
        css = {"all": ["bureau/roster-admin.css"]}
        js = ["admin/js/jquery.init.js", "bureau/roster-admin.js"]

    list_display = ["__str__", "assembly_date", "start", "end", "is_current", "seat_count"]
    list_filter = ["is_current", "body"]
    fields = ["body", "assembly_date", "assembly", "start", "end", "is_current", "note"]
    autocomplete_fields = ["assembly"]
    inlines = [SeatInline, CommitteeInline]
    save_on_top = True

    def get_queryset(self, request):
        from django.db.models import Count, Q

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
            *urls,
        ]

    def title_preview(self, request):
        """The titles a seat would get, for the roster page to show before saving."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        person = Person.objects.filter(pk=request.GET.get("person") or None).first()
        office = request.GET.get("office") or request.GET.get("role") or ""
        rank = request.GET.get("rank") or ""
        if person is None or office not in titles.DEFAULT_WORDING:
            return JsonResponse({"ar": "", "fr": ""})
        if office.startswith("committee_"):
            committee = Committee.objects.filter(pk=request.GET.get("committee") or None).first()
            if committee is None:
                return JsonResponse({"ar": "", "fr": ""})
            seat = CommitteeSeat(role=office, person=person, committee=committee)
        else:
            seat = Seat(
                office=office, rank=int(rank) if rank.isdigit() and int(rank) > 0 else None, person=person
            )
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
            try:
                count = roster_xlsx.import_roster(mandate=mandate, upload=form.cleaned_data["file"])
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

    def save_formset(self, request, form, formset, change):
        if formset.model is not Seat:
            return super().save_formset(request, form, formset, change)
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
        request._bureau_ranks_edited = any(
            "rank" in f.changed_data for f in formset.forms if hasattr(f, "cleaned_data") and f.instance.pk
        )
        super().save_formset(request, form, formset, change)
        for seat_form, person, council in replacements:
            services.replace_seat(
                seat=seat_form.instance, person=person, council=council, on=seat_form.replacement_date()
            )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        mandate = form.instance
        services.align_ranks_with_order(
            mandate=mandate, ranks_edited=getattr(request, "_bureau_ranks_edited", False)
        )
        for warning in services.roster_warnings(mandate):
            self.message_user(request, warning, level=messages.WARNING)


class CommitteeSeatInline(CompactRowsMixin, SortableInlineAdminMixin, admin.TabularInline):
    model = CommitteeSeat
    form = HoldingForm
    extra = 0
    fields = ["role", "person", "generated_title", "council", "start", "end", "replaced_on", "correction"]
    readonly_fields = ["generated_title"]
    autocomplete_fields = ["person", "council"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person", "council", "committee")

    @admin.display(description=_("title as published"))
    def generated_title(self, obj):
        return _titles_html(obj)


@admin.register(Committee)
class CommitteeAdmin(SortableAdminBase, SimpleHistoryAdmin, TranslatedAdmin):
    list_display = ["name", "mandate", "chair"]
    list_filter = ["mandate"]
    search_fields = ["name_ar", "name_fr"]
    fields = ["mandate", "name", "mission"]
    inlines = [CommitteeSeatInline]

    class Media:
        css = {"all": ["bureau/roster-admin.css"]}
        js = ["admin/js/jquery.init.js", "bureau/roster-admin.js"]

    def get_queryset(self, request):
        from django.db.models import Prefetch

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

    def save_formset(self, request, form, formset, change):
        replacements = []
        for seat_form in formset.forms:
            if not hasattr(seat_form, "cleaned_data") or not seat_form.is_replacement():
                continue
            new_council = (
                seat_form.cleaned_data.get("council") if "council" in seat_form.changed_data else None
            )
            replacements.append((seat_form, seat_form.cleaned_data["person"], new_council))
            seat_form.instance.person_id = seat_form.initial["person"]
            seat_form.instance.council_id = seat_form.initial.get("council")
        super().save_formset(request, form, formset, change)
        for seat_form, person, council in replacements:
            services.replace_seat(
                seat=seat_form.instance, person=person, council=council, on=seat_form.replacement_date()
            )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        for warning in services.committee_warnings(form.instance):
            self.message_user(request, warning, level=messages.WARNING)


@admin.register(Seat)
class SeatAdmin(SimpleHistoryAdmin):
    """One seat on its own, for its history (who changed what and when) and revert."""

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
        items = format_html_join(
            "", '<li><span lang="ar" dir="rtl">{}</span> · <bdi lang="fr">{}</bdi></li>', rows
        )
        return format_html("<ul>{}</ul>", items)
