"""The admin's home page leads with the bureau, then what waits for the secretariat, counted."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from bureau.models import Mandate
from events.models import Event
from members.models import Council, MembershipApplication
from tests.events.factories import EventFactory
from training.models import Registration, TrainingSession

pytestmark = pytest.mark.django_db


def _fill(session, taken):
    council = Council.objects.first()
    for number in range(taken):
        Registration.objects.create(session=session, participant_name=f"مشارك {number}", council=council)


def _upcoming_session():
    session = TrainingSession.objects.first()
    event = session.event
    event.status = Event.Status.PLANNED
    event.schedule, event.starts_at, event.ends_at = Event.Schedule.DAYS, None, None
    event.start_date = event.end_date = timezone.localdate() + datetime.timedelta(days=10)
    event.save()
    return session


def test_index_counts_what_waits(demo, admin_client):
    council = Council.objects.first()
    for name in ("أمينة", "سعيد"):
        MembershipApplication.objects.create(name_ar=name, gender="f", council=council)
    MembershipApplication.objects.create(
        name_ar="مرفوض", gender="m", council=council, status=MembershipApplication.Status.REJECTED
    )
    # Pending undated events only: those of a past year are archived as never scheduled.
    pending = EventFactory(schedule=Event.Schedule.TO_BE_SET, start_date=None)
    EventFactory(schedule=Event.Schedule.TO_BE_SET, start_date=None, intended_year=2000)
    undated = Event.objects.to_be_scheduled().exclude(status=Event.Status.CANCELLED).count()
    assert undated >= 1 and Event.objects.to_be_set().count() > undated
    session = _upcoming_session()
    session.capacity = 10
    session.save()
    _fill(session, 9)  # 90 %: nearly full

    response = admin_client.get("/ar/admin/")
    tasks = {task["url"].split("?")[0]: task for task in response.context["pending_tasks"]}
    applications = tasks[reverse("admin:members_membershipapplication_changelist")]
    assert applications["count"] == 2 and "status__exact=pending" in applications["url"]
    events = tasks[reverse("admin:events_event_changelist")]
    assert events["count"] == undated
    listed = admin_client.get(events["url"]).context["cl"].result_list
    assert len(listed) == undated and pending in listed
    sessions = tasks[reverse("admin:training_trainingsession_changelist")]
    assert sessions["count"] == 1 and f"id__in={session.pk}" in sessions["url"]
    assert admin_client.get(sessions["url"]).context["cl"].result_count == 1

    html = response.content.decode()
    mandate_url = reverse("admin:bureau_mandate_change", args=[Mandate.objects.current().pk])
    # The bureau first, then the tasks, then the list of apps.
    assert html.index(mandate_url) < html.index("home-tasks") < html.index('class="app-')


def test_a_session_below_ninety_percent_or_past_is_not_nearly_full(demo, admin_client):
    session = _upcoming_session()
    session.capacity = 10
    session.save()
    _fill(session, 8)
    response = admin_client.get("/ar/admin/")
    counts = [task["count"] for task in response.context["pending_tasks"]]
    assert counts[2] == 0
    _fill(session, 1)
    Event.objects.filter(pk=session.event_id).update(
        start_date=timezone.localdate() - datetime.timedelta(days=3),
        end_date=timezone.localdate() - datetime.timedelta(days=2),
    )
    assert admin_client.get("/ar/admin/").context["pending_tasks"][2]["count"] == 0


def test_staff_see_only_what_they_may_view(demo, client, django_user_model):
    from tests.auth import force_login_verified

    clerk = django_user_model.objects.create_user("clerk", password="a-long-test-password", is_staff=True)
    response = force_login_verified(client, clerk).get("/ar/admin/")
    assert response.context["pending_tasks"] == [] and response.context["bureau_links"] == []


def _task_text(html, url):
    """The words of the task linking to ``url`` as a reader gets them (tags dropped)."""
    item = re.search(rf'<li[^>]*><a href="{re.escape(url)}[^"]*">(.*?)</a></li>', html)
    return re.sub(r"<[^>]+>", "", item.group(1))


@pytest.mark.parametrize(
    ("count", "expected"),
    zip(
        (0, 1, 2, 3, 11, 100),
        [
            "لا يوجد أي طلب انخراط ينتظر القرار",
            "طلب انخراط واحد ينتظر القرار",
            "طلبا انخراط ينتظران القرار",
            "3 طلبات انخراط تنتظر القرار",
            "11 طلبا للانخراط تنتظر القرار",
            "100 طلب انخراط تنتظر القرار",
        ],
        strict=True,
    ),
)
def test_the_count_and_its_noun_agree_in_arabic(admin_client, count, expected):
    """Arabic's six forms (issue 22): one and two are spelt out, 3–10 take a plural, 11–99 and
    100 a singular; the number, where written, is set in the badge."""
    council = Council.objects.first()
    MembershipApplication.objects.bulk_create(
        MembershipApplication(name_ar=f"صاحب الطلب {number}", gender="m", council=council)
        for number in range(count)
    )
    response = admin_client.get("/ar/admin/")
    html = response.content.decode()
    url = reverse("admin:members_membershipapplication_changelist")
    assert _task_text(html, url) == expected
    assert (f'<span class="home-tasks__count">{count}</span>' in html) == (count >= 3)
    assert ('class="home-tasks__item--due"><a href="' + url in html) == (count > 0)


@pytest.mark.parametrize(("count", "expected"), [(0, "0 demande"), (1, "1 demande"), (2, "2 demandes")])
def test_the_count_and_its_noun_agree_in_french(admin_client, count, expected):
    council = Council.objects.first()
    MembershipApplication.objects.bulk_create(
        MembershipApplication(name_ar=f"صاحب الطلب {number}", gender="f", council=council)
        for number in range(count)
    )
    html = admin_client.get("/fr/admin/").content.decode()
    url = reverse("admin:members_membershipapplication_changelist")
    assert _task_text(html, url) == f"{expected} d’adhésion à trancher"
