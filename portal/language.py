from django.conf import settings


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
