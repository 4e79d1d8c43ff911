"""The secretariat's whole roster flow in Chromium, on the AMPCP demo.

Replace the secretary-general, swap the 1st and 2nd vice-presidents, name a committee member,
read the history, revert one change after its preview, and see a save from a page opened
before someone else's save refused with what changed, the typing kept. Screenshots of the
mandate page, the history and the revert preview (ar and fr, 1280 and 390 px wide) are written
to $ROSTER_SHOTS (default /tmp/roster-shots) for a person to look at.
"""

import os
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from playwright.sync_api import expect

from bureau.models import Mandate
from members.models import Council, Person
from portal.roles import SECRETARIAT, sync_roles
from tests.e2e.test_bureau_admin import PASSWORD, _load_demo

SHOTS = Path(os.environ.get("ROSTER_SHOTS", "/tmp/roster-shots"))


@pytest.fixture
def ampcp_admin(transactional_db, live_server, django_user_model):
    from members import territory

    if not Council.objects.exists():
        territory.load(territory.current_apps())
    _load_demo("ampcp")
    sync_roles(Group, Permission)
    for name in ("secretariat", "second"):
        user = django_user_model.objects.create_user(name, f"{name}@example.org", PASSWORD, is_staff=True)
        user.groups.add(Group.objects.get(name=SECRETARIAT))
    Person.objects.create(name_ar="نجاة الإدريسي", name_fr="Najat Idrissi", gender="f")
    Person.objects.create(name_ar="كريم الفاسي", name_fr="Karim Fassi", gender="m")
    return live_server


def _login(page, url, username="secretariat"):
    page.goto(f"{url}/ar/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("input[type=submit]").click()
    page.wait_for_url("**/ar/admin/")


def _row(page, name):
    return page.locator(
        "#seats-group tr.form-row.has_original", has=page.locator(f"option[selected]:has-text('{name}')")
    )


def _pick(page, cell, typed, name):
    cell.locator(".select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(typed)
    page.locator(".select2-results__option", has_text=name).first.click()


def _shoot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=width == 390)
    page.set_viewport_size({"width": 1280, "height": 900})


def _save(page):
    page.locator("input[name=_continue]").last.click()
    page.wait_for_load_state()
    expect(page.locator(".messagelist .success")).to_have_count(1)


def test_the_roster_flow_edit_history_revert_and_concurrent_save(page, browser, ampcp_admin):
    url = ampcp_admin.url
    mandate = Mandate.objects.current()
    change = f"{url}/ar/admin/bureau/mandate/{mandate.pk}/change/"
    _login(page, url)
    page.goto(change)
    _shoot(page, "mandate-ar")

    # Replace the secretary-general (a replacement: both kept, each with their dates).
    secretary = _row(page, "حمزة اد موسى")
    _pick(page, secretary.locator("td.field-person"), "نجاه الادريسي", "نجاة الإدريسي")
    _save(page)
    assert mandate.seats.held().get(office="secretary_general").person.name_ar == "نجاة الإدريسي"

    # Swap the 1st and 2nd vice-presidents by their ranks.
    _row(page, "نور الدين الأزرق").locator("td.field-rank input").fill("2")
    _row(page, "سعيد الناصري").locator("td.field-rank input").fill("1")
    _save(page)
    held = {s.rank: s.person.name_ar for s in mandate.seats.held().filter(office="vice_president")}
    assert (held[1], held[2]) == ("سعيد الناصري", "نور الدين الأزرق")

    # Name a member of a committee.
    committee = mandate.committees.order_by("order", "pk").first()
    page.goto(f"{url}/ar/admin/bureau/committee/{committee.pk}/change/")
    page.locator(".inline-group .add-row a").click()
    new_row = page.locator(".inline-group tr.form-row.dynamic-seats").last
    new_row.locator("td.field-role select").select_option("committee_member")
    _pick(page, new_row.locator("td.field-person"), "كريم الفاسي", "كريم الفاسي")
    _save(page)
    assert committee.seats.filter(person__name_ar="كريم الفاسي", role="committee_member").exists()

    # The history reads the changes, in Arabic.
    page.goto(f"{url}/ar/admin/bureau/mandate/{mandate.pk}/history/")
    history = page.locator("#content-main").inner_text()
    assert "حمزة اد موسى" in history and "نجاة الإدريسي" in history
    assert "↔" in history and "Changes" not in history
    _shoot(page, "history-ar")

    # Revert the swap (to the version saved just before it), after its preview.
    page.locator(".roster-versions > li").nth(1).get_by_role("link").click()
    preview = page.locator("#content-main").inner_text()
    assert "↔" in preview and "نجاة الإدريسي" not in preview  # only the swap goes back
    _shoot(page, "revert-ar")
    page.locator("input[type=submit].default").click()
    page.wait_for_url(f"**/bureau/mandate/{mandate.pk}/change/")
    held = {s.rank: s.person.name_ar for s in mandate.seats.held().filter(office="vice_president")}
    assert (held[1], held[2]) == ("نور الدين الأزرق", "سعيد الناصري")
    assert mandate.seats.held().filter(office="secretary_general").count() == 1

    # Two secretaries: the second save, from a page opened before the first, is refused.
    other = browser.new_context(locale="ar-MA")
    second = other.new_page()
    _login(second, url, "second")
    page.goto(change)
    second.goto(change)
    page.fill("#id_note", "ملاحظة الأولى")
    _row(page, "محمد جلول").locator("td.field-rank input").fill("12")
    _row(page, "عبد الله كاريم").locator("td.field-rank input").fill("10")
    page.locator("input[name=_continue]").last.click()
    page.wait_for_load_state()
    second.fill("#id_note", "ملاحظة الثانية")
    second.locator("input[name=_continue]").last.click()
    second.wait_for_load_state()
    expect(second.locator(".errornote")).to_be_visible()
    assert "بعد فتح هذه الصفحة" in second.locator("#content-main").inner_text()
    expect(second.locator(".roster-conflict")).to_contain_text("محمد جلول")
    assert second.locator("#id_note").input_value() == "ملاحظة الثانية"  # the typing is kept
    mandate.refresh_from_db()
    assert mandate.note == "ملاحظة الأولى"
    other.close()

    # French screenshots of the same pages.
    page.goto(change.replace("/ar/", "/fr/"))
    _shoot(page, "mandate-fr")
    page.goto(f"{url}/fr/admin/bureau/mandate/{mandate.pk}/history/")
    _shoot(page, "history-fr")
    page.locator(".roster-versions > li").nth(1).get_by_role("link").click()
    _shoot(page, "revert-fr")
