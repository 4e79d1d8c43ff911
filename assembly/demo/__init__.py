"""The general assemblies of the demo, read from ``<association>.yaml`` beside this file.

Only what the sources record: the AMPCP's ordinary assembly of 29 January 2022 (``002_...``)
on top of its event in the calendar (``events.demo`` runs first), its four items (their titles
are the event's agenda items) and how each was decided ("approved", or "unanimously" for the
bureau). No counts, attendance, rules or candidates are invented; the assembly's rules stay
empty (``{}``: not recorded). The statutes' versions: the founding one the assembly met under,
and the one its amendment adopted, dated, without text or rules (the source gives neither).
Idempotent: keyed on the event, on each item's order and on each version's number.
"""

from assembly.models import Assembly, Decision, Item, ItemKind, StatutesVersion
from events.models import Event
from portal.demodata import DemoDataError, read, upsert


def load(association_key):
    top = read(__file__, association_key)
    if top is None:
        return "nothing to load"
    count = 0
    for record in top.records("statutes", []):
        note_ar, note_fr = record.text("note", {})
        upsert(
            StatutesVersion,
            {"number": record.integer("version")},
            {
                "in_force_from": record.date("in_force_from"),
                "note": note_ar,
                "note_ar": note_ar,
                "note_fr": note_fr,
            },
        )
        record.done()
    for record in top.records("assemblies"):
        day = record.date("event")
        event = Event.objects.filter(kind__slug="general-assembly", start_date=day).first()
        if event is None:
            raise DemoDataError(
                f"{record.file}: {record.label}: no general assembly on {day} in the calendar"
            )
        assembly = Assembly.objects.filter(event=event).first() or Assembly(event=event, rules={})
        assembly.kind = record.choice("kind", Assembly.Kind.values)
        assembly.status = Assembly.Status.CLOSED
        applied = record.integer("statutes", None)
        assembly.statutes = StatutesVersion.objects.get(number=applied) if applied else None
        assembly.save()
        agenda = list(event.agenda.order_by("order", "pk"))
        items = record.records("items")
        if len(items) != len(agenda):
            raise DemoDataError(
                f"{record.file}: {record.label}: {len(items)} items, the event has {len(agenda)}"
            )
        for order, (line, agenda_item) in enumerate(zip(items, agenda, strict=True)):
            item = upsert(
                Item,
                {"assembly": assembly, "order": order},
                {
                    "kind": line.choice("kind", ItemKind.values),
                    "title": agenda_item.title_ar,
                    "title_ar": agenda_item.title_ar,
                    "title_fr": agenda_item.title_fr,
                    "agenda_item": agenda_item,
                },
            )
            if adopts := line.integer("adopts", None):
                upsert(
                    StatutesVersion,
                    {"number": adopts},
                    {
                        "in_force_from": day,
                        "adopted_on": day,
                        "adopted_by": assembly,
                        "item": item,
                    },
                )
            note_ar, note_fr = line.text("note", {})
            upsert(
                Decision,
                {"item": item},
                {
                    "method": line.choice(
                        "decision", [Decision.Method.SHOW_OF_HANDS, Decision.Method.UNANIMITY]
                    ),
                    "approved": True,
                    "note": note_ar,
                    "note_ar": note_ar,
                    "note_fr": note_fr,
                },
            )
            line.done()
        record.done()
        count += 1
    top.done()
    return f"{count} general assembly"
