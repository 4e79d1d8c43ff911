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
