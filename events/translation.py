from modeltranslation.translator import TranslationOptions, register

from events import models


@register(models.EventKind)
class EventKindTranslation(TranslationOptions):
    fields = ("name",)


@register(models.Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "summary", "body", "schedule_note", "venue", "city", "recommendations")


@register(models.AgendaItem)
class AgendaItemTranslation(TranslationOptions):
    fields = ("title", "outcome")


@register(models.EventDocument)
class EventDocumentTranslation(TranslationOptions):
    fields = ("title",)


@register(models.EventPhoto)
class EventPhotoTranslation(TranslationOptions):
    fields = ("caption",)


@register(models.ActionProgramme)
class ActionProgrammeTranslation(TranslationOptions):
    fields = ("title", "introduction")


@register(models.ProgrammeLine)
class ProgrammeLineTranslation(TranslationOptions):
    fields = ("activity", "date_note", "content", "note")


@register(models.EventParticipant)
class EventParticipantTranslation(TranslationOptions):
    fields = ("name", "capacity")
