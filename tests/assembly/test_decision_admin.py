"""The decision form offers the open items by name, each with its assembly and number."""

import re

import pytest

from assembly.models import Decision


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
