"""Open data: the current public roster as Popolo JSON (https://www.popoloproject.com/) and CSV.

Only what the public pages show: names, gender, titles, councils represented, dates, and a
photo only where the person consented. Never a phone, e-mail or address.
"""

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import override

from association.models import AssociationProfile
from bureau import selectors
from bureau.models import Committee, CommitteeSeat, Seat, wordings

GENDER = {"m": "male", "f": "female"}


def _date(value):
    return value.isoformat() if value else None


def _name(obj, language):
    return getattr(obj, f"name_{language}", None) or getattr(obj, "name_ar", None) or str(obj)


def _other_names(obj, language):
    return [
        {"name": value, "note": code}
        for code in ("ar", "fr")
        if code != language and (value := getattr(obj, f"name_{code}", None))
    ]


def _seats(mandate):
    seat_queryset = CommitteeSeat.objects.held().select_related(
        "person", "council__region", "council__province", "council__commune"
    )
    bureau = list(
        Seat.objects.held()
        .filter(mandate=mandate)
        .select_related("person", "council__region", "council__province", "council__commune")
    )
    committees = list(
        Committee.objects.filter(mandate=mandate).prefetch_related(Prefetch("seats", queryset=seat_queryset))
    )
    return bureau, committees


def popolo(request=None, *, language="ar"):
    language = "fr" if (language or "ar").startswith("fr") else "ar"
    mandate = selectors.current_mandate()
    profile = AssociationProfile.get_solo()
    build = request.build_absolute_uri if request is not None else (lambda url: url)
    association_id = "association"
    data = {"persons": [], "organizations": [], "posts": [], "memberships": [], "areas": []}
    data["organizations"].append(
        {
            "id": association_id,
            "name": getattr(profile, f"name_{language}", None) or profile.name_ar or str(profile),
            "classification": "association",
        }
    )
    if mandate is None:
        return data
    with override(language):
        bureau_name = str(selectors.body_name(mandate))
    data["organizations"].append(
        {
            "id": "bureau",
            "name": bureau_name,
            "classification": "bureau",
            "parent_id": association_id,
            "founding_date": _date(mandate.start),
            "dissolution_date": _date(mandate.end),
        }
    )
    wording_map = wordings()
    bureau, committees = _seats(mandate)
    persons, councils, areas = {}, {}, {}

    def add_holder(holding):
        person = holding.person
        if person.pk not in persons:
            entry = {
                "id": f"person-{person.pk}",
                "name": _name(person, language),
                "other_names": _other_names(person, language),
                "gender": GENDER.get(person.gender),
                "links": [{"url": build(reverse("bureau:person", args=[person.pk])), "note": "portal"}],
            }
            if photo := person.public_photo_url:
                entry["image"] = build(photo)
            persons[person.pk] = entry
        council = holding.council
        if council is None:
            return None
        if council.pk not in councils:
            territory = council.territory
            area_id = None
            if territory is not None:
                area_id = f"area-{territory.code}"
                areas[area_id] = {
                    "id": area_id,
                    "identifier": territory.code,
                    "name": _name(territory, language),
                    "classification": council.get_level_display(),
                }
            councils[council.pk] = {
                "id": f"council-{council.pk}",
                "name": _name(council, language),
                "classification": "council",
                "area_id": area_id,
            }
        return f"council-{council.pk}"

    def membership(holding, organization_id, post_id, label):
        on_behalf_of = add_holder(holding)
        entry = {
            "person_id": f"person-{holding.person.pk}",
            "organization_id": organization_id,
            "post_id": post_id,
            "role": label,
            "label": label,
            "start_date": _date(holding.start or mandate.start),
            "end_date": _date(holding.end or mandate.end),
        }
        if on_behalf_of:
            entry["on_behalf_of_id"] = on_behalf_of
        data["memberships"].append({key: value for key, value in entry.items() if value is not None})

    for seat in sorted(bureau, key=selectors.protocol_key):
        label = seat.title(language, wording_map=wording_map)
        post_id = f"post-{seat.pk}"
        data["posts"].append(
            {"id": post_id, "label": label, "role": seat.office, "organization_id": "bureau"}
        )
        membership(seat, "bureau", post_id, label)
    for committee in committees:
        committee_id = f"committee-{committee.pk}"
        organization = {
            "id": committee_id,
            "name": committee.name_in(language),
            "classification": "committee",
            "parent_id": "bureau",
        }
        mission = getattr(committee, f"mission_{language}", None) or committee.mission_ar
        if mission:
            organization["summary"] = mission
        data["organizations"].append(organization)
        for seat in committee.seats.all():
            seat.committee = committee
            label = seat.title(language, wording_map=wording_map)
            post_id = f"committee-post-{seat.pk}"
            data["posts"].append(
                {"id": post_id, "label": label, "role": seat.role, "organization_id": committee_id}
            )
            membership(seat, committee_id, post_id, label)
    data["persons"] = list(persons.values())
    data["organizations"].extend(councils.values())
    data["areas"] = list(areas.values())
    return data


CSV_HEADER = [
    "organization",
    "title",
    "office",
    "rank",
    "name_ar",
    "name_fr",
    "gender",
    "council",
    "start",
    "end",
]


def rows(*, language="ar"):
    """CSV rows (header first) of the current public roster."""
    language = "fr" if (language or "ar").startswith("fr") else "ar"
    mandate = selectors.current_mandate()
    yield CSV_HEADER
    if mandate is None:
        return
    wording_map = wordings()
    bureau, committees = _seats(mandate)
    with override(language):
        bureau_name = str(selectors.body_name(mandate))

    def row(organization, holding, office, rank=None):
        person = holding.person
        return [
            organization,
            holding.title(language, wording_map=wording_map),
            office,
            rank or "",
            person.name_ar or "",
            person.name_fr or "",
            GENDER.get(person.gender, ""),
            _name(holding.council, language) if holding.council else "",
            _date(holding.start or mandate.start) or "",
            _date(holding.end or mandate.end) or "",
        ]

    for seat in sorted(bureau, key=selectors.protocol_key):
        yield row(bureau_name, seat, seat.office, seat.rank)
    for committee in committees:
        for seat in committee.seats.all():
            seat.committee = committee
            yield row(committee.name_in(language), seat, seat.role)
