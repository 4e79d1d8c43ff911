from django.conf import settings
from django.utils.translation import get_language


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
