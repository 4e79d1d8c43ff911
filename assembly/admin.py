"""The secretariat's screens: rules, assemblies with their agenda, convocations, the sign-in
screen of the day, decisions and minutes.

Writes that the statutes govern go through ``assembly.services``; the admin forms only collect
what to write, and show the service's refusal as a form error (nothing half-saved).
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext, pgettext
from django.utils.translation import gettext_lazy as _
from solo.admin import SingletonModelAdmin

from assembly import models, services
from assembly.pdf import letter_pdf, minutes_pdf
from portal.admin_history import HistoryAdmin
from portal.admin_mixins import TranslatedAdmin, TranslatedTabularInline


@admin.register(models.AssemblyRules)
class AssemblyRulesAdmin(SingletonModelAdmin, HistoryAdmin):
    """The rules of the latest version of the statutes (an assembly copies them when it is
    created; the earlier versions keep theirs)."""

    # django-solo's history page lists Django's log of admin actions, not the versions that
    # django-simple-history keeps of the rules: the rules' history is simple-history's.
    object_history_template = "simple_history/object_history.html"
    readonly_fields = ["statutes_version"]
    fieldsets = [
        (None, {"fields": ["statutes_version"]}),
        (
            _("Convocation"),
            {
                "fields": [
                    "notice_days",
                    "request_days",
                    "convene_regional",
                    "convene_prefectural",
                    "convene_provincial",
                    "convene_communal",
                ]
            },
        ),
        (_("Quorum"), {"fields": ["quorum_first_percent", "quorum_second_percent"]}),
        (_("Proxies"), {"fields": ["proxies_allowed", "max_proxies"]}),
        (
            _("Majorities"),
            {
                "fields": [
                    *[f"majority_{kind}" for kind in models.ItemKind.values],
                    "abstentions_are_cast",
                    "unanimity_tolerates_abstentions",
                ]
            },
        ),
    ]

    @admin.display(description=_("version of the statutes"))
    def statutes_version(self, obj):
        latest = models.StatutesVersion.objects.latest_version()
        if latest is None:
            return gettext("No version of the statutes is recorded yet.")
        return gettext("%(version)s, in force from %(date)s") % {
            "version": latest,
            "date": date_format(latest.in_force_from, "DATE_FORMAT"),
        }


@admin.register(models.StatutesVersion)
class StatutesVersionAdmin(HistoryAdmin, TranslatedAdmin):
    """The versions of the statutes: those adopted by an assembly are written by the amendment's
    decision (read only here, but for the text and the note); earlier ones are entered by hand."""

    list_display = ["__str__", "in_force_from", "adopted_on", "adopted_by", "document"]
    fields = [
        "number",
        "in_force_from",
        "adopted_on",
        "adopted_by",
        "item",
        "document",
        "note",
        "rules_summary",
        "assemblies_held",
    ]
    raw_id_fields = ["document"]
    readonly_fields = ["adopted_by", "item", "rules_summary", "assemblies_held"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("adopted_by__event", "document")

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.adopted_by_id:
            return ["number", "in_force_from", "adopted_on", *self.readonly_fields]
        return self.readonly_fields

    def get_changeform_initial_data(self, request):
        last = models.StatutesVersion.objects.order_by("-number").values_list("number", flat=True).first()
        return {"number": (last or 0) + 1, **super().get_changeform_initial_data(request)}

    @admin.display(description=_("rules of the general assembly"))
    def rules_summary(self, obj):
        if obj is None or obj.pk is None:
            return gettext("Taken from the rules of the general assembly when the version is the latest.")
        if not obj.rules:
            return gettext("Not recorded.")
        return _rules_text(obj.rule)

    @admin.display(description=_("assemblies held under this version"))
    def assemblies_held(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        return ", ".join(str(assembly) for assembly in obj.assemblies.select_related("event")) or "—"

    def save_model(self, request, obj, form, change):
        services.statutes_version_save(version=obj)


def _rules_text(rules):
    return gettext(
        "Notice: %(days)d days; quorum: %(first)d%% then %(second)d%%; proxies per member: %(max)d."
    ) % {
        "days": rules.notice_days,
        "first": rules.quorum_first_percent,
        "second": rules.quorum_second_percent,
        "max": rules.max_proxies if rules.proxies_allowed else 0,
    }


class ItemInline(TranslatedTabularInline):
    model = models.Item
    extra = 0
    fields = ["order", "kind", "title", "agenda_item"]
    raw_id_fields = ["agenda_item"]
    show_change_link = True


@admin.register(models.Assembly)
class AssemblyAdmin(HistoryAdmin):
    list_display = ["__str__", "date", "kind", "convocation_number", "status", "sign_in_link"]
    list_filter = ["kind", "status"]
    raw_id_fields = ["event", "first_convocation"]
    readonly_fields = ["status", "statutes", "rules_summary"]
    inlines = [ItemInline]
    actions = ["convene", "send_convocations", "open_sitting", "generate_minutes"]

    @admin.display(description=_("date"))
    def date(self, obj):
        return obj.date

    @admin.display(description=_("rules applied"))
    def rules_summary(self, obj):
        # Before it is saved, an assembly will take the settings' rules as they are now.
        rules = obj.rule if obj.rules is not None else models.Rules(models.AssemblyRules.get_solo().as_dict())
        return _rules_text(rules)

    @admin.display(description=_("sign-in"))
    def sign_in_link(self, obj):
        url = reverse("admin:assembly_sign_in", args=[obj.pk])
        return render_to_string("admin/includes/link.html", {"url": url, "label": gettext("Sign-in screen")})

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.agenda_to_calendar(assembly=form.instance)

    def get_urls(self):
        return [
            path("<int:pk>/sign-in/", self.admin_site.admin_view(self.sign_in_view), name="assembly_sign_in"),
            *super().get_urls(),
        ]

    @admin.action(description=_("Convene the members"))
    def convene(self, request, queryset):
        for assembly in queryset:
            try:
                count = services.convene(assembly=assembly)
            except services.AssemblyError as error:
                self.message_user(request, f"{assembly}: {error.messages[0]}", messages.ERROR)
            else:
                post = assembly.convocations.for_post().count()
                self.message_user(
                    request,
                    ngettext(
                        "%(assembly)s: %(count)d member convened; convocations to send by post: %(post)d. "
                        "E-mail them with the action “Send the convocations by e-mail”.",
                        "%(assembly)s: %(count)d members convened; convocations to send by post: %(post)d. "
                        "E-mail them with the action “Send the convocations by e-mail”.",
                        count,
                    )
                    % {"assembly": assembly, "count": count, "post": post},
                )

    @admin.action(description=_("Send the convocations by e-mail"))
    def send_convocations(self, request, queryset):
        """Sends what is not sent yet (resumable, like the send_convocations command), and says
        what this run did: sent now, failed (to retry), already sent before, listed for post."""
        for assembly in queryset:
            if assembly.status == models.Assembly.Status.PREPARATION:
                self.message_user(
                    request,
                    f"{assembly}: {gettext('Convene the members first.')}",
                    messages.ERROR,
                )
                continue
            already = assembly.convocations.filter(delivery=models.Convocation.Delivery.SENT).count()
            sent, failed = services.send_convocations(
                assembly=assembly, base_url=request.build_absolute_uri("/")
            )
            post = assembly.convocations.for_post().count()
            self.message_user(
                request,
                _sending_text(assembly, sent=sent, failed=failed, already=already, post=post),
                messages.WARNING if failed else messages.SUCCESS,
            )

    @admin.action(description=_("Open the sitting (check the quorum)"))
    def open_sitting(self, request, queryset):
        for assembly in queryset:
            try:
                result = services.open_sitting(assembly=assembly)
            except services.AssemblyError as error:
                self.message_user(request, f"{assembly}: {error.messages[0]}", messages.ERROR)
                continue
            level = messages.SUCCESS if result["reached"] else messages.WARNING
            self.message_user(request, _quorum_text(result), level)

    @admin.action(description=_("Generate the minutes"))
    def generate_minutes(self, request, queryset):
        for assembly in queryset:
            try:
                minutes = services.generate_minutes(assembly=assembly)
            except services.AssemblyError as error:
                self.message_user(request, f"{assembly}: {error.messages[0]}", messages.ERROR)
            else:
                self.message_user(request, gettext("Minutes generated: %(minutes)s") % {"minutes": minutes})

    def sign_in_view(self, request, pk):
        """The tablet screen: find a member, mark present, record a proxy given on paper."""
        if not request.user.has_perm("assembly.change_attendance"):
            raise PermissionDenied
        assembly = get_object_or_404(models.Assembly.objects.select_related("event"), pk=pk)
        query = request.GET.get("q", "").strip()
        if request.method == "POST":
            convocation = get_object_or_404(assembly.convocations, pk=request.POST.get("convocation") or 0)
            try:
                if request.POST.get("action") == "present":
                    services.mark_present(convocation=convocation, by=request.user)
                    if convocation.person.gender == "f":
                        message = pgettext("female", "%(member)s is present.")
                    else:
                        message = pgettext("male", "%(member)s is present.")
                    self.message_user(request, message % {"member": convocation.person})
                elif request.POST.get("action") == "proxy":
                    holder = assembly.convocations.filter(pk=request.POST.get("holder") or 0).first()
                    if holder is None:
                        raise services.AssemblyError(
                            gettext("The proxy holder must be a member convened to this assembly.")
                        )
                    services.give_proxy(
                        convocation=convocation, holder=holder, by=request.user, on_paper=True
                    )
                    if convocation.person.gender == "f":
                        message = pgettext("female", "%(member)s is represented by %(holder)s.")
                    else:
                        message = pgettext("male", "%(member)s is represented by %(holder)s.")
                    self.message_user(
                        request, message % {"member": convocation.person, "holder": holder.person}
                    )
            except services.AssemblyError as error:
                self.message_user(request, error.messages[0], messages.ERROR)
            return redirect(f"{request.path}?q={query}" if query else request.path)
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Sign-in: %(assembly)s") % {"assembly": assembly},
            "opts": self.model._meta,
            "assembly": assembly,
            "query": query,
            "convocations": services.search_convocations(assembly, query)[:50],
            "everyone": assembly.convocations.select_related("person").order_by("person__name_ar"),
            "figures": services.figures(assembly),
        }
        return TemplateResponse(request, "admin/assembly/sign_in.html", context)


def _sending_text(assembly, *, sent, failed, already, post):
    """What a run of the sending did, in whole sentences, each agreeing with its number
    (Arabic's six plural forms): a run that finds everything sent says so, not "0 sent"."""
    sentences = [
        ngettext(
            "%(assembly)s: %(count)d convocation sent by e-mail.",
            "%(assembly)s: %(count)d convocations sent by e-mail.",
            sent,
        )
        % {"assembly": assembly, "count": sent}
    ]
    if failed:
        sentences.append(
            ngettext(
                "%(count)d convocation could not be sent: run the action again to retry it.",
                "%(count)d convocations could not be sent: run the action again to retry them.",
                failed,
            )
            % {"count": failed}
        )
    if already:
        sentences.append(
            ngettext(
                "%(count)d convocation had already been sent.",
                "%(count)d convocations had already been sent.",
                already,
            )
            % {"count": already}
        )
    if post:
        sentences.append(
            ngettext(
                "%(count)d member has no e-mail address: their convocation is listed for post.",
                "%(count)d members have no e-mail address: their convocations are listed for post.",
                post,
            )
            % {"count": post}
        )
    return " ".join(sentences)


def _quorum_text(result):
    text = gettext("Present: %(present)d, represented: %(represented)d, required: %(required)d.") % result
    if result["reached"]:
        verdict = gettext("The quorum is reached.")
    else:
        verdict = gettext("The quorum is not reached: convene a second assembly.")
    return f"{text} {verdict}"


@admin.register(models.Convocation)
class ConvocationAdmin(admin.ModelAdmin):
    list_display = ["person", "council", "assembly", "delivery", "sent_at", "reply_label", "letters"]
    list_filter = ["delivery", "reply", "assembly"]
    search_fields = ["person__name_ar", "person__name_fr", "council__name_ar"]
    fields = ["assembly", "person", "council", "delivery", "sent_at", "error", "reply_label", "letters"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person", "council", "assembly__event")

    @admin.display(description=_("reply"), ordering="reply")
    def reply_label(self, obj):
        return obj.reply_label

    @admin.display(description=_("letter"))
    def letters(self, obj):
        url = reverse("admin:assembly_letter", args=[obj.pk])
        return render_to_string("admin/assembly/includes/language_links.html", {"url": url})

    def get_urls(self):
        return [
            path("<int:pk>/letter.pdf", self.admin_site.admin_view(self.letter_view), name="assembly_letter"),
            *super().get_urls(),
        ]

    def letter_view(self, request, pk):
        if not request.user.has_perm("assembly.view_convocation"):
            raise PermissionDenied
        convocation = get_object_or_404(
            models.Convocation.objects.select_related("person", "council", "assembly__event"), pk=pk
        )
        language = "fr" if request.GET.get("lang") == "fr" else "ar"
        response = HttpResponse(
            letter_pdf(convocation, language=language, base_url=request.build_absolute_uri("/")),
            content_type="application/pdf",
        )
        response["Content-Disposition"] = f'inline; filename="convocation-{convocation.pk}-{language}.pdf"'
        return response


@admin.register(models.Attendance)
class AttendanceAdmin(HistoryAdmin):
    """Read only here: attendance is recorded on the sign-in screen."""

    list_display = ["convocation", "status_label", "proxy_holder", "on_paper", "recorded_by", "recorded_at"]
    list_filter = ["status", "on_paper", "convocation__assembly"]
    list_select_related = ["convocation__person", "proxy_holder__person", "recorded_by"]
    readonly_fields = [
        "convocation",
        "status_label",
        "proxy_holder",
        "proxy_slot",
        "on_paper",
        "recorded_by",
        "recorded_at",
    ]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("attendance"), ordering="status")
    def status_label(self, obj):
        return obj.status_label


class DocumentInline(TranslatedTabularInline):
    model = models.ItemDocument
    extra = 0


class CandidateInline(admin.TabularInline):
    model = models.Candidate
    extra = 0
    autocomplete_fields = ["person"]
    raw_id_fields = ["council"]


@admin.register(models.Item)
class ItemAdmin(TranslatedAdmin):
    list_display = ["__str__", "assembly", "kind", "decided"]
    list_filter = ["kind", "assembly"]
    raw_id_fields = ["assembly", "agenda_item"]
    # Written by the approved amendment (services.adopt_statutes), not by hand.
    readonly_fields = ["adopted_statutes"]
    inlines = [DocumentInline, CandidateInline]
    actions = ["elect_bureau"]

    @admin.display(description=_("decided"), boolean=True)
    def decided(self, obj):
        return obj.is_closed

    @admin.action(description=_("Create the elected bureau's mandate"))
    def elect_bureau(self, request, queryset):
        for item in queryset:
            try:
                mandate = services.elect_bureau(item=item)
            except services.AssemblyError as error:
                self.message_user(request, f"{item}: {error.messages[0]}", messages.ERROR)
            else:
                self.message_user(request, gettext("New mandate: %(mandate)s") % {"mandate": mandate})


class DecisionForm(forms.ModelForm):
    """Records the decision through the service: a refusal is a form error and nothing is saved."""

    class Meta:
        model = models.Decision
        fields = ["item", "method", "votes_for", "votes_against", "abstentions", "note_ar", "note_fr"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if "item" in self.fields:
            # The items still open, newest assembly first, each named with its assembly and number.
            field = self.fields["item"]
            field.queryset = (
                models.Item.objects.filter(decision__isnull=True)
                .select_related("assembly__event")
                .order_by("-assembly__pk", "order", "pk")
            )
            field.label_from_instance = lambda item: f"{item.assembly} — {item.order}. {item}"

    def clean(self):
        data = super().clean()
        if self.errors or self.instance.pk:
            return data
        try:
            self.instance = services.record_decision(
                item=data["item"],
                method=data["method"],
                votes_for=data.get("votes_for"),
                votes_against=data.get("votes_against"),
                abstentions=data.get("abstentions"),
                note_ar=data.get("note_ar") or "",
                note_fr=data.get("note_fr") or "",
                by=self.user,
            )
        except services.AssemblyError as error:
            raise forms.ValidationError(error.messages) from error
        return data

    def validate_unique(self):
        """The service checked it under lock."""


@admin.register(models.Decision)
class DecisionAdmin(HistoryAdmin, TranslatedAdmin):
    """A decision's note in Arabic and French, each in its own tab and direction: each
    language's minutes read their own (a note typed in one language only is marked as such in
    the other's)."""

    form = DecisionForm
    list_display = ["item", "method", "votes_for", "votes_against", "abstentions", "approved", "recorded_at"]
    list_filter = ["method", "approved", "item__assembly"]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)

        class WithUser(form):
            def __init__(self, *args, **inner):
                super().__init__(*args, user=request.user, **inner)

        return WithUser

    def get_readonly_fields(self, request, obj=None):
        # A recorded decision closed its item: it is history, not edited.
        return (
            ["item", "method", "votes_for", "votes_against", "abstentions", "approved", "note_ar", "note_fr"]
            if obj
            else []
        )

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        """Saved by the service in the form's validation."""


@admin.register(models.Minutes)
class MinutesAdmin(HistoryAdmin, TranslatedAdmin):
    list_display = ["assembly", "approved_at", "public", "pdf_links"]
    readonly_fields = ["assembly", "approved_at", "approved_by", "pdf_links"]
    fields = ["assembly", "text", "public", "signed_pdf", "approved_at", "approved_by", "pdf_links"]
    actions = ["approve"]

    def has_add_permission(self, request):
        return False  # generated from the record (the assemblies' action)

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.is_approved:
            return [*self.readonly_fields, "text", "text_ar", "text_fr"]
        return self.readonly_fields

    @admin.display(description=_("PDF"))
    def pdf_links(self, obj):
        url = reverse("admin:assembly_minutes_pdf", args=[obj.pk])
        return render_to_string("admin/assembly/includes/language_links.html", {"url": url})

    def get_urls(self):
        return [
            path(
                "<int:pk>/minutes.pdf", self.admin_site.admin_view(self.pdf_view), name="assembly_minutes_pdf"
            ),
            *super().get_urls(),
        ]

    def pdf_view(self, request, pk):
        if not request.user.has_perm("assembly.view_minutes"):
            raise PermissionDenied
        minutes = get_object_or_404(models.Minutes.objects.select_related("assembly__event"), pk=pk)
        language = "fr" if request.GET.get("lang") == "fr" else "ar"
        return HttpResponse(minutes_pdf(minutes, language=language), content_type="application/pdf")

    @admin.action(description=_("Approve the minutes"))
    def approve(self, request, queryset):
        for minutes in queryset:
            try:
                services.approve_minutes(minutes=minutes, by=request.user)
            except services.AssemblyError as error:
                self.message_user(request, f"{minutes}: {error.messages[0]}", messages.ERROR)


class AgendaRequestForm(forms.ModelForm):
    """Answers a member's request through the service: accepted, it becomes an agenda item;
    refused, the member reads the reason. A refusal is a form error, nothing half-saved."""

    answer = forms.ChoiceField(
        label=_("Answer"),
        required=False,
        choices=[("", "—"), ("accept", _("Accept: add it to the agenda")), ("refuse", _("Refuse"))],
    )

    class Meta:
        model = models.AgendaRequest
        fields = ["reason"]

    def __init__(self, *args, user=None, base_url="", **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.base_url = base_url

    def clean(self):
        data = super().clean()
        answer = data.get("answer")
        if self.errors or not answer:
            return data
        try:
            if answer == "accept":
                services.accept_request(request=self.instance, by=self.user, base_url=self.base_url)
            else:
                services.refuse_request(
                    request=self.instance,
                    reason=data.get("reason", ""),
                    by=self.user,
                    base_url=self.base_url,
                )
        except services.AssemblyError as error:
            raise forms.ValidationError(error.messages) from error
        self.instance.refresh_from_db()
        return data


@admin.register(models.AgendaRequest)
class AgendaRequestAdmin(HistoryAdmin):
    form = AgendaRequestForm
    list_display = ["title", "person", "assembly", "created_at", "status"]
    list_filter = ["status", "assembly"]
    search_fields = ["title", "person__name_ar", "person__name_fr"]
    readonly_fields = [
        "assembly",
        "person",
        "title",
        "explanation",
        "created_at",
        "status",
        "item",
        "decided_at",
        "decided_by",
    ]
    actions = ["accept"]

    def get_fields(self, request, obj=None):
        return [
            "assembly",
            "person",
            "title",
            "explanation",
            "created_at",
            "status",
            *(
                ["answer", "reason"]
                if obj is None or obj.status == models.AgendaRequest.Status.PENDING
                else ["reason"]
            ),
            "item",
            "decided_at",
            "decided_by",
        ]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.status != models.AgendaRequest.Status.PENDING:
            return [*self.readonly_fields, "reason"]
        return self.readonly_fields

    def has_add_permission(self, request):
        return False  # members propose on their page

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person", "assembly__event", "item")

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)

        class WithUser(form):
            def __init__(self, *args, **inner):
                # The answer's e-mail links to the member's page on this portal.
                super().__init__(*args, user=request.user, base_url=request.build_absolute_uri("/"), **inner)

        return WithUser

    def save_model(self, request, obj, form, change):
        """The service saved the answer; the reason alone (no answer yet) is kept as a draft."""
        if not form.cleaned_data.get("answer"):
            super().save_model(request, obj, form, change)

    @admin.action(description=_("Accept: add them to the agenda"))
    def accept(self, request, queryset):
        for agenda_request in queryset:
            try:
                services.accept_request(
                    request=agenda_request, by=request.user, base_url=request.build_absolute_uri("/")
                )
            except services.AssemblyError as error:
                self.message_user(request, f"{agenda_request}: {error.messages[0]}", messages.ERROR)
            else:
                self.message_user(request, gettext("On the agenda: %(item)s") % {"item": agenda_request})
