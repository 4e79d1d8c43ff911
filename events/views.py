"""Calendar pages, event pages, iCal feeds and the action programme.

Every read goes through ``Event.objects.visible_to(user)``: members-only and bureau events
never reach the public, in a page, a feed or an export.
"""

import calendar
import datetime
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import BadRequest
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import date as date_filter
from django.template.defaultfilters import time as time_filter
from django.template.defaultfilters import truncatechars
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import get_format
from django.utils.timezone import template_localtime
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, ListView, TemplateView

from association.models import AssociationProfile
from events import ical, services
from events.forms import EventFilterForm
from events.models import (
    ActionProgramme,
    AgendaItem,
    CalendarToken,
    Event,
    EventDocument,
    EventKind,
    EventParticipant,
    ProgrammeLine,
)
from events.resources import ProgrammeLineResource
from members.access import is_member
from portal import registry
from portal.content_version import version_count
from portal.language import set_alternates, translated_languages
from portal.pdf import render_pdf
from portal.spreadsheets import dataset_xlsx
from portal.storage import serve_file
from portal.urls_fast import pk_url_maker

MIN_YEAR, MAX_YEAR = 1900, 2200


def _check_year(year):
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise Http404


class FilteredEventsMixin:
    """The visitor's visible events, narrowed by the kind/region/modality filters."""

    def get_filter_form(self):
        if not hasattr(self, "_filter_form"):
            form = EventFilterForm(self.request.GET or None)
            if form.is_bound and not form.is_valid():
                raise BadRequest("Invalid calendar filter.")
            if not form.is_bound:
                form.cleaned_data = {}
            self._filter_form = form
        return self._filter_form

    def visible_events(self):
        events = Event.objects.visible_to(self.request.user).for_cards()
        return self.get_filter_form().filter(events)

    def feed_links(self):
        links = [{"title": _("Calendar (iCal)"), "url": reverse("events:feed")}]
        kind = self.get_filter_form().cleaned_data.get("kind")
        if kind:
            links.append({"title": kind.name, "url": reverse("events:kind-feed", args=[kind.slug])})
        return links

    def get_context_data(self, **kwargs):
        form = self.get_filter_form()
        return super().get_context_data(
            filter_form=form, filter_query=form.querystring(), feed_links=self.feed_links(), **kwargs
        )


class MonthView(FilteredEventsMixin, TemplateView):
    """A month as a grid of weeks (the first weekday from the locale's formats)."""

    template_name = "events/month.html"

    def get_month(self):
        if "year" in self.kwargs:
            year, month = self.kwargs["year"], self.kwargs["month"]
            _check_year(year)
            if not 1 <= month <= 12:
                raise Http404
            return year, month
        today = timezone.localdate()
        return today.year, today.month

    def get_context_data(self, **kwargs):
        year, month = self.get_month()
        # Django counts weekdays from Sunday (0), Python's calendar from Monday (0).
        first_weekday = (int(get_format("FIRST_DAY_OF_WEEK")) - 1) % 7
        weeks = calendar.Calendar(first_weekday).monthdatescalendar(year, month)
        first, last = weeks[0][0], weeks[-1][-1]
        events = list(self.visible_events().overlapping(first, last))
        today = timezone.localdate()
        # What the grid shows of an event, computed once per event rather than on each day it
        # covers; the day's names once per weekday (issue 8: the grid was most of the render time).
        event_url = pk_url_maker("events:detail")
        month_start = datetime.date(year, month, 1)
        month_end = datetime.date(year, month, calendar.monthrange(year, month)[1])
        for event in events:
            event.grid_url = event_url(event.pk)
            event.grid_title = truncatechars(event.title, 70)
            event.grid_time = (
                time_filter(template_localtime(event.starts_at), "TIME_FORMAT") if event.is_timed else ""
            )
            # A multi-day event is listed once, on its first day in the month, with its range;
            # the days after only carry a bar of its colour (issue 22).
            event.grid_day = max(event.start_date, month_start)
            event.grid_range = (
                _("From %(start)s to %(end)s")
                % {"start": date_filter(event.start_date, "j F"), "end": date_filter(event.end_date, "j F")}
                if event.end_date != event.start_date
                else ""
            )
        weekday_names = {day.weekday(): date_filter(day, "l") for day in weeks[0]}
        month_name = date_filter(datetime.date(year, month, 1), "F")
        grid = []
        for week in weeks:
            row = []
            for day in week:
                in_month = day.month == month
                day_events = [e for e in events if e.start_date <= day <= e.end_date] if in_month else []
                listed = [e for e in day_events if e.grid_day == day]
                row.append(
                    {
                        "date": day,
                        "in_month": in_month,
                        "events": listed,
                        "entries": [(e, e.is_timed and e.start_date == day) for e in listed],
                        "continued": [e for e in day_events if e.grid_day != day],
                        "is_today": day == today,
                        "weekday_name": weekday_names[day.weekday()],
                        "month_name": month_name,
                    }
                )
            grid.append(row)
        previous_month = month_start - datetime.timedelta(days=1)
        next_month = month_start + datetime.timedelta(days=32)
        context = super().get_context_data(**kwargs)
        context.update(
            month=month_start,
            weekdays=[week_day for week_day in weeks[0]],
            weeks=grid,
            month_events=[e for e in events if e.start_date <= month_end and e.end_date >= month_start],
            has_events=any(day["events"] for row in grid for day in row),
            previous_month=previous_month if previous_month.year >= MIN_YEAR else None,
            next_month=next_month if next_month.year <= MAX_YEAR else None,
            to_be_set_count=version_count(self.visible_events().to_be_scheduled()),
            spotlight=self.spotlight(events, today) if "year" not in self.kwargs else None,
        )
        return context

    def spotlight(self, events, today):
        """Today's activities, else the next ones (else the latest): what the calendar opens on.

        On a phone the grid (a list of days there) starts below the first screen; this short
        list, above it, does not. Today's come from the month already read; the others cost a
        query (two when nothing is to come).
        """
        todays = [e for e in events if e.start_date <= today <= e.end_date]
        if todays:
            return {"kind": "today", "events": todays}
        upcoming = list(self.visible_events().upcoming(today)[:3])
        if upcoming:
            return {"kind": "next", "events": upcoming}
        # Nothing to come yet: the latest activities rather than an empty first screen.
        latest = list(self.visible_events().past(today)[:3])
        return {"kind": "latest", "events": latest} if latest else None


