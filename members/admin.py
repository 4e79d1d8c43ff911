import datetime

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef, Q, Subquery
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from import_export.admin import ExportActionMixin, ImportExportMixin

from members import models, resources, services
from members.privacy_admin import PersonPrivacyActionsMixin
from members.search import name_match, name_terms
from portal import admin_home
from portal.admin_filters import ChoiceListFilter
from portal.admin_mixins import TranslatedAdmin, TranslatedTabularInline
from portal.content_version import VersionCountPaginator
from portal.spreadsheets import SpreadsheetExportMixin
from portal.text import search_terms

MATCH_REASONS = {
    "email": _("same e-mail"),
    "name": _("same name"),
    "phone": _("same phone"),
}


def match_reasons(candidate):
    """Why a person on file may be the applicant, in words, in a stable order."""
    return ", ".join(str(label) for key, label in MATCH_REASONS.items() if key in candidate.reasons)


class SearchKeyMixin:
    """Search on the normalised key, so Arabic spelling variants and French names match, and a
    misspelt name is found by its close spellings among every row of the model
    (``members.search.name_match``: the rule of the portal search and the directory)."""

    search_fields = ["search_key"]

    def get_search_results(self, request, queryset, search_term):
        names = name_terms(search_term)
        if not names:
            return queryset, False
        keysets = [(self.model._default_manager.all(), "search_key")]
        found, _count = name_match(queryset, "search_key", names, keysets, self.model._meta.label_lower)
        return found, False


class TerritoryAdmin(TranslatedAdmin):
    list_display = ["code", "name", "source_name_ar", "source_name_fr", "vintage"]
    readonly_fields = ["code", "source_name_ar", "source_name_fr", "vintage"]
    search_fields = ["code", "name_ar", "name_fr"]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(models.Region)
class RegionAdmin(TerritoryAdmin):
    pass


@admin.register(models.Province)
class ProvinceAdmin(TerritoryAdmin):
    list_display = ["code", "name", "kind", "region", "source_name_ar", "vintage"]
    list_filter = ["kind", "region"]
    list_select_related = ["region"]


@admin.register(models.Commune)
class CommuneAdmin(TerritoryAdmin):
    list_display = ["code", "name", "province", "source_name_ar", "vintage"]
    list_filter = ["province__region"]
    list_select_related = ["province"]


@admin.register(models.Council)
class CouncilAdmin(SpreadsheetExportMixin, ImportExportMixin, SearchKeyMixin, TranslatedAdmin):
    resource_classes = [resources.CouncilResource]
    list_display = ["name", "level", "area_region", "area_province"]
    list_filter = ["level", "area_region"]
    list_select_related = ["area_region", "area_province"]
    autocomplete_fields = ["region", "province", "commune"]
    fields = ["level", "name", "region", "province", "commune"]

    def get_ordering(self, request):
        """Regional councils first, then prefectural/provincial, then communal (also in autocomplete)."""
        return [models.Council.level_rank(), "name_ar", "pk"]


class CouncilSeatInline(admin.TabularInline):
    model = models.CouncilSeat
    extra = 0
    autocomplete_fields = ["council"]


class PersonMembershipInline(TranslatedTabularInline):
    model = models.Membership
    extra = 0
    fields = ["holder", "council", "number", "status", "joined_on", "position"]
    readonly_fields = ["status"]
    autocomplete_fields = ["council"]
    show_change_link = True


class PersonRegionFilter(ChoiceListFilter):
    title = _("region")
    parameter_name = "region"

    def lookups(self, request, model_admin):
        return [(r.pk, r.name) for r in models.Region.objects.all()]

    def queryset(self, request, queryset):
        if self.value():
            seats = models.CouncilSeat.objects.filter(
                person=OuterRef("pk"), council__area_region=self.value()
            )
            return queryset.filter(Exists(seats))
        return queryset


