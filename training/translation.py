from modeltranslation.translator import TranslationOptions, register

from training import models


@register(models.TrainingProgramme)
class TrainingProgrammeTranslation(TranslationOptions):
    fields = ("title", "description")


@register(models.Topic)
class TopicTranslation(TranslationOptions):
    fields = ("name",)


@register(models.TrainingSession)
class TrainingSessionTranslation(TranslationOptions):
    fields = ("venue", "note")
