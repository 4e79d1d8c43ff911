"""The 2022 assembly in the demo: exactly what seed 002 says, nothing invented."""

import pytest

from assembly.models import Assembly, Attendance, Candidate, Convocation, Decision, StatutesVersion
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
    # The statutes: those of the founding (28 January 2019), under which the assembly met, and the
    # amendment it approved; dated by the seed, with no text and no rules the seed does not give.
    founding, amended = StatutesVersion.objects.order_by("number")
    assert founding.in_force_from.isoformat() == "2019-01-28" and founding.adopted_by is None
    assert "الفصل العاشر" in founding.note_ar
    assert assembly.statutes == founding
    assert amended.adopted_by == assembly and amended.item == items[2]
    assert amended.adopted_on.isoformat() == amended.in_force_from.isoformat() == "2022-01-29"
    assert founding.rules == amended.rules == {} and founding.document is None and amended.document is None
    # Loading twice changes nothing.
    from django.core.management import call_command

    call_command("load_demo", verbosity=0)
    assert Assembly.objects.count() == 1 and Decision.objects.count() == 4
    assert StatutesVersion.objects.count() == 2
