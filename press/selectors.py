"""What other parts of the portal read about press releases and news, through the hooks they
registered in ``PressConfig.ready()``: the home page's section, an activity's related items,
the page cache's next scheduled publication, an organisation's relayed news."""

from django.db.models import F

from press.models import PressRelease

HOME_PRESS_ITEMS = 3


def latest_press_section(request):
    """The home page's latest press releases and news, or nothing when none is published."""
    items = list(PressRelease.objects.published().for_list()[:HOME_PRESS_ITEMS])
    return {"items": items} if items else None


def press_about_event(request, event):
    """The published press releases and news related to ``event``, newest first, in one query
    whatever their number; drafts, withdrawn items and items scheduled for later never appear."""
    releases = PressRelease.objects.published().filter(related_events=event).for_links()
    return [
        {"title": release.title, "url": release.get_absolute_url(), "date": release.publish_at}
        for release in releases
    ]


# The most an organisation's page lists of the news relayed from it.
ORGANISATION_PAGE_ITEMS = 30


def press_relayed_from(request, organisation):
    """The published news relayed from ``organisation``, newest first: the
    organisation's public page lists them (``portal.registry``, slot "organisation"). One query."""
    releases = (
        PressRelease.objects.published()
        .filter(source_organisation=organisation)
        .for_links()
        .order_by(F("publish_at").desc(nulls_last=True), "-pk")[:ORGANISATION_PAGE_ITEMS]
    )
    return [
        {"title": release.title, "url": release.get_absolute_url(), "date": release.publish_at}
        for release in releases
    ]


def scheduled_after(now):
    """The times of the scheduled items still to appear after ``now``, soonest first."""
    return (
        PressRelease.objects.filter(status=PressRelease.Status.SCHEDULED, publish_at__gt=now)
        .order_by("publish_at")
        .values_list("publish_at")
    )
