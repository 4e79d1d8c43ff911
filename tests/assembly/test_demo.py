"""The 2022 assembly in the demo: exactly what seed 002 says, nothing invented."""

import pytest

from assembly.models import Assembly, Attendance, Candidate, Convocation, Decision
from bureau.models import Mandate


@pytest.mark.django_db
def test_the_2022_assembly_is_loaded_from_the_seed_without_invented_facts(demo):
    assembly = Assembly.objects.get(event__start_date="2022-01-29")
    assert assembly.kind == "ordinary" and assembly.status == "closed" and assembly.rules == {}
    items = list(assembly.items.select_related("decision", "agenda_item"))
    assert [item.kind for item in items] == ["report", "accounts", "statutes", "election"]
    assert items[0].title_ar == "المصادقة على التقارير الأدبية برسم سنوات 2019 و2020 و2021."
    assert [item.decision.method for item in items] == ["show_of_hands"] * 3 + ["unanimity"]
    assert "شريط وثائقي" in items[0].decision.note_ar  # the documentary film
    assert all(item.decision.votes_for is None for item in items)  # no counts invented
    assert (
        not Convocation.objects.exists()
        and not Attendance.objects.exists()
        and not Candidate.objects.exists()
    )
    assert Mandate.objects.get(is_current=True).assembly == assembly.event
    # Loading twice changes nothing.
    from django.core.management import call_command

    call_command("load_demo", verbosity=0)
    assert Assembly.objects.count() == 1 and Decision.objects.count() == 4
