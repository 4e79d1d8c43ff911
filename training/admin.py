from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from portal import admin_home
from portal.admin_filters import ChoiceListFilter
from portal.admin_mixins import TranslatedAdmin
from training import exports, models, selectors, services
from training.forms import RegisterOnBehalfForm
from training.pdf import sign_in_sheet_pdf


@admin.register(models.Topic)
class TopicAdmin(TranslatedAdmin):
    search_fields = ["name_ar", "name_fr"]


@admin.register(models.TrainingProgramme)
class TrainingProgrammeAdmin(TranslatedAdmin):
    list_display = ["title", "year", "audience", "published"]
    list_filter = ["year", "audience", "published"]


class SessionTopicInline(admin.TabularInline):
    model = models.SessionTopic
    extra = 0
    autocomplete_fields = ["topic"]


class RegistrationInline(admin.TabularInline):
    """The session's registrations, read only: seats change only through the services."""

    model = models.Registration
    extra = 0
    can_delete = False
    fields = ["participant", "council", "status", "created_at", "reminder_sent_at"]
    readonly_fields = fields
    ordering = ["created_at", "pk"]
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("participant"))
    def participant(self, obj):
        return obj.name

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person", "council")


@admin.register(models.TrainingSession)
class TrainingSessionAdmin(TranslatedAdmin):
    list_display = [
        "__str__",
        "session_date",
        "audience",
        "capacity",
        "seats_taken",
        "waiting_count",
        "registrations_link",
        "register_link",
    ]
    list_filter = ["programme__year", "audience", "programme"]
    search_fields = ["event__title_ar", "event__title_fr", "topics__name_ar", "topics__name_fr"]
    autocomplete_fields = ["event"]
    list_select_related = ["event"]
    inlines = [SessionTopicInline, RegistrationInline]
    actions = ["export_attendance", "print_sign_in_sheet"]
    change_list_template = "admin/training/trainingsession/change_list.html"

    def get_queryset(self, request):
        return super().get_queryset(request).with_seats()

    @admin.display(description=_("date"), ordering="event__start_date")
    def session_date(self, obj):
        return obj.date

    @admin.display(description=_("seats taken"), ordering="seats_taken")
    def seats_taken(self, obj):
        return obj.seats_taken

    @admin.display(description=_("waiting list"), ordering="waiting_count")
    def waiting_count(self, obj):
        return obj.waiting_count

    @admin.display(description=_("registrations"))
    def registrations_link(self, obj):
        """The session's registrations, where attendance is marked in bulk."""
        url = f"{reverse('admin:training_registration_changelist')}?session__id__exact={obj.pk}"
        return format_html('<a href="{}">{}</a>', url, gettext("Registrations and attendance"))

    @admin.display(description=_("register someone"))
    def register_link(self, obj):
        url = reverse("admin:training_register_on_behalf", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, gettext("Register"))

    def get_urls(self):
        return [
            path(
                "<int:pk>/register/",
                self.admin_site.admin_view(self.register_on_behalf_view),
                name="training_register_on_behalf",
            ),
            path("dashboard/", self.admin_site.admin_view(self.dashboard_view), name="training_dashboard"),
            *super().get_urls(),
        ]

    def register_on_behalf_view(self, request, pk):
        if not request.user.has_perm("training.add_registration"):
            raise PermissionDenied
        session = get_object_or_404(models.TrainingSession.objects.select_related("event"), pk=pk)
        form = RegisterOnBehalfForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                registration = services.registration_create(
                    session=session,
                    person=data["person"],
                    participant_name=data["participant_name"],
                    participant_gender=data["participant_gender"],
                    council=data["council"],
                    email=data["email"],
                    language=data["language"],
                    by=request.user,
                )
            except services.RegistrationError as error:
                form.add_error(None, error)
            else:
                self.message_user(
                    request,
                    gettext("%(name)s: %(status)s.")
                    % {"name": registration.name, "status": registration.status_label},
                    messages.SUCCESS,
                )
                return redirect("admin:training_trainingsession_change", session.pk)
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Register someone for %(session)s") % {"session": session},
            "session": session,
            "form": form,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/training/register_on_behalf.html", context)

    def dashboard_view(self, request):
        if not request.user.has_perm("training.view_registration"):
            raise PermissionDenied
        sessions = selectors.attendance_by_session()
        held = [s for s in sessions if s.attended + s.absent]
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Training dashboard"),
            "opts": self.model._meta,
            "sessions": sessions,
            "held_count": len(held),
            "registration_count": sum(s.registered for s in sessions),
            "regions": selectors.attendance_by_region(),
        }
        return TemplateResponse(request, "admin/training/dashboard.html", context)

    @admin.action(description=_("Export attendance (.xlsx)"))
    def export_attendance(self, request, queryset):
        sessions = queryset.select_related("event").prefetch_related("session_topics__topic")
        response = HttpResponse(
            exports.attendance_xlsx(sessions),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = 'attachment; filename="training-attendance.xlsx"'
        return response

    @admin.action(description=_("Print the sign-in sheet (PDF, Arabic)"))
    def print_sign_in_sheet(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, gettext("Choose exactly one session."), messages.WARNING)
            return None
        session = queryset.select_related("event").get()
        with translation.override("ar"):
            pdf = sign_in_sheet_pdf(session, exports.session_registrations(session), language="ar")
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="sign-in-sheet-{session.pk}.pdf"'
        return response


class SessionFilter(ChoiceListFilter):
    """Registrations of one session; the sessions are read with their events in one query."""

    title = _("session")
    parameter_name = "session__id__exact"

    def lookups(self, request, model_admin):
        sessions = models.TrainingSession.objects.select_related("event").order_by("-event__start_date", "pk")
        return [(str(s.pk), f"{s.date.isoformat() if s.date else '–'} · {s.event.title}") for s in sessions]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(session_id=int(self.value()))
        return queryset


@admin.register(models.Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["participant", "session", "status", "created_at", "reminder_sent_at", "certificate_link"]
    list_filter = ["status", "session__programme__year", SessionFilter]
    search_fields = ["person__name_ar", "person__name_fr", "participant_name"]
    list_select_related = ["person", "session__event"]
    readonly_fields = [
        "session",
        "person",
        "status",
        "registered_by",
        "created_at",
        "promoted_at",
        "cancelled_at",
        "attendance_marked_at",
        "reminder_sent_at",
    ]
    fields = [
        "session",
        "person",
        "participant_name",
        "participant_gender",
        "council",
        "email",
        "language",
        *readonly_fields[2:],
    ]
    actions = ["mark_attended", "mark_absent", "cancel_registrations"]

    def has_add_permission(self, request):
        # New registrations go through the session's "register someone" form (capacity rules).
        return False

    @admin.display(description=_("participant"))
    def participant(self, obj):
        return obj.name

    @admin.display(description=_("certificate"))
    def certificate_link(self, obj):
        if obj.status != models.Registration.Status.ATTENDED:
            return ""
        return render_to_string(
            "training/includes/certificate_links.html", {"url": obj.get_certificate_url()}
        )

    def _mark(self, request, queryset, attended):
        count = services.registration_mark_attendance(registrations=list(queryset), attended=attended)
        self.message_user(
            request,
            ngettext(
                "Attendance recorded for %(count)d registration.",
                "Attendance recorded for %(count)d registrations.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Mark as attended"))
    def mark_attended(self, request, queryset):
        self._mark(request, queryset, True)

    @admin.action(description=_("Mark as absent"))
    def mark_absent(self, request, queryset):
        self._mark(request, queryset, False)

    @admin.action(description=_("Cancel (frees the seat for the waiting list)"))
    def cancel_registrations(self, request, queryset):
        done = 0
        for registration in queryset.exclude(status=models.Registration.Status.CANCELLED):
            try:
                services.registration_cancel(registration=registration)
                done += 1
            except services.RegistrationError as error:
                self.message_user(
                    request, f"{registration.name}: {' '.join(error.messages)}", messages.WARNING
                )
        self.message_user(
            request,
            ngettext("%(count)d registration cancelled.", "%(count)d registrations cancelled.", done)
            % {"count": done},
            messages.SUCCESS,
        )


def nearly_full_task(request):
    """The admin home's count of sessions to come with 90 % of their seats or more taken."""
    if not admin_home.can_view(request, models.TrainingSession):
        return None
    ids = list(selectors.nearly_full_sessions().values_list("pk", flat=True))
    return admin_home.task(
        text=ngettext(
            "%(count)d training session nearly full (90 %% of seats or more)",
            "%(count)d training sessions nearly full (90 %% of seats or more)",
            len(ids),
        ),
        count=len(ids),
        url=admin_home.changelist_url(models.TrainingSession, id__in=",".join(map(str, ids)) or "0"),
    )


admin_home.register_home_task(nearly_full_task, order=30)
