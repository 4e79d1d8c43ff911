import simple_history
from modeltranslation.translator import TranslationOptions, register

from assembly import models


@register(models.Item)
class ItemTranslation(TranslationOptions):
    fields = ("title",)


@register(models.ItemDocument)
class ItemDocumentTranslation(TranslationOptions):
    fields = ("title",)


@register(models.Minutes)
class MinutesTranslation(TranslationOptions):
    fields = ("text",)


@register(models.Decision)
class DecisionTranslation(TranslationOptions):
    fields = ("note",)


@register(models.StatutesVersion)
class StatutesVersionTranslation(TranslationOptions):
    fields = ("note",)


# After the translated columns exist, so that the history records them (simple-history #209).
for model in (models.Item, models.Minutes, models.Decision, models.StatutesVersion):
    simple_history.register(model, app=model._meta.app_label)