class PersonLevelFilter(ChoiceListFilter):
    title = _("council level")
    parameter_name = "level"

    def lookups(self, request, model_admin):
        return models.Council.Level.choices

    def queryset(self, request, queryset):
        if self.value():
            seats = models.CouncilSeat.objects.filter(person=OuterRef("pk"), council__level=self.value())
            return queryset.filter(Exists(seats))
        return queryset


class PrivateExportMixin:
    """Private contact details only go out to users with ``members.view_private_contact``."""

    def get_export_resource_classes(self, request):
        if request.user.has_perm("members.view_private_contact"):
            return [resources.PersonPrivateResource]
        return [resources.PersonResource]

    def get_import_resource_classes(self, request):
        return [resources.PersonImportPreviewResource]


@admin.register(models.Person)
class PersonAdmin(
    PersonPrivacyActionsMixin,
    PrivateExportMixin,
    SpreadsheetExportMixin,
    ImportExportMixin,
    ExportActionMixin,
    SearchKeyMixin,
    TranslatedAdmin,
):
    resource_classes = [resources.PersonPrivateResource]
    rollback_on_validation_errors = True
    list_display = ["name", "gender", "email_on_file", "photo_consent", "preferred_language"]
    list_filter = ["gender", PersonLevelFilter, PersonRegionFilter, "photo_consent"]
    list_per_page = 50
    show_full_result_count = False
    paginator = VersionCountPaginator  # 50,000 people: counted once per content version
    autocomplete_fields = ["user"]
    inlines = [CouncilSeatInline, PersonMembershipInline]
    fieldsets = [
        (
            None,
            {"fields": ["name", "aliases", "gender", "preferred_language", "photo", "photo_consent", "user"]},
        ),
        (_("Private contact details"), {"fields": ["phone", "email", "address"]}),
    ]

    @admin.display(boolean=True, description=_("e-mail on file"))
    def email_on_file(self, person):
        return bool(person.email)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not request.user.has_perm("members.view_private_contact"):
            fieldsets = [fs for fs in fieldsets if fs[1]["fields"] != ["phone", "email", "address"]]
        return fieldsets


