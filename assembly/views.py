"""The member's personal convocation page, reached by the secret in its URL, and the minutes.

The secret is 32 random bytes (``Convocation.token``): whoever has the link sees that one
member's convocation and may reply for them, and nothing else; a wrong or altered key is a 404.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Prefetch
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView, TemplateView

from assembly import services
from assembly.models import Assembly, Convocation, Item, ItemDocument, Minutes
from assembly.pdf import minutes_pdf
from members.models import Membership, Person


def _convocation(token):
    return get_object_or_404(
        Convocation.objects.select_related("assembly__event", "person", "council"), token=token
    )


@never_cache
def personal(request, token):
    convocation = _convocation(token)
    assembly = convocation.assembly
    if request.method == "POST":
        try:
            if request.POST.get("reply") == "attend":
                services.will_attend(convocation=convocation)
                messages.success(request, _("Your reply is recorded."))
            elif request.POST.get("reply") == "proxy":
                holder = (
                    assembly.convocations.filter(pk=request.POST.get("holder") or 0)
                    .exclude(pk=convocation.pk)
                    .first()
                )
                if holder is None:
                    raise services.AssemblyError(
                        _("The proxy holder must be a member convened to this assembly.")
                    )
                services.give_proxy(convocation=convocation, holder=holder)
                messages.success(request, _("Your proxy is recorded."))
        except services.AssemblyError as error:
            messages.error(request, error.messages[0])
        return redirect(convocation.get_absolute_url())
    proxy = getattr(convocation, "attendance", None)
    return render(
        request,
        "assembly/personal.html",
        {
            "convocation": convocation,
            "assembly": assembly,
            "items": assembly.items.prefetch_related("documents"),
            "proxy": proxy if proxy and proxy.proxy_holder_id else None,
            "others": assembly.convocations.exclude(pk=convocation.pk).select_related("person", "council"),
            "is_open": assembly.status
            in (Assembly.Status.PREPARATION, Assembly.Status.CONVENED, Assembly.Status.SITTING),
            "proxies_allowed": assembly.rule.proxies_allowed,
        },
    )


@never_cache
def document(request, token, pk):
    convocation = _convocation(token)
    item_document = get_object_or_404(ItemDocument, pk=pk, item__assembly=convocation.assembly)
    return FileResponse(item_document.file.open("rb"), as_attachment=False)


def minutes(request, pk):
    """Approved minutes: members always, the public when the bureau made them public."""
    record = get_object_or_404(
        Minutes.objects.visible_to(request.user).select_related("assembly__event"), pk=pk
    )
    language = "fr" if get_language() == "fr" else "ar"
    response = HttpResponse(minutes_pdf(record, language=language), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="minutes-{record.assembly.date}-{language}.pdf"'
    return response


def _text(minutes):
    """The minutes in the page's language, the Arabic where the French is not written."""
    return getattr(minutes, f"text_{get_language()}", "") or minutes.text_ar or minutes.text


class MinutesListView(ListView):
    """Approved minutes: all of them for members, those the bureau made public for everyone."""

    template_name = "assembly/minutes_list.html"
    context_object_name = "minutes_list"

    def get_queryset(self):
        return (
            Minutes.objects.visible_to(self.request.user)
            .select_related("assembly__event")
            .order_by("-assembly__event__start_date", "-pk")
        )


class MinutesDetailView(DetailView):
    template_name = "assembly/minutes_detail.html"
    context_object_name = "minutes"

    def get_queryset(self):
        return Minutes.objects.visible_to(self.request.user).select_related("assembly__event")

    def get_context_data(self, **kwargs):
        assembly = self.object.assembly
        return super().get_context_data(
            assembly=assembly,
            text=_text(self.object),
            adopted_statutes=[
                item.adopted_statutes
                for item in assembly.items.filter(adopted_statutes__isnull=False).select_related(
                    "adopted_statutes"
                )
            ],
            **kwargs,
        )


def _person(user):
    return Person.objects.filter(user=user).first()


class MyConvocationsView(LoginRequiredMixin, TemplateView):
    """A member's own assemblies: their convocations with the reply, the documents and the
    minutes; the assemblies still open to their agenda requests; the requests they made."""

    template_name = "assembly/mine.html"

    def get_context_data(self, **kwargs):
        person = _person(self.request.user)
        if person is None:
            return super().get_context_data(person=None, **kwargs)
        convocations = list(
            person.convocations.select_related(
                "assembly__event", "assembly__minutes", "attendance__proxy_holder__person"
            )
            .prefetch_related(
                Prefetch("assembly__items", queryset=Item.objects.prefetch_related("documents"))
            )
            .order_by("-assembly__event__start_date", "-pk")
        )
        for convocation in convocations:
            attendance = getattr(convocation, "attendance", None)
            convocation.proxy = attendance if attendance and attendance.proxy_holder_id else None
            minutes = getattr(convocation.assembly, "minutes", None)
            convocation.published_minutes = minutes if minutes is not None and minutes.is_approved else None
        return super().get_context_data(
            person=person,
            convocations=convocations,
            open_assemblies=_open_to(person),
            requests=person.agenda_requests.select_related("assembly__event").order_by("-created_at"),
            **kwargs,
        )


def _open_to(person):
    """Assemblies that take this member's agenda requests today (one query for the member's
    council levels, one for the assemblies in preparation)."""
    levels = set(
        Membership.objects.active()
        .filter(person=person, council__isnull=False)
        .values_list("council__level", flat=True)
    )
    if not levels:
        return []
    today = timezone.localdate()
    candidates = Assembly.objects.filter(
        status__in=[Assembly.Status.PREPARATION, Assembly.Status.CONVENED], event__start_date__gt=today
    ).select_related("event")
    return [
        assembly
        for assembly in candidates
        if levels & set(assembly.rule.convened_levels()) and services.accepts_requests(assembly, on=today)
    ]


class AgendaRequestForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Proposed item"), max_length=300)
    explanation = forms.CharField(
        label=gettext_lazy("Explanation"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy("Why the assembly should discuss it, briefly."),
    )


@login_required
def propose(request, pk):
    """A member proposes an item for an assembly's agenda, before the rules' deadline."""
    assembly = get_object_or_404(Assembly.objects.select_related("event"), pk=pk)
    person = _person(request.user)
    form = AgendaRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if person is None:
                raise services.AssemblyError(
                    _("Only the members convened to this assembly may propose an item.")
                )
            services.request_agenda_item(
                assembly=assembly,
                person=person,
                title=form.cleaned_data["title"],
                explanation=form.cleaned_data["explanation"],
            )
        except services.AssemblyError as error:
            form.add_error(None, error.messages[0])
        else:
            messages.success(request, _("Your proposal is sent to the secretariat."))
            return redirect(reverse("assembly:mine"))
    return render(
        request,
        "assembly/propose.html",
        {"assembly": assembly, "form": form, "deadline": services.request_deadline(assembly)},
    )
