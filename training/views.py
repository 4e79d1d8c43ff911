from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import urlencode
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, ListView, TemplateView

from members.access import is_member
from portal.urls_fast import pk_url_maker
from training import selectors, services
from training.forms import StaffRegistrationForm
from training.models import Audience, Registration, TrainingSession
from training.pdf import certificate_pdf


class CatalogueView(TemplateView):
    """The year's programmes (the latest year unless one is asked for) with their sessions."""

    template_name = "training/catalogue.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        years = selectors.catalogue_years(user)
        year = kwargs.pop("year", None) or (years[0] if years else timezone.localdate().year)
        if "year" in self.kwargs and year not in years:
            raise Http404
        programmes = selectors.programmes_for_year(user=user, year=year)
        sessions = [s for p in programmes for s in p.session_list]
        mine = selectors.registrations_by_session(user=user, sessions=sessions)
        # What each card shows, computed once per session rather than in the template (issue 8).
        session_url = pk_url_maker("training:session")
        for session in sessions:
            session.my_registration = mine.get(session.pk)
            session.card_url = session_url(session.pk)
            session.catalogue_problem = session.registration_problem()
        return super().get_context_data(
            year=year,
            years=years,
            programmes=programmes,
            can_register=is_member(user),
            sign_in_url=f"{reverse('members:login')}?next={urlencode(self.request.path)}",
            **kwargs,
        )


class SessionDetailView(DetailView):
    template_name = "training/session_detail.html"
    context_object_name = "session"

    def get_queryset(self):
        return TrainingSession.objects.visible_to(self.request.user).for_listing()

    def get_context_data(self, **kwargs):
        session = self.object
        user = self.request.user
        staff_form = None
        if session.audience == Audience.STAFF and not session.registration_problem():
            councils = selectors.councils_represented(user)
            if councils:
                staff_form = kwargs.pop("staff_form", None) or StaffRegistrationForm(councils=councils)
        return super().get_context_data(
            registration=selectors.registrations_by_session(user=user, sessions=[session]).get(session.pk),
            can_register=is_member(user),
            closed_reason=session.registration_problem(),
            staff_form=staff_form,
            staff_registrations=list(
                selectors.registrations_of(user)
                .filter(session=session, person__isnull=True)
                .open()
                .select_related("council")
            ),
            **kwargs,
        )


@require_POST
@login_required
def register(request, pk):
    session = get_object_or_404(TrainingSession.objects.visible_to(request.user), pk=pk)
    person = selectors.person_of(request.user)
    if session.audience == Audience.STAFF:
        messages.error(request, gettext("This session is for council staff: their council registers them."))
        return redirect(session)
    if not is_member(request.user) or person is None:
        messages.error(
            request, gettext("Only members of the association can register for training sessions.")
        )
        return redirect(session)
    try:
        registration = services.registration_create(session=session, person=person)
    except services.RegistrationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(session)
    if registration.status == Registration.Status.WAITING:
        messages.info(
            request,
            gettext(
                "The session is full: you are on the waiting list. We will write to you if a seat is freed."
            ),
        )
    else:
        messages.success(request, gettext("You are registered for this session."))
    return redirect(session)


@require_POST
@login_required
def register_staff(request, pk):
    """A council's representative registers a staff member of the council for a staff session."""
    session = get_object_or_404(
        TrainingSession.objects.visible_to(request.user).for_listing(), pk=pk, audience=Audience.STAFF
    )
    councils = selectors.councils_represented(request.user)
    if not councils:
        messages.error(request, gettext("Only a council's representative can register its staff."))
        return redirect(session)
    form = StaffRegistrationForm(request.POST, councils=councils)
    if form.is_valid():
        data = form.cleaned_data
        try:
            registration = services.registration_create(
                session=session,
                participant_name=data["participant_name"],
                council=data["council"],
                email=data["email"],
                language=data["language"],
                by=request.user,
            )
        except services.RegistrationError as error:
            form.add_error(None, error)
        else:
            if registration.status == Registration.Status.WAITING:
                message = gettext("The session is full: %(name)s is on the waiting list.")
            else:
                message = gettext("%(name)s is registered for this session.")
            messages.success(request, message % {"name": registration.name})
            return redirect(session)
    view = SessionDetailView(request=request, kwargs={"pk": pk}, object=session)
    context = view.get_context_data(object=session, staff_form=form)
    return view.render_to_response(context, status=400)


class MyRegistrationsView(LoginRequiredMixin, ListView):
    template_name = "training/my_registrations.html"
    context_object_name = "registrations"

    def get_queryset(self):
        return (
            selectors.registrations_of(self.request.user)
            .select_related("session__event", "session__programme", "council")
            .prefetch_related("session__session_topics__topic")
            .order_by("-session__event__start_date", "-pk")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(today=timezone.localdate(), **kwargs)


@require_POST
@login_required
def cancel(request, pk):
    registration = get_object_or_404(selectors.registrations_of(request.user), pk=pk)
    if registration.session.date and registration.session.date < timezone.localdate():
        messages.error(request, gettext("This session has already taken place."))
    else:
        try:
            services.registration_cancel(registration=registration)
        except services.RegistrationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, gettext("Your registration has been cancelled."))
    return redirect("training:mine")


def can_download_certificate(user, registration):
    if not user.is_authenticated:
        return False
    if user.is_staff and user.has_perm("training.view_registration"):
        return True
    if registration.person_id is None:
        # A council's staff member: the representative who registered them.
        return registration.registered_by_id == user.pk
    return registration.person.user_id == user.pk


@login_required
def certificate(request, pk):
    """The attendance certificate (PDF) of an attended registration: for its member and the secretariat."""
    registration = get_object_or_404(
        Registration.objects.select_related("person", "council", "session__event", "session__partner"),
        pk=pk,
        status=Registration.Status.ATTENDED,
    )
    if not can_download_certificate(request.user, registration):
        raise Http404
    language = request.GET.get("lang") or translation.get_language()
    if language not in dict(settings.LANGUAGES):
        raise Http404
    pdf = certificate_pdf(registration, language=language)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="certificate-{registration.pk}-{language}.pdf"'
    return response
