"""Admin building blocks shared by every app."""

from django.utils.translation import get_language_info
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline, TranslationTabularInline


class LanguageDirectionMixin:
    """Give each translated field's input the language and direction of its own language.

    In the Arabic (right-to-left) admin, the French input of a title must still be typed
    left to right, and the Arabic one right to left in the French admin.
    """

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        language = getattr(db_field, "language", None)
        if field is not None and language:
            info = get_language_info(language)
            field.widget.attrs.update({"lang": language, "dir": "rtl" if info["bidi"] else "ltr"})
        return field


class TranslatedAdmin(LanguageDirectionMixin, TabbedTranslationAdmin):
    """ModelAdmin for models with translated fields: one tab per language."""


class TranslatedTabularInline(LanguageDirectionMixin, TranslationTabularInline):
    pass


class TranslatedStackedInline(LanguageDirectionMixin, TranslationStackedInline):
    pass
