import datetime

import factory
from factory.django import DjangoModelFactory

from bureau import models
from tests.members.factories import PersonFactory


class MandateFactory(DjangoModelFactory):
    class Meta:
        model = models.Mandate

    start = datetime.date(2022, 1, 29)
    assembly_date = datetime.date(2022, 1, 29)
    is_current = True


class SeatFactory(DjangoModelFactory):
    class Meta:
        model = models.Seat

    mandate = factory.SubFactory(MandateFactory)
    office = models.OfficeKind.COUNCILLOR
    person = factory.SubFactory(PersonFactory)
    order = factory.Sequence(lambda n: n + 1)


class CommitteeFactory(DjangoModelFactory):
    class Meta:
        model = models.Committee

    mandate = factory.SubFactory(MandateFactory)
    name_ar = factory.Sequence(lambda n: f"لجنة رقم {n}")
    name_fr = factory.Sequence(lambda n: f"commission numéro {n}")
    order = factory.Sequence(lambda n: n + 1)


class CommitteeSeatFactory(DjangoModelFactory):
    class Meta:
        model = models.CommitteeSeat

    committee = factory.SubFactory(CommitteeFactory)
    person = factory.SubFactory(PersonFactory)
    role = models.CommitteeSeat.Role.CHAIR
