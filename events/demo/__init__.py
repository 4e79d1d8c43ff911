"""Demo content for the calendar, read from ``<association>.yaml`` beside this file.

Transcribed from ``shared/seeds`` (French: translations):

- ``002_...``: the AMPCP's 2022 action programme (every line of the flattened table, split
  into activity, date, content and note), its executive-bureau meetings with their agendas,
  the ordinary general assembly of 29 January 2022, the meetings of 15 March 2022, the
  missions and conferences abroad and the UNESCO meeting of October 2022.
- ``003_...``: the consultative meeting in Tangier (its date is not in the article, so it is
  "to be set") and its earlier meetings of 6 December 2022 and 28 March 2023.
- ``004_...``: the two-day meeting in Sefrou, 30-31 March 2016, with its programme and the
  titles of its presentations (no files).

Organisers and partners are organisations (``members.Organisation``), listed under ``partners:``
and matched by Arabic name with those the members demo loaded (the Sefrou meeting is the
participatory governance network's).
The Tangier-Tetouan association gets the meetings of ``003_...`` without their co-organisers:
they are not that association's partners (its sources name none).

Idempotent: events are keyed on their Arabic title and first day, programme lines on
(year, order: their place in the file). Times are local (Africa/Casablanca) and stored as
aware datetimes. A programme line with ``event: <key>`` points at the event of that key.
"""

import importlib

from django.apps import apps
from django.utils import timezone

from events import services
from events.models import (
    ActionProgramme,
    AgendaItem,
    Event,
    EventDocument,
    EventKind,
    EventParticipant,
    ProgrammeLine,
)
from members.models import Organisation, Person
from portal.demodata import DemoDataError, read

TRANSLATED = ("summary", "body", "venue", "city", "schedule_note", "recommendations")
LINE_TEXTS = ("activity", "date_note", "content", "note")


def _translated(name, pair):
    return {name: pair[0], f"{name}_ar": pair[0], f"{name}_fr": pair[1]}


def _programme(record):
    title = record.text("title")
    programme, _created = ActionProgramme.objects.update_or_create(
        year=record.integer("year"), defaults=_translated("title", title)
    )
    kinds = {kind.slug: kind for kind in EventKind.objects.all()}
    links = {}
    for order, line in enumerate(record.records("lines"), start=1):
        defaults = {"kind": kinds[line.choice("kind", list(kinds))]}
        for name in LINE_TEXTS:
            defaults.update(_translated(name, line.text(name, {})))
        defaults.update(
            start_date=line.date("start_date", None),
            end_date=line.date("end_date", None),
            start_time=line.time("start_time", None),
        )
        if line.has("event"):
            links[order] = line.string("event")
        line.done()
        ProgrammeLine.objects.update_or_create(programme=programme, order=order, defaults=defaults)
    record.done()
    return programme, links


def _partners(records):
    """The organisations the events name, by Arabic name: found among those the members demo
    loaded (the networks), or created."""
    partners = {}
    for record in records:
        name_ar, name_fr = record.text("name")
        kind = record.choice("kind", Organisation.Kind.values)
        record.done()
        partner = Organisation.objects.filter(name_ar=name_ar).first()
        if partner is None:
            partner = Organisation.objects.create(name=name_ar, name_ar=name_ar, name_fr=name_fr, kind=kind)
        partners[name_ar] = partner
    return partners


def _fields(record, partners):
    """The event's field values as the file gives them, and its organisers and partners."""
    kind = record.string("kind")
    title = record.text("title")
    values = {"kind": EventKind.objects.get(slug=kind), **_translated("title", title)}
    for name in TRANSLATED:
        if record.has(name):
            values.update(_translated(name, record.text(name)))
    for name, getter in (
        ("schedule", lambda f: record.choice(f, Event.Schedule.values)),
        ("status", lambda f: record.choice(f, Event.Status.values)),
        ("start_date", record.date),
        ("end_date", record.date),
        ("starts_at", record.moment),
        ("ends_at", record.moment),
        ("country", record.string),
        ("province_code", record.string),
        ("intended_year", record.integer),
    ):
        if record.has(name):
            values[name] = getter(name)
    people = {}
    for name in ("organisers", "partners"):
        names = record.strings(name, [])
        unknown = [item for item in names if item not in partners]
        if unknown:
            record.fail(
                name, "expected organisations listed under 'partners:' at the top of the file", unknown
            )
        people[name] = [partners[item] for item in names]
    return values, people


def _key_day(values):
    """The first day an event is keyed on: its first day, that of its start, or none."""
    if values.get("start_date"):
        return values["start_date"]
    return timezone.localdate(values["starts_at"]) if values.get("starts_at") else None


