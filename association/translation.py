from modeltranslation.translator import TranslationOptions, register

from association import models


@register(models.AssociationProfile)
class AssociationProfileTranslation(TranslationOptions):
    fields = (
        "name",
        "acronym",
        "tagline",
        "introduction",
        "seat",
        "founding_reasons",
        "territory",
        "address",
    )


@register(models.CharterGoal)
@register(models.StrategicPrinciple)
class OrderedTextTranslation(TranslationOptions):
    fields = ("text",)


@register(models.GoverningBody)
class GoverningBodyTranslation(TranslationOptions):
    fields = ("name", "description")


@register(models.PartnershipAgreement)
class PartnershipAgreementTranslation(TranslationOptions):
    fields = ("subject",)


@register(models.Document)
class DocumentTranslation(TranslationOptions):
    fields = ("title",)