class StatusChangeInline(admin.TabularInline):
    model = models.MembershipStatusChange
    extra = 0
    can_delete = False
    fields = ["on", "from_status", "to_status", "reason", "by", "recorded_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


class ContributionInline(admin.TabularInline):
    model = models.Contribution
    extra = 0


class ContributionMissingFilter(ChoiceListFilter):
    """The treasurer's view: who has not paid for a year."""

    title = _("contribution")
    parameter_name = "unpaid"

    def lookups(self, request, model_admin):
        year = timezone.localdate().year
        return [(str(y), _("No contribution for %(year)s") % {"year": y}) for y in range(year, year - 4, -1)]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.without_contribution(int(self.value()))
        return queryset


@admin.register(models.Membership)
class MembershipAdmin(TranslatedAdmin):
    list_display = ["__str__", "holder", "person", "council", "number", "status", "joined_on", "last_paid"]
    list_filter = ["status", ContributionMissingFilter, "holder", "council__level", "council__area_region"]
    list_select_related = ["person", "council"]
    ordering = ["-pk"]  # newest first, straight from the primary key index (50,000 rows)
    show_full_result_count = False
    paginator = VersionCountPaginator
    search_fields = ["number", "person__search_key", "council__search_key"]
    autocomplete_fields = ["person", "council"]
    readonly_fields = ["status", "joined_on", "ended_on", "end_reason"]
    inlines = [ContributionInline, StatusChangeInline]
    actions = ["activate", "suspend", "end"]

    def get_queryset(self, request):
        # The treasurer's column: the last year paid, in the same query as the list.
        # A subquery per listed row, not a GROUP BY over every membership.
        last = (
            models.Contribution.objects.filter(membership=OuterRef("pk")).order_by("-year").values("year")[:1]
        )
        return super().get_queryset(request).annotate(last_paid_year=Subquery(last))

    @admin.display(description=_("last contribution"), ordering="last_paid_year")
    def last_paid(self, membership):
        return membership.last_paid_year or "—"

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        for term in search_terms(search_term):
            queryset = queryset.filter(
                Q(number__iexact=term)
                | Q(person__search_key__startswith=term)
                | Q(person__search_key__contains=f" {term}")
                | Q(council__search_key__startswith=term)
                | Q(council__search_key__contains=f" {term}")
            )
        return queryset, False

    def _change(self, request, queryset, status):
        for membership in queryset:
            services.membership_change_status(membership=membership, status=status, by=request.user)
        self.message_user(
            request,
            ngettext("%(count)d membership updated.", "%(count)d memberships updated.", len(queryset))
            % {"count": len(queryset)},
        )

    @admin.action(description=_("Approve (activate) the selected memberships"), permissions=["change"])
    def activate(self, request, queryset):
        self._change(request, queryset, models.Membership.Status.ACTIVE)

    @admin.action(description=_("Suspend the selected memberships"), permissions=["change"])
    def suspend(self, request, queryset):
        self._change(request, queryset, models.Membership.Status.SUSPENDED)

    @admin.action(description=_("End the selected memberships…"), permissions=["change"])
    def end(self, request, queryset):
        """Ending needs a reason and a date, asked on an intermediate page; recorded in the history."""
        reason = request.POST.get("reason", "").strip()
        on = request.POST.get("on", "").strip()
        error = ""
        if "apply" in request.POST:
            try:
                day = datetime.date.fromisoformat(on) if on else timezone.localdate()
            except ValueError:
                day, error = None, gettext("Write the date as 2025-01-31.")
            if not reason:
                error = gettext("Give a reason for ending a membership.")
            if not error:
                open_ones = queryset.exclude(status=models.Membership.Status.ENDED)
                for membership in open_ones:
                    services.membership_change_status(
                        membership=membership,
                        status=models.Membership.Status.ENDED,
                        by=request.user,
                        reason=reason,
                        on=day,
                    )
                self.message_user(
                    request,
                    ngettext(
                        "%(count)d membership updated.", "%(count)d memberships updated.", len(open_ones)
                    )
                    % {"count": len(open_ones)},
                )
                return None
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("End memberships"),
            "memberships": queryset.select_related("person", "council"),
            "reason": reason,
            "on": on or timezone.localdate().isoformat(),
            "error": error,
            "opts": self.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "members/admin/end_memberships.html", context)


@admin.register(models.Contribution)
class ContributionAdmin(admin.ModelAdmin):
    list_display = ["membership", "year", "amount", "paid_on", "receipt"]
    list_filter = ["year"]
    list_select_related = ["membership__person", "membership__council"]
    autocomplete_fields = ["membership"]
    search_fields = ["receipt", "membership__number"]


