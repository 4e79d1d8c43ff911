"""The secretariat's sign-in screen on a tablet-sized screen, in Arabic: find a member by name
or by council, mark them present, record a paper proxy, and watch the quorum figures follow."""

import pytest
from django.contrib.auth.models import Group, Permission
from playwright.sync_api import expect

from assembly import services
from members.models import Council
from portal.roles import SECRETARIAT, sync_roles
from tests.assembly.conftest import make_assembly, make_member

PASSWORD = "a-long-test-password"


@pytest.fixture
def assembly_site(transactional_db, live_server, django_user_model):
    councils = list(Council.objects.filter(level="provincial").order_by("pk")[:4])
    for name, council in zip(
        ["أحمد البقالي", "فاطمة الزهراء", "يوسف العلمي", "خديجة السباعي"], councils, strict=True
    ):
        make_member(name, council=council)
    assembly = make_assembly(max_proxies=1)
    services.convene(assembly=assembly)
    sync_roles(Group, Permission)
    user = django_user_model.objects.create_user("secretariat", "s@example.org", PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=SECRETARIAT))
    return live_server, assembly, councils


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 820, "height": 1180}, "has_touch": True}


def test_sign_in_screen_marks_present_and_records_a_paper_proxy(page, assembly_site):
    server, assembly, councils = assembly_site
    page.goto(f"{server.url}/ar/admin/login/")
    page.fill("#id_username", "secretariat")
    page.fill("#id_password", PASSWORD)
    page.locator("input[type=submit]").click()
    page.goto(f"{server.url}/ar/admin/assembly/assembly/{assembly.pk}/sign-in/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    expect(page.locator("#figure-convened")).to_have_text("4")
    expect(page.locator("#figure-required")).to_have_text("2")

    page.fill("#sign-in-q", "احمد")  # another spelling of أحمد
    page.get_by_role("button", name="بحث").click()
    rows = page.locator(".sign-in-list tbody tr")
    expect(rows).to_have_count(1)
    rows.first.get_by_role("button", name="تسجيل الحضور").click()
    expect(page.locator("#figure-present")).to_have_text("1")

    # By council: Fatima's, and her paper proxy to Ahmed.
    page.fill("#sign-in-q", councils[1].name_ar)
    page.get_by_role("button", name="بحث").click()
    row = page.locator(".sign-in-list tbody tr", has_text="فاطمة الزهراء")
    row.locator("select").select_option(label="أحمد البقالي")
    row.get_by_role("button", name="تسجيل التوكيل").click()
    expect(page.locator("#figure-represented")).to_have_text("1")
    expect(page.get_by_text("اكتمل النصاب القانوني.").first).to_be_visible()

    # A second proxy to Ahmed is beyond the limit: a clear message, nothing recorded.
    page.fill("#sign-in-q", "يوسف")
    page.get_by_role("button", name="بحث").click()
    row = page.locator(".sign-in-list tbody tr", has_text="يوسف العلمي")
    row.locator("select").select_option(label="أحمد البقالي")
    row.get_by_role("button", name="تسجيل التوكيل").click()
    expect(page.locator(".messagelist .error")).to_contain_text("الحد الأقصى")
    expect(page.locator("#figure-represented")).to_have_text("1")
