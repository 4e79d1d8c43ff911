from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import urlencode
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext, ngettext, pgettext
from django.views.decorators.http import require_http_methods, require_POST
from django.views.generic import DetailView, ListView, TemplateView

from members.access import is_member
from portal.urls_fast import pk_url_maker
from training import selectors, services
from training.forms import StaffRegistrationForm
from training.models import UNDO_WINDOW, Audience, Registration, TrainingSession
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


def _back(request, default):
    """Where the form was sent from (the session's page or its event's page), else ``default``."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(default)


def registered_message(person, registration):
    """What a member is told on registering, worded for them (ar: مسجل / مسجلة, fr: inscrit / inscrite)."""
    female = person.gender == "f"
    if registration.status == Registration.Status.WAITING:
        if female:
            message = pgettext(
                "female",
                "The session is full: you are number %(position)s on the waiting list. "
                "We will write to you if a seat is freed.",
            )
        else:
            message = pgettext(
                "male",
                "The session is full: you are number %(position)s on the waiting list. "
                "We will write to you if a seat is freed.",
            )
        return message % {"position": registration.waiting_position}
    if female:
        return pgettext("female", "You are registered for this session.")
    return pgettext("male", "You are registered for this session.")


def staff_registered_message(registration):
    """What a council's representative is told on registering a staff member, worded for that
    staff member (ar: مسجل / مسجلة، fr: inscrit / inscrite)."""
    female = registration.gender == "f"
    if registration.status == Registration.Status.WAITING:
        if female:
            message = pgettext("female", "The session is full: %(name)s is on the waiting list.")
        else:
            message = pgettext("male", "The session is full: %(name)s is on the waiting list.")
    elif female:
        message = pgettext("female", "%(name)s is registered for this session.")
    else:
        message = pgettext("male", "%(name)s is registered for this session.")
    return message % {"name": registration.name}


@require_POST
@login_required
def register(request, pk):
    session = get_object_or_404(TrainingSession.objects.visible_to(request.user), pk=pk)
    person = selectors.person_of(request.user)
    if session.audience == Audience.STAFF:
        messages.error(request, gettext("This session is for council staff: their council registers them."))
        return _back(request, session)
    if not is_member(request.user) or person is None:
        messages.error(
            request, gettext("Only members of the association can register for training sessions.")
        )
        return _back(request, session)
    try:
        registration = services.registration_create(session=session, person=person)
    except services.RegistrationError as error:
        messages.error(request, " ".join(error.messages))
        return _back(request, session)
    if registration.status == Registration.Status.WAITING:
        registration = Registration.objects.with_waiting_position().get(pk=registration.pk)
        messages.info(request, registered_message(person, registration))
    else:
        messages.success(request, registered_message(person, registration))
    return _back(request, session)


def event_panel(request, event):
    """The event page's registration block when the event is a training session (``portal.registry``'s
    slot "event.panel"), or None for another event."""
    session = selectors.session_of_event(user=request.user, event=event)
    if session is None:
        return None
    user = request.user
    return {
        "session": session,
        "registration": selectors.registrations_by_session(user=user, sessions=[session]).get(session.pk),
        "can_register": is_member(user),
        "closed_reason": session.registration_problem(),
        "next": request.get_full_path(),
    }


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
                participant_gender=data["gender"],
                council=data["council"],
                email=data["email"],
                language=data["language"],
                by=request.user,
            )
        except services.RegistrationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, staff_registered_message(registration))
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
            .with_waiting_position()
            .select_related("person", "session__event", "session__programme", "council")
            .prefetch_related("session__session_topics__topic")
            .order_by("-session__event__start_date", "-pk")
        )

    def get_context_data(self, **kwargs):
        now = timezone.now()
        for registration in self.object_list:
            registration.undoable = registration.can_undo(now)
        return super().get_context_data(today=timezone.localdate(now), **kwargs)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def cancel(request, pk):
    """Asks first (a page of its own, no script needed), then cancels; the member may undo it."""
    registration = get_object_or_404(
        selectors.registrations_of(request.user).select_related("session__event", "person"), pk=pk
    )
    session = registration.session
    if session.date and session.date < timezone.localdate():
        messages.error(request, gettext("This session has already taken place."))
        return redirect("training:mine")
    if registration.status == Registration.Status.CANCELLED:
        return redirect("training:mine")
    if request.method != "POST":
        return render(
            request, "training/cancel_confirm.html", {"registration": registration, "session": session}
        )
    try:
        services.registration_cancel(registration=registration)
    except services.RegistrationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        minutes = int(UNDO_WINDOW.total_seconds() // 60)
        messages.success(
            request,
            ngettext(
                "Your registration has been cancelled. You can undo it below for %(minutes)s minute.",
                "Your registration has been cancelled. You can undo it below for %(minutes)s minutes.",
                minutes,
            )
            % {"minutes": minutes},
        )
    return redirect(f"{reverse('training:mine')}#registration-{registration.pk}")


@require_POST
@login_required
def restore(request, pk):
    """Undo a cancellation made minutes ago, if the seat is still free (``services.registration_restore``)."""
    registration = get_object_or_404(selectors.registrations_of(request.user), pk=pk)
    try:
        registration = services.registration_restore(registration=registration)
    except services.RegistrationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        person = registration.person
        if registration.status == Registration.Status.WAITING:
            registration = Registration.objects.with_waiting_position().get(pk=registration.pk)
        if person is not None:
            messages.success(request, registered_message(person, registration))
        else:
            messages.success(request, gettext("The registration has been restored."))
    return redirect(f"{reverse('training:mine')}#registration-{registration.pk}")


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
        Registration.objects.select_related(
            "person", "council", "session__event", "session__partner__organisation"
        ),
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
