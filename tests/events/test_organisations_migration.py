"""The calendar's organisers and partners moved from the association's partners to the members
app's organisations (``events.0004_event_organisations``, issue 20). The database is taken back
to the calendar's migration before, filled as it was then, and migrated forward: every event
keeps its organisers and partners, each body is one organisation (one already on file is
reused), and the partnership that came later points at that same record."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from association.models import Partner
from events.models import Event
from members.models import Organisation

BEFORE = [("events", "0003_search_key")]


def _migrate(targets):
    """Migrate to ``targets``; the models as they were then, the members app's (organisations)
    as they are now."""
    executor = MigrationExecutor(connection)
    members = [node for node in executor.loader.graph.leaf_nodes() if node[0] == "members"]
    executor.migrate(targets + members)
    return executor.loader.project_state(targets + members).apps


@pytest.mark.django_db(transaction=True)
def test_event_organisers_and_partners_become_organisations():
    old = _migrate(BEFORE)
    OldEvent = old.get_model("events", "Event")
    OldKind = old.get_model("events", "EventKind")
    OldPartner = old.get_model("association", "Partner")
    OldOrganisation = old.get_model("members", "Organisation")
    network = OldPartner.objects.create(
        name="الشبكة المغربية للحكامة التشاركية",
        name_ar="الشبكة المغربية للحكامة التشاركية",
        name_fr="Réseau marocain de la gouvernance participative",
        kind="civil_society",
        website="https://network.example.org/",
        description_ar="شبكة جماعات",
    )
    ministry = OldPartner.objects.create(name="وزارة الداخلية", name_ar="وزارة الداخلية", kind="government")
    on_file = OldOrganisation.objects.create(
        name="وزارة الداخلية", name_ar="وزارة الداخلية", kind="government"
    )
    kind = OldKind.objects.get(slug="executive-bureau")
    meeting = OldEvent.objects.create(
        kind=kind,
        title="لقاء صفرو",
        title_ar="لقاء صفرو",
        schedule="days",
        start_date=datetime.date(2016, 3, 30),
        end_date=datetime.date(2016, 3, 30),
        status="confirmed",
    )
    meeting.organisers.add(network)
    meeting.partners.add(network, ministry)
    day = datetime.date(2016, 4, 1)
    alone = OldEvent.objects.create(
        kind=kind, title="اجتماع", title_ar="اجتماع", schedule="days", start_date=day, end_date=day
    )

    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    event = Event.objects.get(pk=meeting.pk)
    organiser = event.organisers.get()
    assert (organiser.name_ar, organiser.name_fr) == (
        "الشبكة المغربية للحكامة التشاركية",
        "Réseau marocain de la gouvernance participative",
    )
    assert organiser.kind == "association" and organiser.website == "https://network.example.org/"
    assert organiser.description_ar == "شبكة جماعات"
    assert set(event.partners.values_list("pk", flat=True)) == {organiser.pk, on_file.pk}  # no copy
    assert Organisation.objects.filter(name_ar="الشبكة المغربية للحكامة التشاركية").count() == 1
    assert not Event.objects.get(pk=alone.pk).organisers.exists()
    # The partnerships point at the same records the calendar names (association.0011).
    assert Partner.objects.get(pk=network.pk).organisation == organiser
    assert Partner.objects.get(pk=ministry.pk).organisation_id == on_file.pk
