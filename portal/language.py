from django.conf import settings
from django.utils.translation import get_language, get_language_info, gettext, gettext_lazy

# A translated field's column named with its language, whole phrases per language.
IN_LANGUAGE = {
    "ar": gettext_lazy("%(field)s (in Arabic)"),
    "fr": gettext_lazy("%(field)s (in French)"),
}


class ArabicFirstMiddleware:
    """Ignore the browser's Accept-Language unless the deployment asks to honour it.

    Many Moroccan browsers are set to French; the association's first language is Arabic,
    so a visitor arriving at ``/`` gets ``/ar/`` unless they chose otherwise (URL prefix or
    the language cookie set by the switcher). Runs before LocaleMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PORTAL_HONOUR_ACCEPT_LANGUAGE:
            request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


def text_language(instance, field, language=None):
    """The language of the text a translated ``field`` shows in ``language`` (the active one).

    modeltranslation falls back to another language's text when the field is empty in the page's
    language: the page must then mark that part with its own ``lang``/``dir`` and say so.
    Returns the active language when the field has its own text (or no text at all).
    """
    language = language or get_language() or settings.LANGUAGE_CODE
    if getattr(instance, f"{field}_{language}", None):
        return language
    for code in (settings.LANGUAGE_CODE, *(code for code, _name in settings.LANGUAGES)):
        if code != language and getattr(instance, f"{field}_{code}", None):
            return code
    return language


def translated_languages(instance, fields):
    """The languages in which ``instance`` is really written: each of ``fields`` that has a text
    in some language has one in these (a title alone is not a translation of a body)."""
    written = [
        field
        for field in fields
        if any(getattr(instance, f"{field}_{code}", None) for code, _n in settings.LANGUAGES)
    ]
    return [
        code
        for code, _name in settings.LANGUAGES
        if all(getattr(instance, f"{field}_{code}", None) for field in written)
    ]


def set_alternates(request, *, translated, urls=None):
    """Tell the layout which languages a page's content is written in (``translated``) and, when
    its address differs by language (a slug per language), the address in each (``urls``).

    The layout declares ``hreflang`` alternates only between real translations; its language
    switcher still offers every language.
    """
    request.portal_translated = set(translated)
    request.portal_alternate_urls = dict(urls or {})


def translated_field_label(verbose_name, language):
    """The name of a translated field's column in ``language``, as the admin shows it:
    "الاسم (بالعربية)", "Nom (en arabe)", not django-modeltranslation's "name [ar]".

    django-modeltranslation's ``MODELTRANSLATION_BUILD_LOCALIZED_VERBOSE_NAME`` (config/settings.py):
    the library calls it each time the lazy ``verbose_name`` is read, so the label follows the
    admin's active language. A language without its own phrase is named by Django's catalogue.
    """
    if language in IN_LANGUAGE:
        return str(IN_LANGUAGE[language]) % {"field": verbose_name}
    # Inside a phrase a language's name is not capitalised ("Nom (tamazight)").
    name = str(get_language_info(language)["name_translated"]).lower()
    return gettext("%(field)s (%(language)s)") % {"field": verbose_name, "language": name}
