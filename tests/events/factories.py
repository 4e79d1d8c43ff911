import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from events import models


class EventKindFactory(DjangoModelFactory):
    class Meta:
        model = models.EventKind
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"kind-{n}")
    name_ar = factory.Sequence(lambda n: f"نوع {n}")
    name_fr = factory.Sequence(lambda n: f"Type {n}")
    colour = "#0b5d3b"


class EventFactory(DjangoModelFactory):
    class Meta:
        model = models.Event

    kind = factory.LazyFunction(lambda: models.EventKind.objects.get(slug="executive-bureau"))
    title_ar = factory.Sequence(lambda n: f"اجتماع رقم {n}")
    title_fr = factory.Sequence(lambda n: f"Réunion {n}")
    schedule = models.Event.Schedule.DAYS
    start_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=7))
    status = models.Event.Status.CONFIRMED
    city_ar = "الرباط"
    city_fr = "Rabat"


def timed(day, hour, minute=0, **kwargs):
    starts_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))
    return EventFactory(
        schedule=models.Event.Schedule.TIMED,
        start_date=None,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=2),
        **kwargs,
    )


class ProgrammeFactory(DjangoModelFactory):
    class Meta:
        model = models.ActionProgramme

    year = 2022
    title_ar = "برنامج العمل 2022"
    title_fr = "Programme d'action 2022"


class ProgrammeLineFactory(DjangoModelFactory):
    class Meta:
        model = models.ProgrammeLine

    programme = factory.SubFactory(ProgrammeFactory)
    order = factory.Sequence(int)
    kind = factory.LazyFunction(lambda: models.EventKind.objects.get(slug="seminar"))
    activity_ar = "ندوة علمية"
    activity_fr = "Séminaire"
    content_ar = "المحتوى"
    content_fr = "Contenu"