class AgendaView(FilteredEventsMixin, ListView):
    """Upcoming activities, soonest first, page by page.

    Past activities have their own pages (``PastEventsView``): at a national association's size
    ten years of activities, or even the next two years', are far too many for one page.
    """

    template_name = "events/agenda.html"
    context_object_name = "events"
    paginate_by = 20
    past = False

    def get_queryset(self):
        return self.visible_events().upcoming()

    def get_context_data(self, **kwargs):
        return super().get_context_data(past=self.past, **kwargs)


class PastEventsView(AgendaView):
    """Past activities, newest first, page by page."""

    past = True

    def get_queryset(self):
        return self.visible_events().past()


class UnscheduledView(FilteredEventsMixin, ListView):
    """Activities whose date is to be set, then those of past years whose date never was."""

    template_name = "events/unscheduled.html"
    context_object_name = "events"

    def get_queryset(self):
        return self.visible_events().to_be_scheduled().order_by("intended_year", "intended_month", "pk")

    def get_context_data(self, **kwargs):
        never = self.visible_events().never_scheduled().order_by("-planned_for", "intended_month", "pk")
        return super().get_context_data(never_scheduled=list(never), **kwargs)


def _performer(participant):
    """A participant as a schema.org Person, with the role the event gave them."""
    person = {"@type": "Person"}
    if participant.display_name:
        person["name"] = participant.display_name
    description = [str(participant.role_title)]
    if participant.capacity:
        description.append(participant.capacity)
    person["description"] = " – ".join(description)
    if getattr(participant, "person_url", ""):
        person["url"] = participant.person_url
    return person


