"""The secretariat edits the bureau roster in the Arabic admin; the public page follows.

Drag and drop reorders two vice-presidents (their ranks follow the new order); a councillor
is replaced by a person found by typing another spelling of the name; the public bureau page
then shows the new order with gender-right titles, and the replaced councillor is kept as
history.
"""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from playwright.sync_api import expect

from bureau.models import Mandate
from members.models import Council, Person
from portal.roles import SECRETARIAT, sync_roles

PASSWORD = "a-long-test-password"


def _load_demo(key):
    """The demo content this test needs (association, people, bureau), as load_demo loads it."""
    from association import demo as association_demo
    from bureau import demo as bureau_demo
    from members import demo as members_demo

    for module in (association_demo, members_demo, bureau_demo):
        module.load(key)


@pytest.fixture
def bureau_site(transactional_db, live_server, django_user_model):
    from members import territory

    if not Council.objects.exists():  # an earlier transactional test's flush may have emptied it
        territory.load(territory.current_apps())
    _load_demo("tanger-tetouan")
    sync_roles(Group, Permission)
    user = django_user_model.objects.create_user("secretariat", "s@example.org", PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=SECRETARIAT))
    # Someone in the members register who is not on the bureau yet.
    Person.objects.create(name_ar="نجاة الإدريسي", name_fr="Najat Idrissi", gender="f")
    return live_server


def _row(page, name):
    return page.locator(
        "#seats-group tr.form-row.has_original", has=page.locator(f"option[selected]:has-text('{name}')")
    )


def test_secretariat_reorders_and_replaces_in_the_arabic_admin(page, bureau_site):
    mandate = Mandate.objects.current()
    page.goto(f"{bureau_site.url}/ar/admin/login/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.fill("#id_username", "secretariat")
    page.fill("#id_password", PASSWORD)
    page.locator("input[type=submit]").click()
    page.goto(f"{bureau_site.url}/ar/admin/bureau/mandate/")
    page.locator("#result_list tbody th a").first.click()
    page.wait_for_url(f"**/ar/admin/bureau/mandate/{mandate.pk}/change/")
    assert "النائبة الثانية" in page.locator("#seats-group").inner_text()

    # Every control of a row takes a click where it is drawn (the row's title band above the
    # fields, its drag handle, once lay over the delete box and the move buttons).
    for row in (_row(page, "مصطفى البكوري"), _row(page, "رضوان بودياب")):
        row.locator("input[name$='-DELETE']").check(trial=True, timeout=3000)
        for button in row.locator(".inline-move button").all():
            button.click(trial=True, timeout=3000)

    # Drag the second vice-president (a woman) above the first.
    second = _row(page, "فاطمة الزهراء الشاوي")
    first = _row(page, "مصطفى البكوري")
    second.locator("td.original p").drag_to(first.locator("td.original p"))
    rows = page.locator("#seats-group tr.has_original td.field-person option[selected]").all_inner_texts()
    names = [row.split(" · ")[0] for row in rows]
    assert names.index("فاطمة الزهراء الشاوي") < names.index("مصطفى البكوري")

    # Replace a councillor: pick another person by typing a different spelling of her name.
    councillor = _row(page, "رضوان بودياب")
    councillor.locator("td.field-person .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill("نجاه الادريسى")
    page.locator(".select2-results__option", has_text="نجاة الإدريسي").click()
    # The row's title follows before saving: a woman councillor is a مستشارة.
    expect(councillor.locator("td.field-generated_title")).to_contain_text("مستشارة")
    page.locator("input[name=_save]").last.click()
    page.wait_for_url("**/ar/admin/bureau/mandate/")
    assert page.locator(".messagelist .success").count() == 1
    # What looked wrong before (two third vice-presidents) was shown on the page, not again.

    page.goto(f"{bureau_site.url}/ar/bureau/")
    text = page.locator("main").inner_text()
    assert text.index("فاطمة الزهراء الشاوي") < text.index("مصطفى البكوري")
    assert "النائبة الأولى" in text and "النائب الثاني" in text
    assert "النائبة الثانية" not in text
    assert "نجاة الإدريسي" in text and "رضوان بودياب" not in text
    card = page.locator(".bureau-card", has_text="نجاة الإدريسي")
    assert card.locator(".bureau-card__title").inner_text() == "مستشارة"
    old = mandate.seats.get(person__name_ar="رضوان بودياب")
    new = mandate.seats.get(person__name_ar="نجاة الإدريسي")
    assert old.end is not None and new.start == old.end + datetime.timedelta(days=1)

    page.goto(f"{bureau_site.url}/fr/bureau/")
    french = page.locator("main").inner_text()
    assert french.index("Fatima Zahra Chaoui") < french.index("Mustapha Bakkouri")
    assert "1re vice-présidente" in french and "2e vice-président" in french and "Conseillère" in french


@pytest.fixture
def ampcp_site(transactional_db, live_server):
    from members import territory

    if not Council.objects.exists():
        territory.load(territory.current_apps())
    _load_demo("ampcp")
    return live_server


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_bureau_pages_are_accessible_and_fit_a_phone(page, ampcp_site, axe_check, language):
    for path in ("bureau/", "bureau/committees/"):
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(f"{ampcp_site.url}/{language}/{path}")
        axe_check(page)
        page.set_viewport_size({"width": 390, "height": 844})
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, path
