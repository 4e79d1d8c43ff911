"""Each admin input has the direction of what is typed into it, in the Arabic admin too."""

from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils.translation import override

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


# A translated field is named with its language in words, in the admin's language.
LABELS = {
    "ar": {"name_ar": "الاسم (بالعربية)", "name_fr": "الاسم (بالفرنسية)",
           "title_ar": "العنوان (بالعربية)", "title_fr": "العنوان (بالفرنسية)"},
    "fr": {"name_ar": "Nom (en arabe)", "name_fr": "Nom (en français)",
           "title_ar": "Titre (en arabe)", "title_fr": "Titre (en français)"},
}  # fmt: skip
SUFFIX = {"ar": ":", "fr": "\xa0:"}  # Django's label suffix in each language


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_translated_fields_are_named_with_their_language_in_words(demo, admin_client, language):
    from bureau.models import Committee, Mandate
    from press.models import PressRelease

    committee = Committee.objects.order_by("pk").first()
    release = PressRelease.objects.order_by("pk").first()
    with override(language):
        pages = {
            "committee": reverse("admin:bureau_committee_change", args=[committee.pk]),
            "press": reverse("admin:press_pressrelease_change", args=[release.pk]),
            "mandate": reverse("admin:bureau_mandate_change", args=[Mandate.objects.current().pk]),
        }
    html = {key: admin_client.get(url).content.decode() for key, url in pages.items()}
    labels = LABELS[language]
    for page, field in [("committee", "name_ar"), ("committee", "name_fr"), ("press", "title_ar"),
                        ("press", "title_fr")]:  # fmt: skip
        assert f'for="id_{field}">{labels[field]}{SUFFIX[language]}</label>' in html[page], (page, field)
        inputs = _Inputs()
        inputs.feed(html[page])
        code = field[-2:]
        expected = {"lang": code, "dir": "rtl" if code == "ar" else "ltr"}
        assert {key: inputs.found[field].get(key) for key in expected} == expected, field
    for page in html.values():
        assert "[ar]" not in page and "[fr]" not in page


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_no_admin_form_names_a_language_by_its_code(demo, admin_client, language):
    """Every registered model's add form, translated fields and inlines included."""
    walked = 0
    for model in admin.site._registry:
        opts = model._meta
        with override(language):
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
        response = admin_client.get(url)
        if response.status_code == 403:  # a model added only by the portal itself
            continue
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "[ar]" not in html and "[fr]" not in html, url
        walked += 1
    assert walked > 30
