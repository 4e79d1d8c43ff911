from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.urls import reverse, translate_url
from django.utils.encoding import escape_uri_path
from django.utils.translation import get_language, get_language_info

from portal import registry


def portal(request):
    """What every page's layout needs: the menu and the language alternates."""
    path = request.get_full_path()
    # A page whose content exists in some languages only (portal.language.set_alternates).
    urls = getattr(request, "portal_alternate_urls", {})
    translated = getattr(request, "portal_translated", None)
    # The switcher goes through portal.views.switch_language, which remembers the choice.
    switch = reverse("language-switch")
    alternates = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        url = urls.get(code) or _translated_url(path, code)
        alternates.append(
            {
                "code": code,
                "name_local": info["name_local"],
                "bidi": info["bidi"],
                "url": url,
                "switch_url": f"{switch}?to={quote(url, safe='/')}",
                "translated": translated is None or code in translated,
            }
        )
    # hreflang: only between real translations, and only from a page that is one of them.
    declared = [alt for alt in alternates if alt["translated"]]
    current = get_language()
    if len(declared) < 2 or not any(alt["code"] == current for alt in declared):
        declared = []
    # The entry of the section the page is in: "page" on the section's own page, "true" below it
    # (a press item marks "Press and news").
    nav = []
    for label, url in registry.nav_links():
        current = "page" if request.path == url else "true" if request.path.startswith(url) else ""
        nav.append({"label": label, "url": url, "current": current})
    return {
        # The page's own address, percent-encoded: a control character of a hostile address
        # (``/ar/press/%00/``) is never written raw into a link.
        "canonical_path": escape_uri_path(request.path),
        "language_alternates": alternates,
        "hreflang_alternates": declared,
        "main_nav": nav,
        "site_origin": site_origin(request),
    }


def _translated_url(path, code):
    """``path`` in language ``code``; for an address no route knows (a 404), the same address
    under ``code``'s prefix (``/fr/nope/`` → ``/ar/nope/``), or ``code``'s home page."""
    url = translate_url(path, code)
    current = get_language()
    if url != path or code == current:
        return url
    prefix = f"/{current}/"
    return f"/{code}/{path.removeprefix(prefix)}" if path.startswith(prefix) else f"/{code}/"


def site_origin(request):
    """``https://host`` for absolute links (canonical, alternates, feeds), checked once here.

    A Host header outside ``ALLOWED_HOSTS`` is answered by the 400 page, which renders this same
    layout: there the links become relative ("") instead of raising ``DisallowedHost`` again.
    """
    try:
        return f"{request.scheme}://{request.get_host()}"
    except DisallowedHost:
        return ""
