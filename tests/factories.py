import factory
from factory.django import DjangoModelFactory

from association import models


class PartnerFactory(DjangoModelFactory):
    """A partnership; who the partner is lives on its organisation (``organisation__name_ar=``)."""

    class Meta:
        model = models.Partner

    organisation = factory.SubFactory(
        "tests.members.factories.OrganisationFactory",
        name_ar=factory.Sequence(lambda n: f"شريك رقم {n}"),
        name_fr=factory.Sequence(lambda n: f"Partenaire {n}"),
    )
    order = factory.Sequence(int)


class AgreementFactory(DjangoModelFactory):
    class Meta:
        model = models.PartnershipAgreement

    partner = factory.SubFactory(PartnerFactory)
    subject_ar = "اتفاقية شراكة"
    subject_fr = "Convention de partenariat"


class CharterGoalFactory(DjangoModelFactory):
    class Meta:
        model = models.CharterGoal

    text_ar = factory.Sequence(lambda n: f"الهدف {n}")
    text_fr = factory.Sequence(lambda n: f"Objectif {n}")
    order = factory.Sequence(int)


class DocumentFactory(DjangoModelFactory):
    class Meta:
        model = models.Document

    title_ar = factory.Sequence(lambda n: f"تقرير {n}")
    title_fr = factory.Sequence(lambda n: f"Rapport {n}")
    kind = models.Document.Kind.ACTIVITY_REPORT
    year = 2021
    file = factory.django.FileField(filename="rapport.pdf", data=b"%PDF-1.4\n%%EOF\n")
