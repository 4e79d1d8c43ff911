"""Demo content: the AMPCP's 2022 continuing-training programme, from ``shared/seeds/002_...``.

The action-programme table lists each session with its date, three topics (two for the staff
session), venue and number of participants. Each session is an event of the calendar: the
event that ``events/demo.py`` created for the same day and kind when there is one, else one
created here (and the programme line of that day points at it). No registrations: the sources
name no participants.
"""

import datetime

from association.models import Partner
from events.models import Event, EventKind, ProgrammeLine
from training.models import Audience, SessionTopic, Topic, TrainingProgramme, TrainingSession

D = datetime.date

TOPICS = {
    "plan": ("مخطط تنمية العمالة والإقليم", "Plan de développement de la préfecture ou province"),
    "participation": ("الديموقراطية التشاركية", "Démocratie participative"),
    "financing": ("آليات تمويل المشاريع الترابية", "Mécanismes de financement des projets territoriaux"),
    "strategy": ("التخطيط الاستراتيجي", "Planification stratégique"),
    "partnership": (
        "آليات الشراكة والتعاون اللامركزي",
        "Mécanismes de partenariat et coopération décentralisée",
    ),
    "administration": ("التدبير الإداري", "Gestion administrative"),
    "communication": ("التواصل الداخلي والخارجي", "Communication interne et externe"),
    "sdl": ("نظام شركات التنمية المحلية", "Régime des sociétés de développement local"),
    "statute": ("النظام الأساسي للمنتخب", "Statut de l'élu"),
    "urbanism": ("قوانين التعمير والبناء", "Droit de l'urbanisme et de la construction"),
    "audit": ("الرقابة والتدقيق المالي", "Contrôle et audit financier"),
    "procurement": ("تدبير الطلبيات العمومية", "Gestion de la commande publique"),
    "marketing": ("آليات التسويق الترابي", "Mécanismes du marketing territorial"),
    "property": ("نظام الممتلكات العمومية", "Régime des biens publics"),
    "concessions": (
        "القوانين المنظمة لعقود الامتياز أو التدبير المفوض",
        "Lois régissant les concessions et la gestion déléguée",
    ),
    "taxation": ("قانون الجبايات المحلية", "Fiscalité locale"),
    "civil_service": ("نظام الوظيفة العمومية المحلية", "Statut de la fonction publique locale"),
    "complaints": ("الاستقبال وتدبير الشكايات", "Accueil et traitement des réclamations"),
    "cooperation": ("التعاون اللامركزي", "Coopération décentralisée"),
    "international_financing": (
        "إعداد وثائق التمويل الدولي للمشاريع الترابية",
        "Préparation des dossiers de financement international des projets territoriaux",
    ),
}

SET_1 = ("plan", "participation", "financing")
SET_2 = ("strategy", "partnership", "administration")
SET_3 = ("communication", "sdl", "statute")
SET_4 = ("urbanism", "audit", "procurement")
SET_5 = ("marketing", "property", "concessions")
SET_6 = ("taxation", "civil_service", "complaints")

SEAT = {
    "venue": ("مقر الجمعية", "Siège de l'association"),
    "city": ("", ""),
    "partner": None,
    "capacity": 18,
    "note": (
        "عدد المشاركين حضوريا 18 بمقر الجمعية",
        "18 participants en présentiel au siège de l'association",
    ),
}
IFRANE = {
    "venue": ("جامعة الأخوين", "Université Al Akhawayn"),
    "city": ("إفران", "Ifrane"),
    "partner": "akhawayn",
    "capacity": 26,
    "note": (
        "عدد المشاركين حضوريا 26 بجامعة الأخوين - إفران",
        "26 participants en présentiel à l'Université Al Akhawayn - Ifrane",
    ),
}
UM5 = {
    "venue": ("مركز التكوين التابع لجامعة محمد الخامس", "Centre de formation de l'Université Mohammed V"),
    "city": ("", ""),
    "partner": "um5",
    # The source gives no number of participants for this session: no seat limit is invented.
    "capacity": None,
    "note": (
        "حضوريا بمركز التكوين التابع لجامعة محمد الخامس",
        "En présentiel au centre de formation de l'Université Mohammed V",
    ),
}

PARTNERS = {
    "akhawayn": ("جامعة الأخوين بإفران", "Université Al Akhawayn d'Ifrane"),
    "um5": ("جامعة محمد الخامس", "Université Mohammed V"),
}

