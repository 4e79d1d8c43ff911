"""Where apps above this one add sections to a council's public page (``members:council``) and
to an organisation's (``members:organisation``).

The calendar app (``EventsConfig.ready``) registers the events held in the council's territory;
this app never imports it. Each callable gets ``(request, council)`` and returns a list of dicts
with ``title``, ``url`` and optionally ``date``; an empty list hides its section::

    from members import hooks

    hooks.register_council_section("events", events_in_territory, label=_("Activities held here"))
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class CouncilSection:
    key: str
    label: str
    items: Callable
    order: int


_sections: dict[str, CouncilSection] = {}


def register_council_section(key, items, *, label, order=50):
    _sections[key] = CouncilSection(key, label, items, order)


def unregister_council_section(key):
    _sections.pop(key, None)


def council_sections(request, council):
    sections = []
    for section in sorted(_sections.values(), key=lambda s: s.order):
        items = list(section.items(request, council) or [])
        if items:
            sections.append({"key": section.key, "label": section.label, "items": items})
    return sections


# An organisation's public page (``members:organisation``): the press app adds the news relayed
# from it, the calendar the activities it organised or partnered. Same contract as above, with
# ``(request, organisation)``.

_organisation_sections: dict[str, CouncilSection] = {}


def register_organisation_section(key, items, *, label, order=50):
    _organisation_sections[key] = CouncilSection(key, label, items, order)


def unregister_organisation_section(key):
    _organisation_sections.pop(key, None)


def organisation_sections(request, organisation):
    sections = []
    for section in sorted(_organisation_sections.values(), key=lambda s: s.order):
        items = list(section.items(request, organisation) or [])
        if items:
            sections.append({"key": section.key, "label": section.label, "items": items})
    return sections
