"""Where other apps add content to an event page without the events app knowing them.

The press app (``association``, see ``AssociationConfig.ready``) registers a callable that
returns the published press releases about an event; the event page lists whatever the
registered callables return::

    from events import hooks

    hooks.register_related("press", lambda request, event: [
        {"title": release.title, "url": release.get_absolute_url(), "date": release.publish_at}
        for release in PressRelease.objects.published().filter(related_events=event)
    ], label=_("Press releases and news about this activity"))

Each callable gets ``(request, event)`` and returns a list of dicts with ``title``, ``url``
and optionally ``date``; an empty list hides its section. Templates may also override the
``{% block related %}`` of ``events/event_detail.html``.

A *panel* is what an app shows under an event's facts, with its own template: the training
app's registration for the session the event is (``training.apps``)::

    hooks.register_panel("training", lambda request, event: {
        "template": "training/_event_panel.html", "session": ...,
    })

The callable returns a dict with ``template`` (rendered with the dict as ``panel``), or None.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class RelatedSource:
    key: str
    label: str
    items: Callable
    order: int


_related: dict[str, RelatedSource] = {}
_panels: dict[str, tuple[int, Callable]] = {}


def register_related(key, items, *, label, order=50):
    _related[key] = RelatedSource(key, label, items, order)


def unregister_related(key):
    _related.pop(key, None)


def related_sections(request, event):
    sections = []
    for source in sorted(_related.values(), key=lambda s: s.order):
        items = list(source.items(request, event) or [])
        if items:
            sections.append({"key": source.key, "label": source.label, "items": items})
    return sections


def register_panel(key, panel, *, order=50):
    _panels[key] = (order, panel)


def unregister_panel(key):
    _panels.pop(key, None)


def panels(request, event):
    found = []
    for _order, panel in sorted(_panels.values(), key=lambda item: item[0]):
        context = panel(request, event)
        if context:
            found.append(context)
    return found


# The public page of a person of the register, when an app above provides one (the bureau's
# "public roles" page): ``(person_pk) -> url``. Without it, participants are not linked.
_person_page = {}


def register_person_page(url_for):
    _person_page["url_for"] = url_for


def person_page(person_pk):
    url_for = _person_page.get("url_for")
    return url_for(person_pk) if url_for else ""