@admin.register(models.MembershipApplication)
class MembershipApplicationAdmin(admin.ModelAdmin):
    """Applications and the secretariat's decisions on them.

    An application may be from someone already on file (same e-mail, name or phone), or may
    pretend to be: whether it is, and what it changes on them, is chosen on the review screen
    (``matches_view``) that shows both records side by side; approval never merges on its own.
    """

    list_display = ["name_ar", "name_fr", "council", "role", "submitted_at", "status", "match"]
    list_filter = ["status", "match", "council__level", "council__area_region"]
    list_select_related = ["council"]
    search_fields = ["name_ar", "name_fr", "email"]
    autocomplete_fields = ["council"]
    readonly_fields = ["submitted_at", "language", "consent", "status", "decided_at", "decided_by",
                       "rejection_reason", "possible_matches", "match", "person", "taken_over",
                       "match_decided_at", "match_decided_by", "membership"]  # fmt: skip
    fieldsets = [
        (None, {"fields": ["name_ar", "name_fr", "gender", "council", "role", "phone", "email", "message",
                           "language", "consent", "submitted_at"]}),
        (_("Person on file"), {"fields": ["possible_matches", "match", "person", "taken_over",
                                          "match_decided_at", "match_decided_by"]}),
        (_("Decision"), {"fields": ["status", "decided_at", "decided_by", "rejection_reason", "membership"]}),
    ]  # fmt: skip
    actions = ["approve", "reject"]

    def get_urls(self):
        return [
            path(
                "<path:object_id>/matches/",
                self.admin_site.admin_view(self.matches_view),
                name=f"{self.opts.app_label}_{self.opts.model_name}_matches",
            ),
            *super().get_urls(),
        ]

    @admin.display(description=_("taken over from the application"))
    def taken_over(self, application):
        labels = dict(models.MembershipApplication.Take.choices)
        return ", ".join(str(labels.get(key, key)) for key in application.take) or "—"

    @admin.display(description=_("possible matches"))
    def possible_matches(self, application):
        if application.pk is None:
            return "—"
        candidates = services.application_candidates(application)
        return render_to_string(
            "members/includes/application_matches.html",
            {
                "candidates": [(c.person, match_reasons(c)) for c in candidates],
                "url": reverse("admin:members_membershipapplication_matches", args=[application.pk]),
            },
        )

    def matches_view(self, request, object_id):
        """Both records side by side; the secretariat links the application or keeps it apart."""
        application = self.get_object(request, unquote(object_id))
        if application is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_or_change_permission(request, application):
            raise PermissionDenied
        can_decide = (
            self.has_change_permission(request, application)
            and application.status == models.MembershipApplication.Status.PENDING
        )
        candidates = services.application_candidates(application)
        error = ""
        if request.method == "POST":
            if not can_decide:
                raise PermissionDenied
            try:
                message = self._decide(request, application, candidates)
            except ValidationError as exc:
                error = " ".join(exc.messages)
            else:
                self.log_change(request, application, message)
                self.message_user(request, message, messages.SUCCESS)
                return redirect("admin:members_membershipapplication_change", application.pk)
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Possible matches of an application"),
            "subtitle": str(application),
            "opts": self.opts,
            "original": application,
            "application": application,
            "candidates": [(c, match_reasons(c)) for c in candidates],
            "take_choices": models.MembershipApplication.Take.choices,
            "show_contact": request.user.has_perm("members.view_private_contact"),
            "can_decide": can_decide,
            "error": error,
        }
        return TemplateResponse(request, "members/admin/application_matches.html", context)

    def _decide(self, request, application, candidates):
        """Record the choice posted on the review screen; return what to tell (and log)."""
        decision = request.POST.get("decision")
        if decision == "new":
            services.application_decide_new_person(application=application, by=request.user)
            return gettext("The application will create a new person when it is approved.")
        if decision == "link":
            chosen = request.POST.get("person", "")
            person = next((c.person for c in candidates if str(c.person.pk) == chosen), None)
            if person is None:
                raise ValidationError(gettext("This person is not among the application's possible matches."))
            take = request.POST.getlist("take")
            services.application_link(application=application, person=person, take=take, by=request.user)
            labels = dict(models.MembershipApplication.Take.choices)
            return gettext(
                "The application was linked to %(person)s; its approval will change: %(take)s."
            ) % {
                "person": person,
                "take": ", ".join(str(labels[key]) for key in take) or gettext("nothing"),
            }
        raise ValidationError(gettext("Choose a person on file or a new person."))

    @admin.action(description=_("Approve the selected applications"), permissions=["change"])
    def approve(self, request, queryset):
        """Approve what can be; skip (and name) those whose possible matches await a decision."""
        done, skipped = 0, []
        for application in queryset.filter(status=models.MembershipApplication.Status.PENDING):
            if not application.match and services.application_has_candidates(application):
                skipped.append(application)
                continue
            try:
                services.application_approve(
                    application=application, by=request.user, base_url=request.build_absolute_uri("/")
                )
            except ValidationError as error:
                refused = {"application": application, "errors": error.messages}
                self.message_user(
                    request,
                    render_to_string("members/includes/application_refused.html", refused),
                    messages.ERROR,
                )
                continue
            done += 1
        self.message_user(
            request,
            ngettext("%(count)d application approved.", "%(count)d applications approved.", done)
            % {"count": done},
        )
        if skipped:
            text = ngettext(
                "%(count)d application was not approved: people on file may be the applicant. "
                "Review its matches, then link it to one of them or choose a new person:",
                "%(count)d applications were not approved: people on file may be their applicants. "
                "Review their matches, then link each to one of them or choose a new person:",
                len(skipped),
            ) % {"count": len(skipped)}
            links = [
                (a, reverse("admin:members_membershipapplication_matches", args=[a.pk])) for a in skipped
            ]
            self.message_user(
                request,
                render_to_string(
                    "members/includes/applications_to_review.html", {"text": text, "skipped": links}
                ),
                messages.WARNING,
            )

    @admin.action(description=_("Reject the selected applications…"), permissions=["change"])
    def reject(self, request, queryset):
        pending = queryset.filter(status=models.MembershipApplication.Status.PENDING)
        reason = request.POST.get("reason", "").strip()
        if "apply" in request.POST:
            if not reason:
                self.message_user(
                    request, gettext("Give a reason for rejecting an application."), messages.ERROR
                )
            else:
                for application in pending:
                    try:
                        services.application_reject(application=application, by=request.user, reason=reason)
                    except ValidationError as error:
                        self.message_user(request, "; ".join(error.messages), messages.ERROR)
                self.message_user(request, gettext("The applications were rejected."))
                return None
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Reject applications"),
            "applications": pending,
            "opts": self.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "members/admin/reject_applications.html", context)


