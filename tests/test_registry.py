"""The sections apps add to one another's pages (``portal.registry``): in order, empty ones
hidden, removable; and ``SLOTS``'s table of who fills each slot is what the apps register."""

import inspect
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from portal import registry
from tests.events.factories import EventFactory


def _filled_by(fill):
    return f"{fill.__module__}.{fill.__qualname__}"


def test_slots_table_names_every_section_the_apps_register():
    """The comments above each slot in ``SLOTS`` say, in order, who fills it: ``order app: "key"
    module.callable[, template]``. They are read here and compared with the registrations."""
    source = inspect.getsource(registry)
    table = source[source.index("SLOTS = {") : source.index("\n}\n", source.index("SLOTS = {"))]
    documented, fillers = {}, []
    for line in table.splitlines():
        if match := re.match(r'\s*#\s+(\d+) (\w+): "([\w-]+)"\s+([\w.]+)(?:, ([\w/.]+))?$', line):
            order, app, key, fill, template = match.groups()
            fillers.append((int(order), key, fill, template or ""))
            assert fill.split(".")[0] == app, line
        elif match := re.match(r'\s*"([\w.]+)": ', line):
            documented[match.group(1)] = fillers
            fillers = []
    assert documented.keys() == registry.SLOTS.keys()
    registered = {
        slot: [
            (section.order, section.key, _filled_by(section.content), section.template)
            for section in registry.registered_sections(slot)
        ]
        for slot in registry.SLOTS
    }
    assert registered == documented


def test_an_unknown_slot_is_refused():
    with pytest.raises(ValueError, match=r"event\.side"):
        registry.register_section("event.side", "press", lambda request, event: [], label="Press")


@pytest.fixture
def added():
    """Registers sections in the activity page's "related" slot for one test."""
    keys = []

    def add(key, fill, **kwargs):
        registry.register_section("event.related", key, fill, **kwargs)
        keys.append(key)

    yield add
    for key in keys:
        registry.unregister_section("event.related", key)


def _link(title):
    return lambda request, event: [{"title": title, "url": f"/{title}/"}]


@pytest.mark.django_db
def test_sections_come_in_order_and_empty_ones_are_hidden(added):
    event = EventFactory()
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    added("last", _link("last"), label="Last", order=90)
    added("first", _link("first"), label="First", order=5)
    # Same order as the press's section (50): after it, since registered after it.
    added("tie", _link("tie"), label="Tie", order=50)
    added("none", lambda request, event: None, label="Nothing", order=6)
    added("empty", lambda request, event: [], label="Empty", order=7)
    added("about", lambda request, event: [{"title": event.title, "url": "/e/"}], label="About")

    keys = [section.key for section in registry.registered_sections("event.related")]
    assert keys == ["first", "none", "empty", "assembly-minutes", "press", "tie", "about", "last"]
    # The minutes and the press have nothing about this event: hidden like "none" and "empty".
    shown = registry.sections("event.related", request, event)
    assert [section["key"] for section in shown] == ["first", "tie", "about", "last"]
    assert shown[0] == {
        "key": "first",
        "label": "First",
        "template": "",
        "content": [{"title": "first", "url": "/first/"}],
    }
    assert shown[2]["content"] == [{"title": event.title, "url": "/e/"}]


@pytest.mark.django_db
def test_unregistering_removes_a_section_and_registering_again_replaces_it(added):
    event = EventFactory()
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    added("one", _link("one"), label="One", order=1)
    added("two", _link("two"), label="Two", order=2)
    registry.unregister_section("event.related", "one")
    registry.unregister_section("event.related", "never-registered")
    assert [section["key"] for section in registry.sections("event.related", request, event)] == ["two"]

    added("two", _link("again"), label="Two again", order=2)
    (section,) = registry.sections("event.related", request, event)
    assert (section["label"], section["content"]) == ("Two again", [{"title": "again", "url": "/again/"}])


@pytest.mark.django_db
def test_the_activity_page_shows_a_registered_section_and_not_an_empty_one(client, added):
    event = EventFactory()
    added("linked", _link("linked-page"), label="A section from elsewhere", order=1)
    added("empty", lambda request, event: [], label="An empty section", order=2)
    page = client.get(event.get_absolute_url()).content.decode()
    assert '<h2 id="related-linked">A section from elsewhere</h2>' in page
    assert 'href="/linked-page/"' in page
    assert "An empty section" not in page