OFFICIALS_TITLE = (
    "التكوين المستمر لمنتخبي مجالس العمالات والأقاليم",
    "Formation continue des élus des conseils préfectoraux et provinciaux",
)
STAFF_TITLE = (
    "تكوين أطر مجالس العمالات والأقاليم",
    "Formation des cadres des conseils préfectoraux et provinciaux",
)

# (day, audience, topics, place) — every training line of the 2022 action programme.
SESSIONS_2022 = [
    (D(2022, 3, 17), Audience.OFFICIALS, SET_1, SEAT),
    (D(2022, 5, 5), Audience.OFFICIALS, SET_1, SEAT),
    (D(2022, 5, 26), Audience.OFFICIALS, SET_2, SEAT),
    (D(2022, 6, 9), Audience.OFFICIALS, SET_2, SEAT),
    (D(2022, 6, 23), Audience.OFFICIALS, SET_3, SEAT),
    (D(2022, 6, 24), Audience.STAFF, ("cooperation", "international_financing"), UM5),
    (D(2022, 7, 7), Audience.OFFICIALS, SET_3, SEAT),
    (D(2022, 7, 14), Audience.OFFICIALS, SET_4, IFRANE),
    (D(2022, 9, 8), Audience.OFFICIALS, SET_4, IFRANE),
    (D(2022, 9, 22), Audience.OFFICIALS, SET_5, SEAT),
    (D(2022, 10, 6), Audience.OFFICIALS, SET_5, SEAT),
    (D(2022, 10, 20), Audience.OFFICIALS, SET_6, SEAT),
    (D(2022, 11, 24), Audience.OFFICIALS, SET_6, SEAT),
]

PROGRAMMES_2022 = {
    Audience.OFFICIALS: (
        "برنامج التكوين المستمر لمنتخبي مجالس العمالات والأقاليم 2022",
        "Programme 2022 de formation continue des élus des conseils préfectoraux et provinciaux",
    ),
    Audience.STAFF: (
        "برنامج تكوين أطر مجالس العمالات والأقاليم 2022",
        "Programme 2022 de formation des cadres des conseils préfectoraux et provinciaux",
    ),
}


def _translated(name, pair):
    ar, fr = pair
    return {name: ar, f"{name}_ar": ar, f"{name}_fr": fr}


def _partner(key):
    if key is None:
        return None
    name_ar, name_fr = PARTNERS[key]
    partner = Partner.objects.filter(name_ar=name_ar).first()
    if partner is None:
        partner = Partner.objects.create(
            name=name_ar, name_ar=name_ar, name_fr=name_fr, kind=Partner.Kind.ACADEMIC, order=100
        )
    return partner


def _event(day, audience, place, partner):
    """The calendar's training event of that day (events/demo.py), else a new one."""
    kind = EventKind.objects.get(slug="training")
    event = Event.objects.filter(kind=kind, start_date=day).order_by("pk").first()
    if event is None:
        title = OFFICIALS_TITLE if audience == Audience.OFFICIALS else STAFF_TITLE
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
            event.partners.add(partner)
    ProgrammeLine.objects.filter(kind=kind, start_date=day, event__isnull=True).update(event=event)
    return event


def load(association_key):
    if association_key != "ampcp":
        return "no training programme in the sources"
    topics = {}
    for key, pair in TOPICS.items():
        topic = Topic.objects.filter(name_ar=pair[0]).first() or Topic(**_translated("name", pair))
        topic.name_fr = pair[1]
        topic.save()
        topics[key] = topic
    programmes = {}
    for audience, title in PROGRAMMES_2022.items():
        programmes[audience], _created = TrainingProgramme.objects.update_or_create(
            year=2022, audience=audience, defaults={**_translated("title", title), "published": True}
        )
    for day, audience, topic_keys, place in SESSIONS_2022:
        partner = _partner(place["partner"])
        event = _event(day, audience, place, partner)
        session, _created = TrainingSession.objects.update_or_create(
            event=event,
            defaults={
                "programme": programmes[audience],
                "audience": audience,
                "partner": partner,
                "capacity": place["capacity"],
                **_translated("venue", place["venue"]),
                **_translated("note", place["note"]),
            },
        )
        for order, key in enumerate(topic_keys, start=1):
            SessionTopic.objects.update_or_create(
                session=session, topic=topics[key], defaults={"order": order}
            )
        session.session_topics.exclude(topic__in=[topics[k] for k in topic_keys]).delete()
    return f"{len(SESSIONS_2022)} training sessions"
