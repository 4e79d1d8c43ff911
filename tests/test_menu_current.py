"""The menu marks the section a page belongs to, not only the section's own page."""

import re

import pytest

from tests.events.factories import EventFactory


def _current(page):
    return re.findall(r'<a href="([^"]+)" aria-current="(page|true)"', page)


@pytest.mark.django_db
def test_a_page_inside_a_section_marks_its_menu_entry(client):
    event = EventFactory()
    assert ("/ar/events/", "page") in _current(client.get("/ar/events/", follow=True).content.decode())
    page = client.get(event.get_absolute_url()).content.decode()
    assert ("/ar/events/", "true") in _current(page)
    assert not any(url == "/ar/press/" for url, _kind in _current(page))
