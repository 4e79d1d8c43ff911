import factory
from factory.django import DjangoModelFactory

from members import models


def council(code="05.311"):
    """An existing council (the territory and its councils are loaded by a migration)."""
    return models.Council.objects.get(province__code=code)


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = models.Person

    name_ar = factory.Sequence(lambda n: f"منتخب رقم {n}")
    name_fr = factory.Sequence(lambda n: f"Elu {n}")
    gender = models.Person.Gender.MALE


class SeatFactory(DjangoModelFactory):
    class Meta:
        model = models.CouncilSeat

    person = factory.SubFactory(PersonFactory)
    council = factory.LazyFunction(council)
    role = models.CouncilSeat.Role.PRESIDENT


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = models.Membership

    person = factory.SubFactory(PersonFactory)
    council = factory.LazyFunction(council)
    holder = models.Membership.Holder.PERSON
    status = models.Membership.Status.ACTIVE


class ApplicationFactory(DjangoModelFactory):
    class Meta:
        model = models.MembershipApplication

    name_ar = "فاطمة الزهراء الشاوي"
    name_fr = "Fatima Zahra Chaoui"
    gender = models.Person.Gender.FEMALE
    council = factory.LazyFunction(lambda: council("01.511"))
    role = models.CouncilSeat.Role.MEMBER
    email = factory.Sequence(lambda n: f"applicant{n}@example.org")
    consent = True
    language = "fr"


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = models.Organisation

    name_ar = factory.Sequence(lambda n: f"هيئة رقم {n}")
    name_fr = factory.Sequence(lambda n: f"Organisation {n}")
    kind = models.Organisation.Kind.PUBLIC_INSTITUTION


class NetworkFactory(OrganisationFactory):
    kind = models.Organisation.Kind.NETWORK
