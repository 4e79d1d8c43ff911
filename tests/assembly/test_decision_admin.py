"""The assembly's admin forms: the agenda created with the assembly reaches the calendar; the
decision form offers the open items by name, each with its assembly and number."""

import datetime
import re

import pytest
from django.utils import timezone

from assembly.models import Assembly, AssemblyRules, Decision
from events.models import Event, EventKind


@pytest.mark.django_db
def test_the_decision_form_lists_only_open_items_by_name(admin_client, assembly):
    first, second = assembly.items.order_by("order")[:2]
    Decision.objects.create(item=first, method=Decision.Method.UNANIMITY, approved=True)
    page = admin_client.get("/ar/admin/assembly/decision/add/").content.decode()
    select = re.search(r'<select name="item".*?</select>', page, re.S).group(0)
    assert f'value="{first.pk}"' not in select  # decided: closed
    assert f'value="{second.pk}"' in select
    assert f"الجمع العام العادي — {second.order}. {second.title}" in select


@pytest.mark.django_db
def test_convening_from_the_admin_counts_in_arabic_and_points_at_the_sending_action(admin_client, assembly):
    from django.contrib.messages import get_messages

    response = admin_client.post(
        "/ar/admin/assembly/assembly/", {"action": "convene", "_selected_action": [assembly.pk]}
    )
    message = " ".join(str(m) for m in get_messages(response.wsgi_request))
    count = assembly.convocations.count()
    assert count >= 3
    assert f"تم استدعاء {count} أعضاء" in message or f"تم استدعاء {count} عضوا" in message, message
    assert "«إرسال الاستدعاءات بالبريد الإلكتروني»" in message
    assert "send_convocations" not in message


@pytest.mark.django_db
def test_an_assembly_created_in_the_admin_puts_its_agenda_in_the_calendar(admin_client, members):
    """The secretariat creates the assembly and its agenda in one form; each item gets its line
    in the event's agenda (the calendar), once, and the rules of the day are copied."""
    rules = AssemblyRules.get_solo()
    rules.notice_days = 21
    rules.save()
    event = Event.objects.create(
        kind=EventKind.objects.get(slug="general-assembly"),
        title_ar="الجمع العام العادي",
        start_date=timezone.localdate() + datetime.timedelta(days=40),
    )
    data = {
        "event": event.pk,
        "kind": "ordinary",
        "convocation_number": 1,
        "first_convocation": "",
        "items-TOTAL_FORMS": 2,
        "items-INITIAL_FORMS": 0,
        "items-MIN_NUM_FORMS": 0,
        "items-MAX_NUM_FORMS": 1000,
        "items-0-order": 1,
        "items-0-kind": "report",
        "items-0-title_ar": "المصادقة على التقرير الأدبي",
        "items-0-title_fr": "Approbation du rapport moral",
        "items-1-order": 2,
        "items-1-kind": "election",
        "items-1-title_ar": "تجديد المكتب",
        "items-1-title_fr": "",
        "_save": "1",
    }
    response = admin_client.post("/ar/admin/assembly/assembly/add/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assembly = Assembly.objects.get(event=event)
    assert assembly.rule.notice_days == 21
    agenda = list(event.agenda.order_by("order").values_list("order", "title_ar", "title_fr"))
    assert agenda == [
        (1, "المصادقة على التقرير الأدبي", "Approbation du rapport moral"),
        (2, "تجديد المكتب", ""),
    ]
    assert all(item.agenda_item.event == event for item in assembly.items.all())
    # Saved again: nothing added twice.
    items = list(assembly.items.order_by("order"))
    data.update(
        {
            "items-INITIAL_FORMS": 2,
            "items-0-id": items[0].pk,
            "items-0-assembly": assembly.pk,
            "items-0-agenda_item": items[0].agenda_item_id,
            "items-1-id": items[1].pk,
            "items-1-assembly": assembly.pk,
            "items-1-agenda_item": items[1].agenda_item_id,
        }
    )
    response = admin_client.post(f"/ar/admin/assembly/assembly/{assembly.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert event.agenda.count() == 2