def _json_ld(event, request, association, participants=()):
    """The event as schema.org data; ``includes/json_ld.html`` writes it into the page."""
    status = {
        Event.Status.CANCELLED: "https://schema.org/EventCancelled",
        Event.Status.POSTPONED: "https://schema.org/EventPostponed",
    }.get(event.status, "https://schema.org/EventScheduled")
    mode = {
        Event.Modality.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
        Event.Modality.REMOTE: "https://schema.org/OnlineEventAttendanceMode",
        Event.Modality.HYBRID: "https://schema.org/MixedEventAttendanceMode",
    }[event.modality]
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": request.build_absolute_uri(event.get_absolute_url()),
        "eventStatus": status,
        "eventAttendanceMode": mode,
        "inLanguage": get_language(),
    }
    if event.is_timed:
        data["startDate"] = timezone.localtime(event.starts_at).isoformat()
        if event.ends_at:
            data["endDate"] = timezone.localtime(event.ends_at).isoformat()
    elif event.start_date:
        data["startDate"] = event.start_date.isoformat()
        data["endDate"] = event.end_date.isoformat()
    if event.summary:
        data["description"] = event.summary
    locations = []
    if event.modality != Event.Modality.REMOTE:
        place = {"@type": "Place", "name": event.place or event.city or event.country}
        place["address"] = {"@type": "PostalAddress", "addressCountry": event.country}
        if event.city:
            place["address"]["addressLocality"] = event.city
        locations.append(place)
    if event.modality != Event.Modality.IN_PERSON and event.online_url:
        locations.append({"@type": "VirtualLocation", "url": event.online_url})
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    organisers = [
        {
            "@type": "Organization",
            "name": organisation.name,
            **({"url": organisation.website} if organisation.website else {}),
        }
        for organisation in event.organisers.all()
    ]
    if organisers:  # another body's activity (a network's meeting) is not the association's
        data["organizer"] = organisers[0] if len(organisers) == 1 else organisers
    elif association and association.name:
        data["organizer"] = {"@type": "Organization", "name": association.name}
        if association.website:
            data["organizer"]["url"] = association.website
    performers = [_performer(participant) for participant in participants]
    if performers:
        data["performer"] = performers
    photos = [photo for photo in event.photos.all() if photo.consent]
    if photos:
        data["image"] = [request.build_absolute_uri(photos[0].image.url)]
    return data


class EventDetailView(DetailView):
    template_name = "events/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        return (
            Event.objects.visible_to(self.request.user)
            .select_related("kind")
            .prefetch_related(
                Prefetch("agenda", queryset=AgendaItem.objects.all()),
                "documents",
                "photos",
                "organisers",
                "partners",
                Prefetch("participants", queryset=EventParticipant.objects.for_display()),
            )
        )

    def get_context_data(self, **kwargs):
        event = self.object
        # hreflang alternates only between the languages the activity is really written in.
        set_alternates(self.request, translated=translated_languages(event, ["title", "summary", "body"]))
        agenda = list(event.agenda.all())
        kinds = dict(AgendaItem.Kind.choices)
        groups = []
        for item in agenda:
            key = (item.day, item.kind)
            if not groups or groups[-1]["key"] != key:
                groups.append({"key": key, "day": item.day, "kind": kinds[item.kind], "items": []})
            groups[-1]["items"].append(item)
        photos = [photo for photo in event.photos.all() if photo.consent]
        participants = list(event.participants.all())
        for participant in participants:
            page = registry.person_page(participant.person_id) if participant.person_id else ""
            participant.person_url = self.request.build_absolute_uri(page) if page else ""
        return super().get_context_data(
            participants=participants,
            agenda_groups=groups,
            has_outcomes=any(item.outcome for item in agenda),
            photos=photos,
            recommendations=[line.strip() for line in event.recommendations.splitlines() if line.strip()],
            json_ld=_json_ld(event, self.request, AssociationProfile.get_solo(), participants),
            related_sections=registry.sections("event.related", self.request, event),
            panels=registry.sections("event.panel", self.request, event),
            map_link=event.map_url or _map_search(event),
            feed_links=[{"title": _("Calendar (iCal)"), "url": reverse("events:feed")}],
            **kwargs,
        )


def _map_search(event):
    if event.modality == Event.Modality.REMOTE or not (event.venue or event.city):
        return ""
    query = ", ".join(part for part in (event.venue, event.city, event.country) if part)
    return "https://www.openstreetmap.org/search?" + urlencode({"query": query})


def document_download(request, pk):
    """Serve an event's document through Django, so members-only events' files never leak."""
    visible = Event.objects.visible_to(request.user)
    document = get_object_or_404(EventDocument.objects.filter(event__in=visible).exclude(file=""), pk=pk)
    # Streamed from the disk or the bucket, or a short-lived signed address (portal.storage).
    return serve_file(document.file)


# iCal --------------------------------------------------------------------------------------------


def _association_name():
    return AssociationProfile.get_solo().name or _("Activity calendar")


def feed(request):
    """The public feed: public events only, even for a signed-in visitor."""
    events = Event.objects.visible_to(AnonymousUser()).for_feed()
    return ical.ical_response(events, request, name=_association_name(), filename="calendar.ics", public=True)


def kind_feed(request, slug):
    kind = get_object_or_404(EventKind, slug=slug)
    events = Event.objects.visible_to(AnonymousUser()).filter(kind=kind).for_feed()
    name = f"{_association_name()} – {kind.name}"
    return ical.ical_response(events, request, name=name, filename=f"{slug}.ics", public=True)


