"""What the database itself refuses, scheduling rules, revisions and search keys."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from events.models import Event, EventKind, ProgrammeLine, contrast_ratio
from tests.events.factories import EventFactory, ProgrammeFactory, ProgrammeLineFactory, timed

pytestmark = pytest.mark.django_db

D = datetime.date


def _refused(**changes):
    """Write ``changes`` with a bare UPDATE (no model validation): the database must refuse it."""
    event = EventFactory(start_date=D(2022, 3, 15))
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.filter(pk=event.pk).update(**changes)


def test_the_database_refuses_an_event_ending_before_its_first_day():
    _refused(start_date=D(2022, 3, 15), end_date=D(2022, 3, 14))


def test_the_database_refuses_a_timed_event_ending_before_it_starts():
    event = timed(D(2022, 3, 15), 10)
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.filter(pk=event.pk).update(ends_at=event.starts_at - datetime.timedelta(minutes=1))


def test_the_database_refuses_a_date_to_be_set_event_with_a_day():
    _refused(schedule=Event.Schedule.TO_BE_SET)


def test_the_database_refuses_a_dated_event_without_days():
    _refused(start_date=None, end_date=None)


def test_the_database_refuses_an_all_day_event_with_a_time():
    _refused(starts_at=timezone.now())


def test_the_database_refuses_an_unknown_visibility_or_month():
    _refused(visibility="everyone")
    event = EventFactory(schedule=Event.Schedule.TO_BE_SET, start_date=None, intended_year=2022)
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.filter(pk=event.pk).update(intended_month=13)


def test_validation_explains_an_end_before_the_start():
    kind = EventKind.objects.get(slug="seminar")
    event = Event(kind=kind, title="x", start_date=D(2022, 3, 15), end_date=D(2022, 3, 14))
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "end_date" in error.value.message_dict
    starts = timezone.make_aware(datetime.datetime(2022, 3, 15, 10))
    event = Event(
        kind=kind, title="x", schedule="timed", starts_at=starts, ends_at=starts - datetime.timedelta(hours=1)
    )
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "ends_at" in error.value.message_dict


def test_date_to_be_set_event_keeps_no_day_and_validates():
    kind = EventKind.objects.get(slug="consultation")
    event = Event(kind=kind, title="لقاء", schedule="to_be_set", intended_year=2022, intended_month=6)
    event.full_clean()
    event.save()
    event.refresh_from_db()
    assert event.start_date is None and event.end_date is None
    assert event.intended_month_date == D(2022, 6, 1)
    dated = Event(kind=kind, title="x", schedule="to_be_set", start_date=D(2022, 6, 1))
    with pytest.raises(ValidationError):
        dated.full_clean()


def test_timed_event_gets_its_local_days():
    # 23:30 in Casablanca on 14 March is already the 14th locally, whatever UTC says.
    event = timed(D(2022, 3, 14), 23, 30)
    assert event.start_date == D(2022, 3, 14)
    assert event.end_date == D(2022, 3, 15)


def test_one_day_event_gets_its_last_day():
    event = EventFactory(start_date=D(2022, 1, 29))
    assert event.end_date == D(2022, 1, 29)


def test_sequence_bumps_only_when_the_calendar_changes():
    event = EventFactory(start_date=D(2022, 1, 29))
    assert event.sequence == 0
    event.summary_ar = "ملخص"
    event.save()
    assert event.sequence == 0
    event.start_date = event.end_date = D(2022, 1, 30)
    event.save()
    event.status = Event.Status.CANCELLED
    event.save()
    event.refresh_from_db()
    assert event.sequence == 2


def test_search_key_is_kept_on_save_in_both_languages():
    event = EventFactory(title_ar="الجمع العام العادي للجمعية", title_fr="Assemblée générale ordinaire")
    assert "جمع" in event.search_key.split()
    assert "assemble" in event.search_key.split()  # "assemblée", accents folded and stemmed
    event.title_fr = "Réunion à Tétouan"
    event.save(update_fields=["title_fr"])
    event.refresh_from_db()
    assert "tetouan" in event.search_key
    assert "assemble" not in event.search_key


def test_kind_colour_must_keep_white_text_readable():
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21)
    kind = EventKind(name="x", slug="x", colour="#ffff00")
    with pytest.raises(ValidationError) as error:
        kind.full_clean()
    assert "colour" in error.value.message_dict
    for kind in EventKind.objects.all():
        kind.full_clean()  # every seeded colour passes


def test_seeded_kinds_are_those_of_the_domain():
    slugs = set(EventKind.objects.values_list("slug", flat=True))
    assert {"executive-bureau", "general-assembly", "training", "seminar", "study-day", "round-table",
            "consultation", "conference", "mission", "partnership-signing", "exhibition", "remote-meeting"} <= slugs  # fmt: skip


def test_programme_line_constraints():
    line = ProgrammeLineFactory(start_date=D(2022, 5, 8), end_date=D(2022, 5, 12))
    with pytest.raises(IntegrityError), transaction.atomic():
        ProgrammeLine.objects.filter(pk=line.pk).update(end_date=D(2022, 5, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        ProgrammeLine.objects.filter(pk=line.pk).update(
            start_date=None, end_date=None, start_time=datetime.time(9)
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        ProgrammeFactory(year=1200)


@pytest.mark.django_db
def test_upcoming_keeps_long_events_that_began_long_ago_and_drops_ended_ones():
    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    ended = EventFactory(start_date=today - 5 * day, end_date=today - day)
    today_only = EventFactory(start_date=today)
    later = EventFactory(start_date=today + 3 * day)
    assert list(Event.objects.upcoming()) == [today_only, later]  # the longest span: 4 days
    exhibition = EventFactory(start_date=today - 90 * day, end_date=today + 10 * day)
    assert list(Event.objects.upcoming()) == [exhibition, today_only, later]
    # The bound follows the longest event: once the long one is gone, the others remain.
    exhibition.delete()
    assert list(Event.objects.upcoming()) == [today_only, later]
    assert ended not in Event.objects.upcoming()
    Event.objects.all().delete()
    assert list(Event.objects.upcoming()) == []


@pytest.mark.django_db
def test_overlapping_finds_an_event_that_began_months_before_the_range():
    first, last = datetime.date(2026, 3, 1), datetime.date(2026, 3, 31)
    short = EventFactory(start_date=datetime.date(2026, 3, 10))
    assert list(Event.objects.overlapping(first, last)) == [short]
    season = EventFactory(start_date=datetime.date(2025, 11, 1), end_date=datetime.date(2026, 3, 2))
    before = EventFactory(start_date=datetime.date(2026, 2, 20), end_date=datetime.date(2026, 2, 28))
    assert set(Event.objects.overlapping(first, last)) == {short, season}
    assert before not in Event.objects.overlapping(first, last)
