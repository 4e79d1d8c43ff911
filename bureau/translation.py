import simple_history
from modeltranslation.translator import TranslationOptions, register

from bureau import models


@register(models.Committee)
class CommitteeTranslation(TranslationOptions):
    fields = ("name", "mission")


# After the translated columns exist, so that the history records them (simple-history #209).
simple_history.register(models.Committee, app=models.Committee._meta.app_label)
