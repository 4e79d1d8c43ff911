"""Where apps plug themselves into the shared layout and into one another's pages without
editing them.

Each app registers, in its ``AppConfig.ready()``, its main navigation entries, its links in "My
account", and the sections it adds to pages of other apps (``SLOTS`` below lists every page that
takes sections, and who fills it). base.html and those pages read them. This keeps the apps
independent: the calendar app adds "Calendar" to the menu and "Upcoming events" to the home
page, and the association app knows nothing about it.
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


_nav: dict[str, NavEntry] = {}
_account: dict[str, NavEntry] = {}


def register_nav(url_name, label, order=50, has_content=None):
    _nav[url_name] = NavEntry(url_name, label, order, has_content)
    _nav_links.clear()


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


# Sections an app adds to another app's page --------------------------------------------------
#
# A page shows in a slot what the apps above it register there, and never imports them. Each
# registered callable gets the request and the page's object (none on the home page) and returns
# what its section shows: a list of links (dicts with ``title``, ``url`` and optionally ``date``)
# listed under ``label``; or, when registered with a ``template``, the context that template is
# rendered with. None or an empty list hides the section. Sections come by ``order``, then in
# the order the apps registered them (INSTALLED_APPS).
#
# Every slot, the page that shows it, and who fills it (order, app: "key", callable, template);
# tests/test_registry.py checks this table against what the apps register.
SLOTS = {
    # The home page (association:home), after the association's goals; templates.
    #   20 press: "press"      press.selectors.latest_press_section, press/home_section.html
    #   20 events: "events"    events.views.home_section_context, events/home_section.html
    "home": "association:home",
    # An activity's page (events:detail), under its facts; templates. A training session's
    # activity shows the registration for the session.
    #   50 training: "training"  training.views.event_panel, training/_event_panel.html
    "event.panel": "events:detail",
    # An activity's page (events:detail), at its end; lists of links.
    #   10 assembly: "assembly-minutes"  assembly.selectors.minutes_of_event
    #   50 press: "press"                press.selectors.press_about_event
    "event.related": "events:detail",
    # A council's page (members:council), after its networks; lists of links.
    #   50 events: "events"  events.councils.events_in_council_territory
    "council": "members:council",
    # An organisation's page (members:organisation), at its end; lists of links.
    #   20 press: "press"         press.selectors.press_relayed_from
    #   30 events: "organised"    events.organisations.events_organised_by
    #   40 events: "partnered"    events.organisations.events_partnered_by
    "organisation": "members:organisation",
}


@dataclass(frozen=True)
class Section:
    key: str
    content: Callable  # (request, *objects) -> a list of links, a template's context, or None
    label: str
    template: str
    order: int


_sections: dict[str, dict[str, Section]] = {slot: {} for slot in SLOTS}


def register_section(slot, key, content, *, label="", template="", order=50):
    """Add ``key``'s section to ``slot`` (one of ``SLOTS``), or replace it."""
    if slot not in SLOTS:
        raise ValueError(f"No page has the slot {slot!r}; the slots are {', '.join(SLOTS)}.")
    _sections[slot][key] = Section(key, content, label, template, order)


def unregister_section(slot, key):
    _sections[slot].pop(key, None)


def registered_sections(slot):
    """The sections registered in ``slot``, in the order the page shows them."""
    return sorted(_sections[slot].values(), key=lambda section: section.order)


def sections(slot, request, *objects):
    """What the page shows in ``slot``: a dict per section with content (``key``, ``label``,
    ``template`` and ``content``), in order."""
    shown = []
    for section in registered_sections(slot):
        content = section.content(request, *objects)
        if content:
            shown.append(
                {"key": section.key, "label": section.label, "template": section.template, "content": content}
            )
    return shown


# A person's public page, when an app above provides one (the bureau's page of a person's public
# roles and activities): ``(person_pk) -> url``. Without it, an event's participants are not
# linked.
_person_page = {}


def register_person_page(url_for):
    _person_page["url_for"] = url_for


def person_page(person_pk):
    url_for = _person_page.get("url_for")
    return url_for(person_pk) if url_for else ""