def applications_task(request):
    """The admin home's count of membership applications waiting for a decision."""
    if not admin_home.can_view(request, models.MembershipApplication):
        return None
    pending = models.MembershipApplication.Status.PENDING
    count = models.MembershipApplication.objects.filter(status=pending).count()
    return admin_home.task(
        text=ngettext(
            "%(count)d membership application to decide", "%(count)d membership applications to decide", count
        ),
        count=count,
        url=admin_home.changelist_url(models.MembershipApplication, status__exact=pending),
    )


admin_home.register_home_task(applications_task, order=10)


# --- Organisations and networks -------------------------------------------------------------------


class NetworkMembershipInline(admin.TabularInline):
    model = models.NetworkMembership
    fk_name = "network"
    extra = 0
    autocomplete_fields = ["council"]
    fields = ["council", "joined_on", "note"]


class NetworkMemberCountInline(admin.TabularInline):
    model = models.NetworkMemberCount
    extra = 0
    fields = ["level", "count", "source"]


@admin.register(models.Organisation)
class OrganisationAdmin(TranslatedAdmin):
    list_display = ["name", "kind", "territory_name", "website"]
    list_filter = ["kind"]
    list_select_related = ["region", "province", "commune"]
    search_fields = ["name_ar", "name_fr"]
    autocomplete_fields = ["region", "province", "commune"]
    fields = ["name", "kind", "founded_on", "website", "description", ("region", "province", "commune")]
    inlines = [NetworkMemberCountInline, NetworkMembershipInline]

    def get_inlines(self, request, obj):
        """Member councils and counts belong to networks only (a new record may become one)."""
        return self.inlines if obj is None or obj.is_network else []

    @admin.display(description=_("territory"))
    def territory_name(self, obj):
        return obj.territory or ""


@admin.register(models.NetworkMembership)
class NetworkMembershipAdmin(SpreadsheetExportMixin, ImportExportMixin, admin.ModelAdmin):
    """Every member council of every network, and the spreadsheet import of such lists."""

    resource_classes = [resources.NetworkMembershipResource]
    list_display = ["council", "network", "joined_on", "note"]
    list_filter = ["network", "council__level", "council__area_region"]
    list_select_related = ["council", "network"]
    search_fields = ["council__search_key", "network__name_ar", "network__name_fr"]
    autocomplete_fields = ["network", "council"]
