"""What changed between two snapshots of a roster, in words a secretariat reads.

Pure functions over the snapshots that ``bureau.versions`` stores (lists of seat dicts): no
database, so that the history, the revert preview and the "someone saved meanwhile" message
all say the same thing. ``changes`` compares the seats held (no end date), matching people to
positions, so that a replacement reads "الكاتب العام: X ← Y" and two vice-presidents
exchanging ranks read "النائب الأول ↔ النائب الثاني"; ``describe`` gives one change's titles and
names in the active language, and ``admin/bureau/includes/roster_diff.html`` words it.
"""

from dataclasses import dataclass

from bureau import titles

REPLACED = "replaced"
SWAPPED = "swapped"
MOVED = "moved"
ADDED = "added"
REMOVED = "removed"
DETAILS = "details"
REORDERED = "reordered"

_DETAIL_KEYS = ("council", "start")


@dataclass(frozen=True)
class Change:
    kind: str
    position: tuple = ()
    other: tuple = ()
    person: dict | None = None
    other_person: dict | None = None


def position(seat):
    """Where a seat sits: (office, rank) — the rank only numbers ranked offices."""
    return (seat["office"], seat.get("rank") if seat["office"] in titles.Office.RANKED else None)


def _held(snapshot):
    return [seat for seat in snapshot if not seat.get("end")]


def changes(old, new):
    """The changes from snapshot ``old`` to snapshot ``new``, in protocol order."""
    before = [(seat["person"]["id"], position(seat), seat) for seat in _held(old)]
    after = [(seat["person"]["id"], position(seat), seat) for seat in _held(new)]
    result = []
    # Same person, same place: only details (council, start) may differ.
    kept_after = list(after)
    left = []
    for person, place, seat in before:
        match = next((item for item in kept_after if item[0] == person and item[1] == place), None)
        if match is None:
            left.append((person, place, seat))
            continue
        kept_after.remove(match)
        if any(seat.get(key) != match[2].get(key) for key in _DETAIL_KEYS):
            result.append(Change(DETAILS, place, person=match[2]["person"]))
    arrived = kept_after
    # Same person, another place: a move, or a swap when two people exchange places.
    moves = []
    for item in list(left):
        match = next((other for other in arrived if other[0] == item[0]), None)
        if match is not None:
            left.remove(item)
            arrived.remove(match)
            moves.append((item[2]["person"], item[1], match[1]))
    while moves:
        person, source, target = moves.pop(0)
        partner = next((m for m in moves if m[1] == target and m[2] == source), None)
        if partner is not None:
            moves.remove(partner)
            result.append(Change(SWAPPED, source, target, person=person, other_person=partner[0]))
        else:
            result.append(Change(MOVED, source, target, person=person))
    # Someone left a place and someone else took it: a replacement.
    for item in list(left):
        match = next((other for other in arrived if other[1] == item[1]), None)
        if match is not None:
            left.remove(item)
            arrived.remove(match)
            result.append(
                Change(REPLACED, item[1], person=item[2]["person"], other_person=match[2]["person"])
            )
    result += [Change(REMOVED, place, person=seat["person"]) for _person, place, seat in left]
    result += [Change(ADDED, place, person=seat["person"]) for _person, place, seat in arrived]
    if not result and [s["id"] for s in sorted(_held(old), key=_order)] != [
        s["id"] for s in sorted(_held(new), key=_order)
    ]:
        result.append(Change(REORDERED))
    return sorted(result, key=lambda change: _protocol(change.position))


def _order(seat):
    return (seat.get("order") or 0, seat.get("id") or 0)


def _protocol(place):
    if not place:
        return (len(titles.Office.PROTOCOL_ORDER), 0)
    office, rank = place
    return (titles.Office.PROTOCOL_ORDER.index(office), rank or 0)


def _language(language):
    return "ar" if (language or "ar").startswith("ar") else "fr"


def place_label(place, language, wording_map=None):
    """A position's generic title: "النائب الثاني للرئيس", "Secrétaire général", "عضو"."""
    office, rank = place
    wording = (wording_map or {}).get(office) or titles.DEFAULT_WORDING[office]
    if office.startswith("committee_"):
        # Without the committee's name: the history is already the committee's.
        template = wording.template(language, titles.MALE)
        return template.replace("{committee}", "").replace(" de la ", "").strip().capitalize() or office
    try:
        return titles.office_title(office, gender=titles.MALE, language=language, rank=rank, wording=wording)
    except ValueError:  # a ranked office without its rank
        return " ".join(wording.template(language, titles.MALE).replace("{ordinal}", "").split())


def person_name(person, language):
    return person["name"].get(_language(language)) or person["name"].get("ar") or ""


def describe(change, language, wording_map=None):
    """One change as words in ``language``, for ``admin/bureau/includes/roster_diff.html`` to
    write: the template isolates names and titles (``<bdi>``) so that an arrow between a French
    name and an Arabic one keeps its direction."""
    language = _language(language)
    return {
        "kind": change.kind,
        "office": place_label(change.position, language, wording_map) if change.position else "",
        "other_office": place_label(change.other, language, wording_map) if change.other else "",
        "person": person_name(change.person, language) if change.person else "",
        "other_person": person_name(change.other_person, language) if change.other_person else "",
    }


def describe_all(old, new, language, wording_map=None):
    return [describe(change, language, wording_map) for change in changes(old, new)]
