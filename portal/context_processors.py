from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language_info

from portal import registry


def portal(request):
    """What every page's layout needs: the menu and the language alternates."""
    path = request.get_full_path()
    alternates = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        alternates.append(
            {
                "code": code,
                "name_local": info["name_local"],
                "bidi": info["bidi"],
                "url": translate_url(path, code),
            }
        )
    nav = [{"label": label, "url": url} for label, url in registry.nav_links()]
    return {
        "language_alternates": alternates,
        "main_nav": nav,
    }
