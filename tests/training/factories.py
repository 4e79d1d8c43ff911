import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from events.models import Event, EventKind
from members.models import Council, CouncilSeat, Membership, Person
from training import models


def a_council(code="05.311"):
    """An existing council (territory and councils are loaded by a members migration)."""
    return Council.objects.get(province__code=code)


class EventFactory(DjangoModelFactory):
    class Meta:
        model = Event

    kind = factory.LazyFunction(lambda: EventKind.objects.get(slug="training"))
    title_ar = "التكوين المستمر لمنتخبي مجالس العمالات والأقاليم"
    title_fr = "Formation continue des élus"
    schedule = Event.Schedule.DAYS
    start_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=10))
    visibility = Event.Visibility.PUBLIC


class ProgrammeFactory(DjangoModelFactory):
    class Meta:
        model = models.TrainingProgramme
        django_get_or_create = ("year", "audience")

    year = factory.LazyFunction(lambda: timezone.localdate().year)
    audience = models.Audience.OFFICIALS
    title_ar = "برنامج التكوين المستمر"
    title_fr = "Programme de formation continue"


class TopicFactory(DjangoModelFactory):
    class Meta:
        model = models.Topic

    name_ar = factory.Sequence(lambda n: f"محور رقم {n}")
    name_fr = factory.Sequence(lambda n: f"Thème {n}")


class SessionFactory(DjangoModelFactory):
    class Meta:
        model = models.TrainingSession

    event = factory.SubFactory(EventFactory)
    programme = factory.SubFactory(ProgrammeFactory)
    capacity = 18
    venue_ar = "مقر الجمعية"
    venue_fr = "Siège de l'association"

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if not create:
            return
        for order, topic in enumerate(
            extracted if extracted is not None else [TopicFactory() for _ in range(3)]
        ):
            models.SessionTopic.objects.create(session=self, topic=topic, order=order)


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    name_ar = factory.Sequence(lambda n: f"منتخب رقم {n}")
    name_fr = factory.Sequence(lambda n: f"Élu {n}")
    gender = Person.Gender.MALE
    email = factory.Sequence(lambda n: f"elu{n}@example.org")


def member(django_user_model, *, language="ar", username=None, council_code="05.311"):
    """A user account linked to a person with an active membership and a council seat."""
    person = PersonFactory(preferred_language=language)
    user = django_user_model.objects.create_user(
        username or f"user{person.pk}", person.email, "a-long-test-password"
    )
    person.user = user
    person.save()
    council = a_council(council_code)
    Membership.objects.create(person=person, council=council, status=Membership.Status.ACTIVE)
    CouncilSeat.objects.create(person=person, council=council, role=CouncilSeat.Role.MEMBER)
    return user


class RegistrationFactory(DjangoModelFactory):
    class Meta:
        model = models.Registration

    session = factory.SubFactory(SessionFactory)
    person = factory.SubFactory(PersonFactory)
    status = models.Registration.Status.REGISTERED
