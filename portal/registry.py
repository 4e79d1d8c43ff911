"""Where apps plug themselves into the shared layout without editing it.

Each app registers its main navigation entries and its home-page sections in its
``AppConfig.ready()``; base.html and the home page read them. This keeps the apps
independent: the calendar app adds "Calendar" to the menu and "Upcoming events" to the
home page, and the association app knows nothing about it.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

from portal.content_version import per_version


@dataclass(frozen=True)
class NavEntry:
    url_name: str
    label: str
    order: int
    # ``() -> bool``: whether the section has content to show; None for always. A menu entry
    # whose section is empty (an association without an action programme) would lead to a
    # 404 or an empty page on every page of the site (issue 20).
    has_content: Callable | None = None

    def url(self):
        try:
            return reverse(self.url_name)
        except NoReverseMatch:
            return None


@dataclass(frozen=True)
class HomeSection:
    template: str
    context: Callable  # (request) -> dict, or None to skip the section
    order: int


_nav: dict[str, NavEntry] = {}
_home: dict[str, HomeSection] = {}
_account: dict[str, NavEntry] = {}


def register_nav(url_name, label, order=50, has_content=None):
    _nav[url_name] = NavEntry(url_name, label, order, has_content)
    _nav_links.clear()


def register_home_section(template, context, order=50):
    _home[template] = HomeSection(template, context, order)


def nav_entries():
    return sorted(_nav.values(), key=lambda entry: entry.order)


_nav_links: dict[tuple, list] = {}


def nav_links():
    """[(label, url)] of the entries whose URL resolves, reversed once per language and URLconf.

    Every page's layout shows the menu: a reverse() per entry on each request was a millisecond
    of each page's server time (issue 8). The labels stay lazy, translated when rendered.
    """
    key = (get_language(), get_script_prefix(), get_urlconf(), settings.ROOT_URLCONF)
    links = _nav_links.get(key)
    if links is None:
        links = [(entry, url) for entry in nav_entries() if (url := entry.url())]
        _nav_links[key] = links
    hidden = _empty_sections()
    return [(entry.label, url) for entry, url in links if entry.url_name not in hidden]


def _empty_sections():
    """The url names of the entries whose section has no content, kept per content version."""
    conditional = [entry for entry in _nav.values() if entry.has_content is not None]
    if not conditional:
        return frozenset()
    names = ",".join(sorted(entry.url_name for entry in conditional))
    return per_version(
        f"nav:empty:{names}",
        lambda: frozenset(entry.url_name for entry in conditional if not entry.has_content()),
    )


@receiver(setting_changed)
def _forget_nav_links(**kwargs):
    _nav_links.clear()


def home_sections(request):
    """The home page's sections in order, each with the context its template needs."""
    sections = []
    for section in sorted(_home.values(), key=lambda s: s.order):
        context = section.context(request)
        if context is not None:
            sections.append({"template": section.template, "context": context})
    return sections


def register_account_link(url_name, label, order=50):
    """A page of the member's own (their assemblies, their registrations) that "My account"
    links to; the members app lists them without knowing the apps that add them."""
    _account[url_name] = NavEntry(url_name, label, order)


def account_links():
    """[(label, url)] for "My account", in order."""
    return [
        (entry.label, url)
        for entry in sorted(_account.values(), key=lambda e: e.order)
        if (url := entry.url())
    ]
