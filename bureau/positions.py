"""One source for office titles: the members directory shows the bureau's own titles.

The directory and the members' search (members app, below this one) show a membership's
``position``; the bureau's current roster, worded by ``OfficeWording``, is where a person's office
in the association is decided. The members page once said "الكاتب العام" where the bureau page
said "كاتب عام الجمعية" (issue 20). So the bureau writes the position of each current holder's
open memberships from their seats whenever a seat, a committee seat, a wording, a mandate or a
holder's gender changes (once per transaction, after it commits); a position typed in the
register stays only for people who hold no seat of the current roster.
"""

from collections import defaultdict

from django.db import connection, transaction

from bureau.models import CommitteeSeat, Mandate, Seat, protocol_key, wordings
from members.models import Membership
from portal.content_version import content_changed

SEPARATOR = " · "


def current_titles():
    """{person pk: (Arabic titles, French titles)} of the current roster, in protocol order."""
    mandate = Mandate.objects.current()
    if mandate is None:
        return {}
    wording_map = wordings()
    seats = sorted(Seat.objects.filter(mandate=mandate).held().select_related("person"), key=protocol_key)
    committee_seats = (
        CommitteeSeat.objects.filter(committee__mandate=mandate)
        .held()
        .select_related("person", "committee")
        .order_by("committee__order", "order", "pk")
    )
    titles = defaultdict(lambda: ([], []))
    for holding in [*seats, *committee_seats]:
        arabic, french = titles[holding.person_id]
        arabic.append(holding.title("ar", wording_map=wording_map))
        french.append(holding.title("fr", wording_map=wording_map))
    return titles


def sync_positions():
    """Write the current roster's titles on the holders' open memberships; returns how many changed."""
    changed = 0
    for person_id, (arabic, french) in current_titles().items():
        values = {"position_ar": SEPARATOR.join(arabic), "position_fr": SEPARATOR.join(french)}
        memberships = Membership.objects.filter(person_id=person_id).exclude(status=Membership.Status.ENDED)
        changed += memberships.exclude(**values).update(**values)
    if changed:
        content_changed()
    return changed


def sync_positions_soon(**kwargs):
    """Signal receiver: once the transaction commits (once per transaction), or now outside one."""
    if not connection.in_atomic_block:
        sync_positions()
    elif not any(entry[1] is sync_positions for entry in connection.run_on_commit):
        transaction.on_commit(sync_positions)
