"""The member's personal convocation page, reached by the secret in its URL, and the minutes.

The secret is 32 random bytes (``Convocation.token``): whoever has the link sees that one
member's convocation and may reply for them, and nothing else; a wrong or altered key is a 404.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy, pgettext
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView, TemplateView

from assembly import services
from assembly.models import Assembly, Attendance, Convocation, Item, ItemDocument, Minutes
from assembly.pdf import minutes_pdf
from association.models import Document
from events.models import visibilities_for
from members.access import is_member
from members.models import Membership, Person
from portal.storage import serve_file


def _convocation(token):
    return get_object_or_404(
        Convocation.objects.select_related("assembly__event", "person", "council"), token=token
    )


def _held_by(convocation):
    """The members who gave their proxy to this convocation's member: their names only."""
    return [
        attendance.convocation.person
        for attendance in Attendance.objects.filter(proxy_holder=convocation)
        .select_related("convocation__person")
        .order_by("proxy_slot")
    ]


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
            "held": _held_by(convocation),
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
    # From the private storage (portal.private_media), under its original name.
    return serve_file(item_document.file)


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
        """The decisions item by item, and the statutes an item adopted, from one query; the
        event's page is linked only for a visitor who may open it. Nothing of a person's: the
        counts and results only."""
        assembly = self.object.assembly
        items = list(assembly.items.select_related("decision", "adopted_statutes").order_by("order", "pk"))
        visibilities = visibilities_for(self.request.user)
        return super().get_context_data(
            assembly=assembly,
            text=_text(self.object),
            decisions=services.decision_rows(items, "fr" if get_language() == "fr" else "ar"),
            adopted_statutes=[
                item.adopted_statutes
                for item in items
                if item.adopted_statutes_id
                and (
                    item.adopted_statutes.visibility == Document.Visibility.PUBLIC
                    or is_member(self.request.user)
                )
            ],
            event_visible=visibilities is None or assembly.event.visibility in visibilities,
            **kwargs,
        )


def _held_proxies():
    """The proxies a convocation's member holds (who gave them their vote), in slot order."""
    return Prefetch(
        "proxies",
        queryset=Attendance.objects.select_related("convocation__person").order_by("proxy_slot"),
        to_attr="held_proxies",
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
                Prefetch("assembly__items", queryset=Item.objects.prefetch_related("documents")),
                _held_proxies(),
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
    """A member proposes an item for an assembly's agenda, before the rules' deadline. After it,
    or for a member the assembly does not convene, the page says why and shows no form."""
    assembly = get_object_or_404(Assembly.objects.select_related("event"), pk=pk)
    person = _person(request.user)
    problem = services.request_problem(assembly, person)
    form = AgendaRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.request_agenda_item(
                assembly=assembly,
                person=person,
                title=form.cleaned_data["title"],
                explanation=form.cleaned_data["explanation"],
            )
        except services.AssemblyError as error:
            form.add_error(None, error.messages[0])
        else:
            if person.gender == "f":
                message = pgettext("female", "Your proposal is sent to the secretariat.")
            else:
                message = pgettext("male", "Your proposal is sent to the secretariat.")
            messages.success(request, message)
            return redirect(reverse("assembly:mine"))
    return render(
        request,
        "assembly/propose.html",
        {
            "assembly": assembly,
            "form": form,
            "problem": problem,
            "deadline": services.request_deadline(assembly),
        },
    )
