"""Fill a scratch database at a national association's size, reproducibly (not demo content).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench python bench/generate.py [--scale national|small]

``national``: 50,000 people seated on the councils of the 1,503 communes, 75 provinces and 12
regions that the migrations load, each with a membership; 5,000 events over ten years; 5,000 press
releases; 200 training sessions with 5,000 registrations; three bureau mandates and 15 committees.
``small``: 100 rows of each, the same shapes, to compare query counts. Rows are synthetic and
numbered ("منتخب 17", "Élu 17"), with a fixed random seed: two runs give the same database. They
are written with ``bulk_create`` (the fields that ``save()`` derives, such as search keys, are
derived here the same way) and go only into a scratch database: the script refuses a database
that already holds people, and ``--fresh`` drops and recreates it first (only a database whose
name contains "bench"). Migrations are applied first.
"""

import argparse
import datetime
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

SCALES = {
    "national": {
        "people": 50_000,
        "events": 5_000,
        "press": 5_000,
        "sessions": 200,
        "registrations": 5_000,
        "mandates": 3,
        "committees": 15,
    },
    "small": {
        "people": 100,
        "events": 100,
        "press": 100,
        "sessions": 10,
        "registrations": 100,
        "mandates": 3,
        "committees": 15,
    },
}
SEED = 20_260_101
BATCH = 2_000


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default="national")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument(
        "--fresh",
        action="store_true",
        help="drop and recreate the database first (its name must contain 'bench')",
    )
    args = parser.parse_args(argv)
    if args.fresh:
        recreate_database(os.environ.get("DATABASE_URL", ""))

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"migrated in {time.perf_counter() - started:.1f} s ({connection.vendor})", flush=True)
    from members.models import Person

    if Person.objects.exists():
        sys.exit("The database already holds people: generate into an empty scratch database.")
    sizes = SCALES[args.scale]
    rng = random.Random(args.seed)
    with transaction.atomic():
        generate(sizes, rng)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"generated {args.scale} scale in {time.perf_counter() - started:.1f} s")


def recreate_database(url):
    """An empty scratch database: refused unless its name says it is one (contains "bench")."""
    import environ

    config = environ.Env.db_url_config(url) if url else {}
    name = str(config.get("NAME", ""))
    if "bench" not in Path(name).name:
        sys.exit(
            f"--fresh refuses to drop {name or 'the default database'!r}: its name must contain 'bench'."
        )
    if config["ENGINE"].endswith("sqlite3"):
        Path(name).unlink(missing_ok=True)
        return
    import psycopg2

    connection = psycopg2.connect(
        dbname="postgres",
        user=config.get("USER") or None,
        password=config.get("PASSWORD") or None,
        host=config.get("HOST") or None,
        port=config.get("PORT") or None,
    )
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()


def step(label):
    def decorate(function):
        def run(*args, **kwargs):
            started = time.perf_counter()
            result = function(*args, **kwargs)
            print(f"  {label:<28} {time.perf_counter() - started:6.1f} s", flush=True)
            return result

        return run

    return decorate


def generate(sizes, rng):
    from association.models import AssociationProfile

    AssociationProfile.get_solo()
    people, councils = make_people(sizes["people"], rng)
    events = make_events(sizes["events"], rng)
    make_press(sizes["press"], rng)
    make_training(sizes["sessions"], sizes["registrations"], people, councils, events, rng)
    make_bureau(sizes["mandates"], sizes["committees"], people, rng)


