from modeltranslation.translator import TranslationOptions, register

from press import models


@register(models.Category)
class CategoryTranslation(TranslationOptions):
    fields = ("name",)


@register(models.PressRelease)
class PressReleaseTranslation(TranslationOptions):
    fields = ("title", "summary", "body", "cover_alt")


@register(models.PressImage)
class PressImageTranslation(TranslationOptions):
    fields = ("alt", "caption")


@register(models.PressAttachment)
class PressAttachmentTranslation(TranslationOptions):
    fields = ("title",)
