from modeltranslation.translator import TranslationOptions, register

from members import models


@register(models.Region)
@register(models.Province)
@register(models.Commune)
@register(models.Council)
@register(models.Person)
class NameTranslation(TranslationOptions):
    fields = ("name",)


@register(models.Membership)
class MembershipTranslation(TranslationOptions):
    fields = ("position",)


@register(models.Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name", "description")


@register(models.NetworkMemberCount)
class NetworkMemberCountTranslation(TranslationOptions):
    fields = ("source",)
