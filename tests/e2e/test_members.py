"""An elected official applies in Arabic; a visitor searches the directory across spellings."""

import pytest

from members.models import Council, MembershipApplication
from tests.members.factories import MembershipFactory


@pytest.fixture
def members_site(transactional_db, live_server):
    from members import territory

    # The territory comes from a data migration, which an earlier transactional test's flush
    # may have emptied: load it again (idempotent).
    if not Council.objects.exists():
        territory.load(territory.current_apps())
    return live_server


def test_application_in_arabic_with_consent(page, members_site, axe_check):
    page.goto(f"{members_site.url}/ar/members/apply/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    axe_check(page)
    khouribga = Council.objects.get(province__code="05.311")
    page.fill("input[name=name_ar]", "آسية بوزكري")
    page.fill("input[name=name_fr]", "Assia Bouzekri")
    page.select_option("select[name=gender]", "f")
    page.select_option("select[name=council]", str(khouribga.pk))
    page.fill("input[name=phone]", "0661234567")
    page.fill("input[name=email]", "assia@example.org")
    page.locator("main form button[type=submit]").click()
    # Without consent the form comes back with an error and nothing is stored.
    page.wait_for_load_state()
    assert not MembershipApplication.objects.exists()
    assert page.locator("input[name=name_ar]").input_value() == "آسية بوزكري"
    page.check("input[name=consent]")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/ar/members/apply/thanks/")
    application = MembershipApplication.objects.get()
    assert application.council == khouribga and application.language == "ar" and application.consent
    assert application.phone.as_e164 == "+212661234567"


def test_directory_search_across_spellings(page, members_site, axe_check):
    MembershipFactory(person__name_ar="اعتماد الزهيدي", person__name_fr="Itimad Zahidi")
    MembershipFactory(person__name_ar="سعيد الناصري", person__name_fr="Said Naciri")
    page.goto(f"{members_site.url}/ar/members/")
    assert page.get_by_text("سعيد الناصري").is_visible()
    axe_check(page)
    page.fill("input[name=q]", "الزهيدى")
    page.locator("form[role=search] button[type=submit]").click()
    page.wait_for_url("**/ar/members/?q=*")
    main = page.locator("main").inner_text()
    assert "اعتماد الزهيدي" in main and "سعيد الناصري" not in main
    page.goto(f"{members_site.url}/fr/members/?q=zahidi")
    main = page.locator("main").inner_text()
    assert "Itimad Zahidi" in main and "اعتماد الزهيدي" in main and "Said Naciri" not in main
    axe_check(page)