@step("people, seats, memberships")
def make_people(count, rng):
    from members.models import Council, CouncilSeat, Membership, Person

    councils = list(Council.objects.order_by("pk"))
    if len(councils) < 1_590:
        print(f"  note: {len(councils)} councils (expected 1,590 from the migrations)")
    roles = [CouncilSeat.Role.MEMBER] * 6 + [CouncilSeat.Role.VICE_PRESIDENT, CouncilSeat.Role.SECRETARY]
    people = []
    for i in range(1, count + 1):
        person = Person(
            name_ar=f"منتخب {i}",
            name_fr=f"Élu {i}",
            name=f"منتخب {i}",
            gender="f" if rng.random() < 0.3 else "m",
            phone=f"+2126{10_000_000 + i:08d}",
            email=f"elu{i}@example.org",
            preferred_language="ar" if rng.random() < 0.7 else "fr",
        )
        person.search_key = person.make_search_key()
        people.append(person)
    # PostgreSQL and SQLite (3.35+) return the new primary keys: no need to read the rows back.
    people = Person.objects.bulk_create(people, batch_size=BATCH)
    seats, memberships = [], []
    for index, person in enumerate(people):
        council = councils[index % len(councils)]
        # The first person of each council presides it.
        role = CouncilSeat.Role.PRESIDENT if index < len(councils) else rng.choice(roles)
        seats.append(CouncilSeat(person=person, council=council, role=role, start_year=2021, end_year=2026))
        memberships.append(
            Membership(
                holder=Membership.Holder.PERSON,
                person=person,
                council=council,
                number=f"B-{index + 1:06d}",
                status=Membership.Status.ACTIVE if rng.random() < 0.9 else Membership.Status.APPLICANT,
                joined_on=datetime.date(2021, 10, 1) + datetime.timedelta(days=rng.randrange(1_500)),
            )
        )
    CouncilSeat.objects.bulk_create(seats, batch_size=BATCH)
    Membership.objects.bulk_create(memberships, batch_size=BATCH)
    return people, councils


@step("events")
def make_events(count, rng):
    from events.models import Event, EventKind

    kinds = list(EventKind.objects.order_by("pk"))
    today = datetime.date.today()
    first = today - datetime.timedelta(days=8 * 365)
    cities = [("الرباط", "Rabat"), ("الدار البيضاء", "Casablanca"), ("فاس", "Fès"), ("مراكش", "Marrakech")]
    events = []
    for i in range(1, count + 1):
        start = first + datetime.timedelta(days=rng.randrange(10 * 365))
        city_ar, city_fr = rng.choice(cities)
        event = Event(
            kind=rng.choice(kinds),
            title_ar=f"نشاط رقم {i}",
            title_fr=f"Activité n° {i}",
            title=f"نشاط رقم {i}",
            summary_ar=f"ملخص النشاط رقم {i}.",
            schedule=Event.Schedule.DAYS,
            start_date=start,
            end_date=start + datetime.timedelta(days=rng.choice([0, 0, 0, 1, 2])),
            status=Event.Status.HELD if start < today else Event.Status.PLANNED,
            visibility=Event.Visibility.PUBLIC if rng.random() < 0.85 else Event.Visibility.MEMBERS,
            city_ar=city_ar,
            city_fr=city_fr,
            city=city_ar,
            country="MA",
        )
        event._derive_fields()
        event._update_search_key()
        events.append(event)
    Event.objects.bulk_create(events, batch_size=BATCH)
    return list(Event.objects.order_by("pk"))


@step("press releases")
def make_press(count, rng):
    from django.utils import timezone

    from portal.richtext import plain_text
    from portal.text import search_key, translated_values
    from press.models import Category, PressRelease

    categories = [
        Category.objects.create(name_ar=name_ar, name_fr=name_fr, slug=slug, order=order)
        for order, (name_ar, name_fr, slug) in enumerate(
            [
                ("بلاغات", "Communiqués", "bench-communiques"),
                ("أنشطة", "Activités", "bench-activites"),
                ("شراكات", "Partenariats", "bench-partenariats"),
            ]
        )
    ]
    now = timezone.now()
    items = []
    for i in range(1, count + 1):
        days_ago = rng.randrange(10 * 365)
        status = PressRelease.Status.PUBLISHED
        publish_at = now - datetime.timedelta(days=days_ago, minutes=rng.randrange(1_440))
        if i % 250 == 0:  # a few drafts and scheduled items, as in real use
            status, publish_at = PressRelease.Status.SCHEDULED, now + datetime.timedelta(days=i % 30 + 1)
        elif i % 125 == 0:
            status = PressRelease.Status.DRAFT
        item = PressRelease(
            kind=rng.choice(PressRelease.Kind.values),
            title_ar=f"بلاغ رقم {i}",
            title_fr=f"Communiqué n° {i}",
            title=f"بلاغ رقم {i}",
            summary_ar=f"ملخص البلاغ رقم {i}.",
            body_ar=f"<p>نص البلاغ رقم {i}.</p>",
            body=f"<p>نص البلاغ رقم {i}.</p>",
            slug=f"bench-{i}",
            status=status,
            publish_at=publish_at,
            category=rng.choice(categories),
        )
        item.search_title = search_key(" ".join(translated_values(item, "title")))
        texts = [
            *translated_values(item, "title"),
            *translated_values(item, "summary"),
            *(plain_text(body) for body in translated_values(item, "body")),
        ]
        item.search_key = search_key(" ".join(texts))
        items.append(item)
    PressRelease.objects.bulk_create(items, batch_size=BATCH)


