"""What a council's public page (members app) shows of the calendar (``portal.registry``, slot
"council")."""

from django.db.models import F, Q

from events.models import Event

COUNCIL_PAGE_EVENTS = 20


def events_in_council_territory(request, council):
    """The activities held in ``council``'s territory that this visitor may see, newest first
    (the council's public page lists them). One query.

    A region's or a province's by their HCP code (the event's region is derived from its
    province); a commune's: in its province and in the town of that name, since an event
    records its city, not its commune.
    """
    events = Event.objects.visible_to(request.user)
    if council.region_id:
        events = events.filter(region_code=council.region.code)
    elif council.province_id:
        code = council.province.code
        events = events.filter(Q(province_code=code) | Q(host_province_code=code))
    else:
        commune = council.commune
        events = events.filter(
            Q(city_ar=commune.name_ar) | Q(city_fr__iexact=commune.name_fr or commune.name_ar),
            province_code=council.area_province.code,
        )
    events = events.order_by(F("start_date").desc(nulls_last=True), "-pk").only(
        "title_ar", "title_fr", "start_date"
    )[:COUNCIL_PAGE_EVENTS]
    return [
        {"title": event.title, "url": event.get_absolute_url(), "date": event.start_date} for event in events
    ]
