"""Reads for continuing training: the catalogue, a member's registrations, the dashboard."""

from django.db.models import Count, F, Q
from django.utils import timezone

from events.models import Event, visibilities_for
from members.models import Council, CouncilSeat, Membership, Person
from portal.content_version import per_version
from training.models import SEAT_STATUSES, Registration, TrainingProgramme, TrainingSession


def person_of(user):
    """The ``members.Person`` linked to ``user``, or None."""
    if not user.is_authenticated:
        return None

    return Person.objects.filter(user=user).first()


def councils_represented(user):
    """The councils whose membership ``user`` holds as their representative: they register staff."""
    if not user.is_authenticated:
        return Council.objects.none()
    return Council.objects.filter(
        memberships__holder=Membership.Holder.COUNCIL,
        memberships__status=Membership.Status.ACTIVE,
        memberships__person__user=user,
    ).distinct()


def registrations_of(user):
    """What ``user`` may see and cancel: their own registrations and the staff they registered."""
    if not user.is_authenticated:
        return Registration.objects.none()
    return Registration.objects.filter(Q(person__user=user) | Q(person__isnull=True, registered_by=user))


def catalogue_years(user):
    """The years with a visible session, newest first (kept per content version and audience)."""

    def years():
        rows = TrainingSession.objects.visible_to(user).values_list("programme__year", flat=True)
        return sorted(set(rows), reverse=True)

    levels = visibilities_for(user)  # the only thing about the user the years depend on
    audience = "all" if levels is None else "+".join(levels)
    return per_version(f"training:years:{audience}", years)


def programmes_for_year(*, user, year):
    """The year's programmes, each with ``session_list`` (sessions annotated with seats)."""
    sessions = list(TrainingSession.objects.visible_to(user).filter(programme__year=year).for_catalogue())
    programmes = {p.pk: p for p in TrainingProgramme.objects.filter(year=year, published=True)}
    for programme in programmes.values():
        programme.session_list = []
    for session in sessions:
        if session.programme_id in programmes:
            programmes[session.programme_id].session_list.append(session)
    return [p for p in programmes.values() if p.session_list]


def registrations_by_session(*, user, sessions):
    """{session pk: the user's open registration} for the given sessions, in one query."""
    if not user.is_authenticated:
        return {}
    rows = (
        Registration.objects.of_user(user)
        .open()
        .filter(session__in=sessions)
        .select_related("person")
        .with_waiting_position()
    )
    return {r.session_id: r for r in rows}


def session_of_event(*, user, event):
    """The training session that ``event`` is in the calendar, as ``user`` may see it, or None."""
    sessions = TrainingSession.objects.visible_to(user).filter(event=event).select_related("event")
    return sessions.with_seats().first()


def attendance_by_session():
    """Past or current sessions with registrations, seats, attendance and its rate."""
    sessions = (
        TrainingSession.objects.select_related("event")
        .annotate(
            registered=Count("registrations", filter=Q(registrations__status__in=SEAT_STATUSES)),
            waiting=Count("registrations", filter=Q(registrations__status="waiting")),
            attended=Count("registrations", filter=Q(registrations__status="attended")),
            absent=Count("registrations", filter=Q(registrations__status="absent")),
        )
        .order_by("event__start_date", "pk")
    )
    rows = []
    for session in sessions:
        marked = session.attended + session.absent
        session.rate = round(100 * session.attended / marked) if marked else None
        rows.append(session)
    return rows


def attendance_by_region():
    """Attendance per region: the staff member's council, else the member's (latest) council seat."""
    marked = Registration.objects.filter(status__in=["attended", "absent"]).values_list(
        "status", "council__area_region__name", "person_id"
    )
    marked = list(marked)
    person_ids = {pid for _status, _region, pid in marked if pid}
    seat_region = {}
    seats = (
        CouncilSeat.objects.filter(person_id__in=person_ids)
        .order_by("person_id", "start_year", "pk")
        .values_list("person_id", "council__area_region__name")
    )
    for pid, region in seats:
        seat_region[pid] = region  # the latest seat wins
    totals = {}
    for status, council_region, pid in marked:
        region = council_region or seat_region.get(pid) or ""
        attended, total = totals.get(region, (0, 0))
        totals[region] = (attended + (status == "attended"), total + 1)
    return [
        {"region": region, "attended": a, "total": t, "rate": round(100 * a / t)}
        for region, (a, t) in sorted(totals.items(), key=lambda item: (item[0] == "", item[0]))
    ]


# A training session is "nearly full" from this share of its seats taken (the admin's home).
NEAR_CAPACITY = 0.9


def nearly_full_sessions(today=None):
    """Training sessions to come (or still undated) with at least 90 % of their seats taken."""
    today = today or timezone.localdate()
    return (
        TrainingSession.objects.with_seats()
        .filter(capacity__isnull=False, seats_taken__gte=F("capacity") * NEAR_CAPACITY)
        .filter(Q(event__end_date__gte=today) | Q(event__schedule=Event.Schedule.TO_BE_SET))
        .exclude(event__status=Event.Status.CANCELLED)
    )