@step("training")
def make_training(sessions, registrations, people, councils, events, rng):
    from events.models import Event, EventKind
    from training.models import Registration, TrainingProgramme, TrainingSession

    kind = EventKind.objects.filter(slug="training").first() or EventKind.objects.first()
    programmes = {}
    for event in events:
        if len(programmes) >= 10:
            break
        year = event.start_date.year
        if year not in programmes:
            programmes[year] = TrainingProgramme.objects.create(
                year=year, title=f"برنامج التكوين {year}", title_ar=f"برنامج التكوين {year}"
            )
    training_events = [event for event in events if event.start_date.year in programmes][:sessions]
    Event.objects.filter(pk__in=[event.pk for event in training_events]).update(kind=kind)
    created = TrainingSession.objects.bulk_create(
        [
            TrainingSession(
                event=event,
                programme=programmes[event.start_date.year],
                capacity=rng.choice([None, 30, 40, 60]),
                venue=f"قاعة {index % 7 + 1}",
            )
            for index, event in enumerate(training_events)
        ],
        batch_size=BATCH,
    )
    created = list(TrainingSession.objects.order_by("pk"))
    per_session = max(1, registrations // max(1, len(created)))
    rows = []
    for index, session in enumerate(created):
        offset = (index * per_session) % max(1, len(people) - per_session)
        for person in people[offset : offset + per_session]:
            rows.append(Registration(session=session, person=person, status=Registration.Status.REGISTERED))
    Registration.objects.bulk_create(rows[:registrations], batch_size=BATCH)


@step("bureau")
def make_bureau(mandates, committees, people, rng):
    from bureau.models import Committee, CommitteeSeat, Mandate, Seat
    from bureau.titles import Office

    offices = (
        [Office.PRESIDENT]
        + [Office.VICE_PRESIDENT] * 4
        + [
            Office.SECRETARY_GENERAL,
            Office.DEPUTY_SECRETARY_GENERAL,
            Office.TREASURER,
            Office.DEPUTY_TREASURER,
        ]
        + [Office.COUNCILLOR] * 8
    )
    created = []
    for index in range(mandates):
        start = datetime.date(2012 + 5 * index, 6, 1)
        current = index == mandates - 1
        created.append(
            Mandate.objects.create(
                start=start,
                end=None if current else start.replace(year=start.year + 5) - datetime.timedelta(days=1),
                assembly_date=start,
                is_current=current,
            )
        )
    seats = []
    for mandate in created:
        chosen = rng.sample(people, len(offices))
        vice = 0
        for order, (office, person) in enumerate(zip(offices, chosen, strict=True)):
            vice += office == Office.VICE_PRESIDENT
            seats.append(
                Seat(
                    mandate=mandate,
                    office=office,
                    rank=vice if office == Office.VICE_PRESIDENT else None,
                    person=person,
                    order=order,
                )
            )
    Seat.objects.bulk_create(seats)
    current = created[-1]
    made = Committee.objects.bulk_create(
        [
            Committee(
                mandate=current,
                name=f"لجنة رقم {i}",
                name_ar=f"لجنة رقم {i}",
                name_fr=f"commission n° {i}",
                order=i,
            )
            for i in range(1, committees + 1)
        ]
    )
    made = list(Committee.objects.filter(mandate=current).order_by("pk"))
    rows = []
    for committee in made:
        chair, rapporteur, *members = rng.sample(people, 6)
        rows.append(CommitteeSeat(committee=committee, role=Office.COMMITTEE_CHAIR, person=chair, order=0))
        rows.append(
            CommitteeSeat(committee=committee, role=Office.COMMITTEE_RAPPORTEUR, person=rapporteur, order=1)
        )
        rows += [
            CommitteeSeat(committee=committee, role=Office.COMMITTEE_MEMBER, person=person, order=2 + n)
            for n, person in enumerate(members)
        ]
    CommitteeSeat.objects.bulk_create(rows)


if __name__ == "__main__":
    main()
