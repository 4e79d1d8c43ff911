"""Reads for the public pages and the open data: a fixed number of queries whatever the size.

Each seat comes back with ``display_title`` (in the active language) and ``dates`` set, so
templates never query.
"""

from django.db.models import F, Prefetch
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from association.models import GoverningBody
from bureau.models import Committee, CommitteeSeat, Mandate, Seat, protocol_key, wordings
from bureau.services import describe_dates
from bureau.titles import Office
from events.models import Event, EventParticipant
from portal.urls_fast import pk_url_maker

# The groups of the public bureau page, in protocol order.
GROUPS = [
    ("president", _("President"), {Office.PRESIDENT}),
    ("vice_presidents", _("Vice-presidents"), {Office.VICE_PRESIDENT}),
    (
        "officers",
        _("Officers"),
        {
            Office.SECRETARY_GENERAL,
            Office.DEPUTY_SECRETARY_GENERAL,
            Office.TREASURER,
            Office.DEPUTY_TREASURER,
        },
    ),
    ("councillors", _("Councillors"), {Office.COUNCILLOR}),
    ("members", _("Members"), {Office.MEMBER}),
]


# What a public roster shows of a seat, its holder and council: rows are built from these
# columns only (less model init on the roster pages, and no private column is even read).
HOLDING_FIELDS = [
    "order", "start", "end", "person_id", "council_id",
    "person__name_ar", "person__name_fr", "person__gender", "person__photo", "person__photo_consent",
    "council__name_ar", "council__name_fr",
]  # fmt: skip
SEAT_FIELDS = [*HOLDING_FIELDS, "mandate_id", "office", "rank"]
COMMITTEE_SEAT_FIELDS = [*HOLDING_FIELDS, "committee_id", "role"]


def _decorate(holdings, wording_map, language=None, person_url=None):
    person_url = person_url or pk_url_maker("bureau:person")  # one reverse() for all the rows
    for holding in holdings:
        holding.display_title = holding.title(language or get_language(), wording_map=wording_map)
        holding.dates = describe_dates(holding)
        holding.person_url = person_url(holding.person_id)
    return holdings


def seats(mandate, *, held_only=True, wording_map=None, language=None):
    """The mandate's seats in protocol order (office, rank, roster order), with their titles."""
    queryset = Seat.objects.filter(mandate=mandate).select_related("person", "council").only(*SEAT_FIELDS)
    if held_only:
        queryset = queryset.held()
    result = sorted(queryset, key=protocol_key)
    return _decorate(result, wording_map if wording_map is not None else wordings(), language)


def grouped(seat_list):
    """[(key, label, seats)] for the non-empty groups of the bureau page."""
    groups = []
    for key, label, offices in GROUPS:
        members = [seat for seat in seat_list if seat.office in offices]
        if members:
            groups.append((key, label, members))
    return groups


def committees(mandate, *, held_only=True, wording_map=None, language=None):
    """The mandate's (or a list of mandates') committees, each with ``roster`` (chair,
    rapporteur, members)."""
    seat_queryset = CommitteeSeat.objects.select_related("person", "council").only(*COMMITTEE_SEAT_FIELDS)
    if held_only:
        seat_queryset = seat_queryset.held()
    mandates = mandate if isinstance(mandate, list) else [mandate]
    result = list(
        Committee.objects.filter(mandate__in=mandates).prefetch_related(
            Prefetch("seats", queryset=seat_queryset)
        )
    )
    wording_map = wording_map if wording_map is not None else wordings()
    role_order = [CommitteeSeat.Role.CHAIR, CommitteeSeat.Role.RAPPORTEUR, CommitteeSeat.Role.MEMBER]
    person_url = pk_url_maker("bureau:person")
    for committee in result:
        roster = sorted(committee.seats.all(), key=lambda s: (role_order.index(s.role), s.order, s.pk))
        for seat in roster:
            seat.committee = committee  # no query for the title's committee name
        committee.roster = _decorate(roster, wording_map, language, person_url)
    return result


def current_mandate():
    return Mandate.objects.current()


def public_roles(person, *, wording_map=None):
    """A person's public roles: bureau and committee seats of every mandate, newest first."""
    wording_map = wording_map if wording_map is not None else wordings()
    bureau = list(
        Seat.objects.filter(person=person)
        .select_related("person", "council", "mandate")
        .order_by("-mandate__start")
    )
    committee = list(
        CommitteeSeat.objects.filter(person=person)
        .select_related("person", "council", "committee__mandate")
        .order_by("-committee__mandate__start")
    )
    return _decorate(bureau, wording_map), _decorate(committee, wording_map)


def participations(person, user):
    """The activities ``user`` may see where ``person`` spoke or took part, newest first."""
    return list(
        EventParticipant.objects.filter(person=person, event__in=Event.objects.visible_to(user))
        .select_related("person", "event__kind")
        .order_by(F("event__start_date").desc(nulls_last=True), "event__pk", "order")
    )


def body_name(mandate, names=None):
    """The association's own name for the mandate's body (المكتب التنفيذي, المكتب الإداري …).

    ``names`` (kind → name, from :func:`body_names`) saves the query when several are named.
    """
    kind = mandate.body if mandate else Mandate.Body.EXECUTIVE_BUREAU
    if names is None:
        names = body_names(kinds=[kind])
    if names.get(kind):
        return names[kind]
    return mandate.get_body_display() if mandate else _("Executive bureau")


def body_names(kinds=None):
    """{kind: the association's name} of its governing bodies (one query)."""
    queryset = GoverningBody.objects.all()
    if kinds is not None:
        queryset = queryset.filter(kind__in=kinds)
    return {body.kind: body.name for body in queryset.only("kind", "name_ar", "name_fr", "name")}


def governing_bodies():
    """The association's governing bodies in its order, each with its current roster.

    A body whose kind has members (``Mandate.Body``) gets ``mandate`` (its current one, or
    ``None``), ``groups`` (as on the bureau page) and ``committees``; the permanent committees
    (kind ``committees``) get those of the executive bureau's current mandate. Six queries
    whatever the number of bodies and seats.
    """
    bodies = list(GoverningBody.objects.all())
    current = {mandate.body: mandate for mandate in Mandate.objects.filter(is_current=True)}
    wording_map, language = wordings(), get_language()
    by_mandate = {}
    held = Seat.objects.filter(mandate__in=current.values()).held().select_related("person", "council")
    for seat in _decorate(list(held.only(*SEAT_FIELDS)), wording_map, language):
        by_mandate.setdefault(seat.mandate_id, []).append(seat)
    by_committee_mandate = {}
    if current:
        for committee in committees(list(current.values()), wording_map=wording_map, language=language):
            by_committee_mandate.setdefault(committee.mandate_id, []).append(committee)
    # The executive bureau's committees go under the permanent committees' body when there is one.
    committees_body = any(body.kind == GoverningBody.Kind.COMMITTEES for body in bodies)
    executive = current.get(Mandate.Body.EXECUTIVE_BUREAU)
    for body in bodies:
        body.has_roster = body.kind in Mandate.Body.values
        body.mandate = current.get(body.kind) if body.has_roster else None
        seats_held = sorted(by_mandate.get(getattr(body.mandate, "pk", None), []), key=protocol_key)
        body.groups = grouped(seats_held)
        if body.kind == GoverningBody.Kind.COMMITTEES:
            body.committees = by_committee_mandate.get(getattr(executive, "pk", None), [])
        elif body.mandate is not None and not (committees_body and body.mandate is executive):
            body.committees = by_committee_mandate.get(body.mandate.pk, [])
        else:
            body.committees = []
    return bodies
