"""Public pages of the bureau and committees, and the open data export of the public roster."""

from django.db.models import Exists, OuterRef, Q
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import get_language
from django.views.generic import ListView, TemplateView

from bureau import opendata, selectors
from bureau.models import CommitteeSeat, Mandate, Seat, wordings
from events.models import Event, EventParticipant
from members.models import Person
from portal import spreadsheets


class CurrentBureauView(TemplateView):
    template_name = "bureau/current.html"

    def get_context_data(self, **kwargs):
        mandate = selectors.current_mandate()
        context = super().get_context_data(**kwargs)
        context.update(mandate=mandate, body_name=selectors.body_name(mandate))
        if mandate is not None:
            context["groups"] = selectors.grouped(selectors.seats(mandate))
            context["has_committees"] = mandate.committees.exists()
        context["has_past"] = Mandate.objects.past().exists()
        context["has_other_bodies"] = (
            Mandate.objects.filter(is_current=True).exclude(body=Mandate.Body.EXECUTIVE_BUREAU).exists()
        )
        return context


class GoverningBodiesView(TemplateView):
    """Every governing body of the association with its current roster, in its order."""

    template_name = "bureau/bodies.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(bodies=selectors.governing_bodies(), **kwargs)


class CommitteesView(TemplateView):
    template_name = "bureau/committees.html"

    def get_context_data(self, **kwargs):
        mandate = selectors.current_mandate()
        context = super().get_context_data(**kwargs)
        context.update(mandate=mandate, committees=selectors.committees(mandate) if mandate else [])
        return context


class PastMandatesView(ListView):
    template_name = "bureau/mandate_list.html"
    context_object_name = "mandates"

    def get_queryset(self):
        return Mandate.objects.past()

    def get_context_data(self, **kwargs):
        return super().get_context_data(body_name=selectors.body_name(None), **kwargs)


class MandateView(TemplateView):
    """A past mandate's whole roster, replaced holders included, each with their dates."""

    template_name = "bureau/mandate_detail.html"

    def get(self, request, *args, **kwargs):
        mandate = get_object_or_404(Mandate, pk=kwargs["pk"])
        if mandate.is_current:
            return redirect(mandate.get_absolute_url())
        self.mandate = mandate
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        wording_map = wordings()
        seats = selectors.seats(self.mandate, held_only=False, wording_map=wording_map)
        return super().get_context_data(
            mandate=self.mandate,
            body_name=selectors.body_name(self.mandate),
            groups=selectors.grouped(seats),
            committees=selectors.committees(self.mandate, held_only=False, wording_map=wording_map),
            **kwargs,
        )


class PersonRolesView(TemplateView):
    """A person's public roles in the bureau and committees, and the activities where they
    spoke or took part (nothing else about them)."""

    template_name = "bureau/person.html"

    def get_context_data(self, **kwargs):
        took_part = EventParticipant.objects.filter(
            person=OuterRef("pk"), event__in=Event.objects.visible_to(self.request.user)
        )
        holds = (
            Exists(Seat.objects.filter(person=OuterRef("pk")))
            | Exists(CommitteeSeat.objects.filter(person=OuterRef("pk")))
            | Exists(took_part)
        )
        person = Person.objects.filter(Q(holds), pk=kwargs["pk"]).first()
        if person is None:
            raise Http404
        bureau_seats, committee_seats = selectors.public_roles(person)
        return super().get_context_data(
            person=person,
            bureau_seats=bureau_seats,
            committee_seats=committee_seats,
            participations=selectors.participations(person, self.request.user),
            **kwargs,
        )


def open_data_json(request):
    """The current public roster as Popolo JSON, labels in the requested language."""
    data = opendata.popolo(request, language=get_language())
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Content-Disposition"] = 'inline; filename="bureau.json"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def open_data_csv(request):
    """The current public roster as CSV: one row per seat or committee seat."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="bureau.csv"'
    response.write("\ufeff")  # so that spreadsheet programs read UTF-8 Arabic
    writer = spreadsheets.csv_writer(response)
    writer.writerows(opendata.rows(language=get_language()))
    return response