def _event(record, partners):
    """Create or update one event keyed on its Arabic title and first day (or none)."""
    values, people = _fields(record, partners)
    agenda, documents = record.records("agenda", []), record.records("documents", [])
    participants = record.records("participants", [])
    record.string("key", None)  # read by load(): the name programme lines use
    record.done()
    event = Event.objects.filter(title_ar=values["title_ar"], start_date=_key_day(values)).first()
    if event is None:
        event = Event(**values)
        changed = True
    else:
        changed = any(getattr(event, name) != value for name, value in values.items())
        for name, value in values.items():
            setattr(event, name, value)
    if changed:  # an unchanged event keeps its updated_at (and its calendar revision)
        event.full_clean(exclude=["organisers", "partners"])
        event.save()
    _agenda(event, agenda)
    _documents(event, documents)
    _participants(event, participants)
    event.organisers.set(people["organisers"])
    event.partners.set(people["partners"])
    return event


def _agenda(event, records):
    """Agenda items keep their rows (keyed on the event and their order): loading twice changes nothing."""
    for order, record in enumerate(records, start=1):
        defaults = {"kind": record.choice("kind", AgendaItem.Kind.values)}
        defaults.update(_translated("title", record.text("title")))
        defaults.update(_translated("outcome", record.text("outcome", {})))
        defaults.update(
            day=record.date("day", None),
            start_time=record.time("start_time", None),
            end_time=record.time("end_time", None),
        )
        record.done()
        AgendaItem.objects.update_or_create(event=event, order=order, defaults=defaults)
    event.agenda.filter(order__gt=len(records)).delete()


def _person(record):
    """The register's person the record names by their Arabic name or one of its spellings."""
    name = record.string("person")
    person = Person.objects.filter(name_ar=name).first()
    if person is None:
        person = next((p for p in Person.objects.exclude(aliases="") if name in p.aliases.splitlines()), None)
    if person is None:
        record.fail(
            "person", "expected the Arabic name (or another spelling) of a person of the register", name
        )
    return person


def _participants(event, records):
    """Participants keyed on the event and their order, like agenda items."""
    for order, record in enumerate(records, start=1):
        values = {"role": record.choice("role", EventParticipant.Role.values), "person": None}
        if record.has("person"):
            values["person"] = _person(record)
        values.update(_translated("name", record.text("name", {})))
        values.update(_translated("capacity", record.text("capacity", {})))
        values["gender"] = record.choice("gender", ["m", "f", ""], "")
        record.done()
        participant = EventParticipant(event=event, order=order, **values)
        participant.full_clean(exclude=["event"])
        EventParticipant.objects.update_or_create(event=event, order=order, defaults=values)
    event.participants.filter(order__gt=len(records)).delete()


def _documents(event, records):
    for order, record in enumerate(records, start=1):
        title = (record.string("ar"), record.string("fr"))
        record.done()
        EventDocument.objects.update_or_create(event=event, order=order, defaults=_translated("title", title))
    event.documents.filter(file="", order__gt=len(records)).delete()


def _ensure_kinds():
    """The kinds come from a data migration, which a test database flush may have emptied."""
    if not EventKind.objects.exists():
        importlib.import_module("events.migrations.0002_event_kinds").seed_kinds(apps, None)


def _schedule_lines(programme):
    """Every line of the programme in the calendar: a dated line on its day, a line whose date
    is "to be proposed" among the events to be scheduled (``services.programme_line_schedule``).

    Training lines are left to the training demo, which makes their events with the session's
    venue and participants (it runs next and picks the line of its day).
    """
    for line in (
        programme.lines.filter(event__isnull=True).exclude(kind__slug="training").select_related("kind")
    ):
        services.programme_line_schedule(line=line)


def load(association_key):
    _ensure_kinds()
    data = read(__file__, association_key)
    programme, links = _programme(data.record("programme")) if data.has("programme") else (None, {})
    partners = _partners(data.records("partners"))
    events = {}
    for record in data.records("events"):
        key = record.data.get("key")
        events[key] = _event(record, partners)
    data.done()
    for order, key in links.items():
        if key not in events:
            raise DemoDataError(f"{data.file}: programme line {order}: no event has the key {key!r}")
        ProgrammeLine.objects.filter(programme=programme, order=order).update(event=events[key])
    if programme is not None:
        _schedule_lines(programme)
    if programme is None:
        return f"{Event.objects.count()} events"
    return f"{Event.objects.count()} events, {programme.lines.count()} programme lines"