def private_feed(request, key):
    """A member's own feed: the secret key in the URL stands for the signed-in account."""
    token = get_object_or_404(CalendarToken.objects.select_related("user"), key=key)
    user = token.user
    if not user.is_active or not is_member(user):
        raise Http404
    services.calendar_token_touch(token=token)
    events = Event.objects.visible_to(user).for_feed()
    return ical.ical_response(events, request, name=_association_name(), filename="calendar.ics")


def event_ics(request, pk):
    events = Event.objects.visible_to(request.user).dated().for_listing().with_participants()
    event = get_object_or_404(events, pk=pk)
    return ical.ical_response([event], request, name=event.title, filename=f"event-{event.pk}.ics")


def _webcal(url):
    """The same address with the scheme phones open in their calendar app."""
    return "webcal://" + url.split("://", 1)[1]


class SubscribeView(TemplateView):
    template_name = "events/subscribe.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["feed_url"] = self.request.build_absolute_uri(reverse("events:feed"))
        context["feed_webcal"] = _webcal(context["feed_url"])
        context["kinds"] = EventKind.objects.all()
        user = self.request.user
        if is_member(user):
            token = services.calendar_token_get_or_issue(user=user)
            context["private_feed_url"] = self.request.build_absolute_uri(
                reverse("events:private-feed", args=[token.key])
            )
            context["private_feed_webcal"] = _webcal(context["private_feed_url"])
        return context


@require_POST
@login_required
def revoke_token(request):
    services.calendar_token_revoke(user=request.user)
    messages.success(
        request, _("Your private calendar address has been replaced; the old one no longer works.")
    )
    return redirect("events:subscribe")


# Action programme --------------------------------------------------------------------------------


def _programme(year=None):
    programmes = ActionProgramme.objects.filter(published=True)
    if year is None:
        programme = programmes.first()
        if programme is None:
            raise Http404
        return programme
    _check_year(year)
    return get_object_or_404(programmes, year=year)


def _programme_lines(programme, user):
    """Every line of the programme (the lines are public), each with ``visible_event_id``: its
    event when ``user`` may see it, else None (the line is then not linked)."""
    lines = list(programme.lines.select_related("kind").order_by("order", "pk"))
    linked = [line.event_id for line in lines if line.event_id]
    visible_ids = set(Event.objects.visible_to(user).filter(pk__in=linked).values_list("pk", flat=True))
    for line in lines:
        line.visible_event_id = line.event_id if line.event_id in visible_ids else None
    return lines


class ProgrammeView(TemplateView):
    template_name = "events/programme.html"

    def get_context_data(self, **kwargs):
        programme = _programme(self.kwargs.get("year"))
        return super().get_context_data(
            programme=programme,
            lines=_programme_lines(programme, self.request.user),
            years=list(ActionProgramme.objects.filter(published=True).values_list("year", flat=True)),
            **kwargs,
        )


def programme_export(request, year):
    """The programme as the secretariat's spreadsheet (.xlsx), the same columns as the import."""
    programme = _programme(year)
    dataset = ProgrammeLineResource().export(
        queryset=ProgrammeLine.objects.filter(programme=programme), force_native_type=True
    )
    response = HttpResponse(
        dataset_xlsx(dataset, title=f"{_('Action programme')} {programme.year}"),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="programme-{programme.year}.xlsx"'
    return response


def programme_pdf(request, year):
    """The programme as a document (tagged PDF, Amiri embedded): what to print or send, in the
    page's language, its lines linked to the events the visitor may see, as on the page."""
    programme = _programme(year)
    language = "fr" if get_language() == "fr" else "ar"  # the languages the PDF fonts cover
    lines = _programme_lines(programme, request.user)
    for line in lines:
        if line.visible_event_id:
            line.event_url = request.build_absolute_uri(
                reverse("events:detail", args=[line.visible_event_id])
            )
    pdf = render_pdf(
        "events/pdf/programme.html",
        {
            "programme": programme,
            "lines": lines,
            "page_url": request.build_absolute_uri(programme.get_absolute_url()),
        },
        language=language,
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="programme-{programme.year}-{language}.pdf"'
    return response


def home_section_context(request):
    """The home page's "upcoming events" section; without upcoming events it is left out."""
    events = list(Event.objects.visible_to(request.user).upcoming().for_cards()[:4])
    return {"events": events} if events else None
