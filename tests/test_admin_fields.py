"""Each admin input has the direction of what is typed into it, in the Arabic admin too."""

from html.parser import HTMLParser

import pytest
from django.contrib import admin

from portal.admin_fields import direction_attrs

pytestmark = pytest.mark.django_db


class _Inputs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in {"input", "textarea"} and "name" in attrs:
            self.found[attrs["name"]] = attrs


def _inputs(admin_client, url):
    parser = _Inputs()
    parser.feed(admin_client.get(url).content.decode())
    return parser.found


def test_left_to_right_values_in_the_arabic_admin(demo, admin_client):
    from members.models import Person

    person = Person.objects.first()
    inputs = _inputs(admin_client, f"/ar/admin/members/person/{person.pk}/change/")
    assert inputs["email"].get("dir") == "ltr"
    assert inputs["phone"].get("dir") == "ltr"
    assert inputs["name_ar"].get("dir") == "rtl" and inputs["name_ar"].get("lang") == "ar"
    assert inputs["name_fr"].get("dir") == "ltr" and inputs["name_fr"].get("lang") == "fr"


def test_codes_slugs_numbers_and_urls(demo, admin_client):
    from association.models import Partner
    from events.models import Event, EventKind
    from members.models import Region

    kind = EventKind.objects.first()
    assert _inputs(admin_client, f"/ar/admin/events/eventkind/{kind.pk}/change/")["slug"].get("dir") == "ltr"
    event = Event.objects.first()
    assert _inputs(admin_client, f"/ar/admin/events/event/{event.pk}/change/")["country"].get("dir") == "ltr"
    # Codes are read-only where the admin shows them today; a new form gets them right too.
    assert direction_attrs(Region._meta.get_field("code")) == {"dir": "ltr"}
    organisation = Partner.objects.first().organisation  # who the partner is, website included
    assert (
        _inputs(admin_client, f"/ar/admin/members/organisation/{organisation.pk}/change/")["website"].get(
            "dir"
        )
        == "ltr"
    )


def test_inline_rows_and_free_text(demo, admin_client):
    from bureau.models import Mandate

    mandate = Mandate.objects.current()
    inputs = _inputs(admin_client, f"/ar/admin/bureau/mandate/{mandate.pk}/change/")
    assert inputs["seats-0-rank"].get("dir") == "ltr"  # a number, in an inline row
    assert inputs["note"].get("dir") == "auto"  # free text in either script


def test_every_registered_admin_has_it():
    from portal.admin_fields import PortalAdminMixin

    assert all(isinstance(model_admin, PortalAdminMixin) for model_admin in admin.site._registry.values())


def test_one_save_button_per_action(demo, admin_client):
    from bureau.models import Mandate

    mandate = Mandate.objects.current()
    page = admin_client.get(f"/ar/admin/bureau/mandate/{mandate.pk}/change/").content.decode()
    assert page.count('name="_save"') == 1
    assert 'name="_addanother"' not in page
    assert 'name="_addanother"' in admin_client.get("/ar/admin/bureau/mandate/add/").content.decode()
