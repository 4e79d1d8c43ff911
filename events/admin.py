from adminsortable2.admin import SortableAdminMixin
from django.contrib import admin, messages
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ImportExportMixin

from events import models, services
from events.resources import EventParticipantResource, ProgrammeLineResource
from portal import admin_home
from portal.admin_mixins import TranslatedAdmin, TranslatedStackedInline, TranslatedTabularInline
from portal.content_version import VersionCountPaginator
from portal.spreadsheets import SpreadsheetExportMixin


@admin.register(models.EventKind)
class EventKindAdmin(SortableAdminMixin, TranslatedAdmin):
    list_display = ["order", "name", "swatch", "slug"]
    list_display_links = ["name"]
    prepopulated_fields = {"slug": ["name_fr"]}
    search_fields = ["name_ar", "name_fr", "slug"]

    @admin.display(description=_("colour"))
    def swatch(self, obj):
        style = f"background:{obj.colour};color:#fff;padding:0 .5em;border-radius:.25em"
        return format_html('<span style="{}">{}</span>', style, obj.colour)


class AgendaItemInline(TranslatedStackedInline):
    model = models.AgendaItem
    extra = 0
    fields = [("order", "kind"), ("day", "start_time", "end_time"), "title", "outcome"]


class EventParticipantInline(TranslatedStackedInline):
    """Speakers, moderators, delegations: a person of the register (autocomplete) or a typed name."""

    model = models.EventParticipant
    extra = 0
    fields = [("order", "role"), ("person", "gender"), "name", "capacity"]
    autocomplete_fields = ["person"]


class EventDocumentInline(TranslatedTabularInline):
    model = models.EventDocument
    extra = 0


class EventPhotoInline(TranslatedTabularInline):
    model = models.EventPhoto
    extra = 0


@admin.register(models.Event)
class EventAdmin(TranslatedAdmin):
    list_display = ["title", "kind", "when", "status", "visibility", "modality", "city"]
    list_filter = ["status", "visibility", "kind", "schedule", "modality", "region_code"]
    search_fields = ["title_ar", "title_fr", "city_ar", "city_fr", "venue_ar", "venue_fr"]
    date_hierarchy = "start_date"
    autocomplete_fields = ["organisers", "partners"]
    list_select_related = ["kind"]
    # Thousands of events over the years: one count (not two), kept per content version.
    show_full_result_count = False
    paginator = VersionCountPaginator
    readonly_fields = ["sequence", "updated_at"]
    inlines = [EventParticipantInline, AgendaItemInline, EventDocumentInline, EventPhotoInline]
    fieldsets = [
        (None, {"fields": ["kind", "title", "summary", "body", "status", "visibility"]}),
        (
            _("Date"),
            {
                "fields": [
                    "schedule",
                    ("start_date", "end_date"),
                    ("starts_at", "ends_at"),
                    ("intended_year", "intended_month"),
                    "schedule_note",
                ],
                "description": _(
                    "On a day or days: fill the first and last day. At a time: fill the start and end "
                    "times. Date to be set: leave the dates empty; the intended year or month is optional."
                ),
            },
        ),
        (
            _("Place"),
            {
                "fields": [
                    "modality",
                    "venue",
                    "city",
                    "country",
                    "province_code",
                    "region_code",
                    "host_province_code",
                    "online_url",
                    "map_url",
                ]
            },
        ),
        (
            _("Participants and partners"),
            {"fields": [("expected_participants", "actual_participants"), "organisers", "partners"]},
        ),
        (_("Outcomes"), {"fields": ["recommendations"]}),
        (_("Calendar feeds"), {"fields": ["sequence", "updated_at"], "classes": ["collapse"]}),
    ]

    @admin.display(description=_("date"), ordering="start_date")
    def when(self, obj):
        if obj.is_to_be_set:
            return _("Date to be set")
        if obj.is_multi_day:
            return f"{obj.start_date} – {obj.end_date}"
        return obj.start_date


