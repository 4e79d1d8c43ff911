"""Where apps plug themselves into the shared layout without editing it.

Each app registers its main navigation entries and its home-page sections in its
``AppConfig.ready()``; base.html and the home page read them. This keeps the apps
independent: the calendar app adds "Calendar" to the menu and "Upcoming events" to the
home page, and the association app knows nothing about it.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True)
class NavEntry:
    url_name: str
    label: str
    order: int

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


def register_nav(url_name, label, order=50):
    _nav[url_name] = NavEntry(url_name, label, order)


def register_home_section(template, context, order=50):
    _home[template] = HomeSection(template, context, order)


def nav_entries():
    return sorted(_nav.values(), key=lambda entry: entry.order)


def home_sections(request):
    """The home page's sections in order, each with the context its template needs."""
    sections = []
    for section in sorted(_home.values(), key=lambda s: s.order):
        context = section.context(request)
        if context is not None:
            sections.append({"template": section.template, "context": context})
    return sections
