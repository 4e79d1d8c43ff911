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
    """The mandate's committees, each with ``roster`` (chair, rapporteur, members)."""
    seat_queryset = CommitteeSeat.objects.select_related("person", "council").only(*COMMITTEE_SEAT_FIELDS)
    if held_only:
        seat_queryset = seat_queryset.held()
    result = list(
        Committee.objects.filter(mandate=mandate).prefetch_related(Prefetch("seats", queryset=seat_queryset))
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


def body_name(mandate):
    """The association's own name for its bureau (المكتب التنفيذي, المكتب الإداري …)."""
    body = GoverningBody.objects.filter(kind=GoverningBody.Kind.EXECUTIVE_BUREAU).first()
    if body is not None and body.name:
        return body.name
    return mandate.get_body_display() if mandate else _("Executive bureau")