class ProgrammeLineInline(TranslatedStackedInline):
    model = models.ProgrammeLine
    extra = 0
    fields = [
        ("order", "kind"),
        "activity",
        ("start_date", "end_date", "start_time"),
        "date_note",
        "content",
        "note",
        "event",
    ]
    autocomplete_fields = ["event"]


@admin.register(models.ActionProgramme)
class ActionProgrammeAdmin(TranslatedAdmin):
    list_display = ["year", "title", "published"]
    inlines = [ProgrammeLineInline]


@admin.register(models.ProgrammeLine)
class ProgrammeLineAdmin(SpreadsheetExportMixin, ImportExportMixin, TranslatedAdmin):
    """Lines of the programmes, with .xlsx import (all or nothing) and export."""

    resource_classes = [ProgrammeLineResource]
    list_display = ["programme", "order", "label", "start_date", "end_date", "kind", "event"]
    list_display_links = ["label"]
    list_filter = ["programme", "kind"]
    search_fields = ["activity_ar", "activity_fr", "content_ar", "content_fr", "note_ar"]
    list_select_related = ["programme", "kind", "event"]
    autocomplete_fields = ["event"]
    actions = ["schedule_lines"]

    @admin.display(description=_("activity"))
    def label(self, obj):
        return obj.label or "—"

    @admin.action(description=_("Put the selected lines in the calendar as planned events"))
    def schedule_lines(self, request, queryset):
        created = skipped = 0
        for line in queryset.select_related("programme", "kind"):
            if line.event_id or line.kind_id is None:
                skipped += 1
                continue
            services.programme_line_schedule(line=line)
            created += 1
        self.message_user(
            request,
            ngettext("%(count)d event created.", "%(count)d events created.", created) % {"count": created},
            messages.SUCCESS,
        )
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d line skipped: it already has an event or has no kind.",
                    "%(count)d lines skipped: they already have an event or have no kind.",
                    skipped,
                )
                % {"count": skipped},
                messages.WARNING,
            )


@admin.register(models.EventParticipant)
class EventParticipantAdmin(SpreadsheetExportMixin, ImportExportMixin, TranslatedAdmin):
    """People at every activity, and the .xlsx import of such lists (all or nothing); one
    activity's people are edited on its own page too."""

    resource_classes = [EventParticipantResource]
    list_display = ["__str__", "role", "capacity", "event"]
    list_filter = ["role"]
    list_select_related = ["person", "event"]
    search_fields = ["name_ar", "name_fr", "capacity_ar", "person__search_key", "event__title_ar"]
    autocomplete_fields = ["event", "person"]
    fields = ["event", ("order", "role"), ("person", "gender"), "name", "capacity"]


@admin.register(models.CalendarToken)
class CalendarTokenAdmin(admin.ModelAdmin):
    """Keys can be revoked (deleted) here; the member gets a new one on the subscribe page."""

    list_display = ["user", "created_at", "last_used_at"]
    search_fields = ["user__username"]
    readonly_fields = ["user", "created_at", "last_used_at"]
    fields = ["user", "created_at", "last_used_at"]

    def has_add_permission(self, request):
        return False


def to_be_scheduled_task(request):
    """The admin home's count of events with no date yet (cancelled ones left out).

    Only those still pending (planned for this year or a later one): the link leads to exactly
    these, not to every undated event, whose past-year ones are archived as never scheduled.
    """
    if not admin_home.can_view(request, models.Event):
        return None
    to_be_set = models.Event.objects.to_be_scheduled().exclude(status=models.Event.Status.CANCELLED)
    ids = list(to_be_set.values_list("pk", flat=True))
    return admin_home.task(
        text=ngettext(
            "%(count)d event to be scheduled (no date yet)",
            "%(count)d events to be scheduled (no date yet)",
            len(ids),
        ),
        count=len(ids),
        url=admin_home.changelist_url(models.Event, id__in=",".join(map(str, ids)) or "0"),
    )


admin_home.register_home_task(to_be_scheduled_task, order=20)
