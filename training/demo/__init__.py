"""Demo content: the AMPCP's 2022 continuing-training programme, read from ``ampcp.yaml``.

Transcribed from ``shared/seeds/002_...``.

The action-programme table lists each session with its date, three topics (two for the staff
session), venue and number of participants. Each session is an event of the calendar: the
event that ``events/demo.py`` created for the same day and kind when there is one, else one
created here (and the programme line of that day points at it). No registrations: the sources
name no participants. An association without a file has no training programme in the sources.
"""

from association.models import Partner
from events.models import Event, EventKind, ProgrammeLine
from members.models import Organisation
from portal.demodata import read
from training.models import Audience, SessionTopic, Topic, TrainingProgramme, TrainingSession


def _translated(name, pair):
    ar, fr = pair
    return {name: ar, f"{name}_ar": ar, f"{name}_fr": fr}


def _topics(records):
    topics = {}
    for record in records:
        name_ar, name_fr = record.text("name")
        key = record.string("key")
        record.done()
        topic = Topic.objects.filter(name_ar=name_ar).first() or Topic(
            **_translated("name", (name_ar, name_fr))
        )
        topic.name_fr = name_fr
        topic.save()
        topics[key] = topic
    return topics


def _partners(records):
    """The partners sessions name, by Arabic name: looked up lazily, created if missing."""
    specs = {}
    for record in records:
        name_ar, name_fr = record.text("name")
        specs[name_ar] = {"name_fr": name_fr, "kind": record.choice("kind", Organisation.Kind.values),
                          "order": record.integer("order")}  # fmt: skip
        record.done()

    def partner(name_ar):
        """The session's partner (the partners page) and its organisation, one record of who it
        is: what the calendar's events link to too (``members.Organisation``)."""
        spec = specs[name_ar]
        organisation = Organisation.objects.filter(name_ar=name_ar).order_by("pk").first()
        organisation = organisation or Organisation.objects.create(
            name=name_ar, name_ar=name_ar, name_fr=spec["name_fr"], kind=spec["kind"]
        )
        partner, _created = Partner.objects.get_or_create(
            organisation=organisation, defaults={"order": spec["order"]}
        )
        return partner, organisation

    return specs, partner


def _programmes(records, year):
    programmes, event_titles = {}, {}
    for record in records:
        audience = record.choice("audience", Audience.values)
        title = record.text("title")
        event_titles[audience] = record.text("event_title")
        record.done()
        programmes[audience], _created = TrainingProgramme.objects.update_or_create(
            year=year, audience=audience, defaults={**_translated("title", title), "published": True}
        )
    return programmes, event_titles


def _event(day, title, place, partner):
    """The calendar's training event of that day (events/demo), else a new one."""
    kind = EventKind.objects.get(slug="training")
    event = Event.objects.filter(kind=kind, start_date=day).order_by("pk").first()
    if event is None:
        event = Event(
            kind=kind,
            schedule=Event.Schedule.DAYS,
            start_date=day,
            end_date=day,
            status=Event.Status.HELD,
            visibility=Event.Visibility.PUBLIC,
            expected_participants=place["capacity"],
            **_translated("title", title),
            **_translated("venue", place["venue"]),
            **_translated("city", place["city"]),
        )
        event.full_clean(exclude=["organisers", "partners"])
        event.save()
        if partner is not None:
            event.partners.add(partner[1])
    ProgrammeLine.objects.filter(kind=kind, start_date=day, event__isnull=True).update(event=event)
    return event


def _session(record, programmes, event_titles, topics, partner_named):
    day, audience = record.date("date"), record.choice("audience", list(programmes))
    topic_keys = record.strings("topics")
    for key in topic_keys:
        if key not in topics:
            record.fail("topics", "expected topics listed under 'topics:'", key)
    place = {
        "venue": record.text("venue"),
        "city": record.text("city"),
        "capacity": record.integer("capacity", None),
    }
    partner_name = record.string("partner", None)
    note = record.text("note")
    record.done()
    partner = partner_named(partner_name) if partner_name else None
    event = _event(day, event_titles[audience], place, partner)
    session, _created = TrainingSession.objects.update_or_create(
        event=event,
        defaults={
            "programme": programmes[audience],
            "audience": audience,
            "partner": partner[0] if partner else None,
            "capacity": place["capacity"],
            **_translated("venue", place["venue"]),
            **_translated("note", note),
        },
    )
    for order, key in enumerate(topic_keys, start=1):
        SessionTopic.objects.update_or_create(session=session, topic=topics[key], defaults={"order": order})
    session.session_topics.exclude(topic__in=[topics[k] for k in topic_keys]).delete()


def load(association_key):
    data = read(__file__, association_key)
    if data is None:
        return "no training programme in the sources"
    topics = _topics(data.records("topics"))
    specs, partner_named = _partners(data.records("partners"))
    programmes, event_titles = _programmes(data.records("programmes"), data.integer("year"))
    sessions = data.records("sessions")
    for record in sessions:
        if record.data.get("partner") not in (None, *specs):
            record.fail("partner", "expected a partner listed under 'partners:'", record.data["partner"])
        _session(record, programmes, event_titles, topics, partner_named)
    data.done()
    return f"{len(sessions)} training sessions"
