"""The secretariat compares an application with a member on file, in Arabic, and links them.

The review screen passes axe (WCAG 2.1 AA) in the right-to-left admin, shows phone and e-mail
left to right, and the link takes over only what was ticked.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from playwright.sync_api import expect

from members.models import Council, MembershipApplication
from portal.roles import SECRETARIAT, sync_roles

PASSWORD = "a-long-test-password"


@pytest.fixture
def review_site(transactional_db, live_server, django_user_model):
    from members import territory
    from tests.members.factories import (
        ApplicationFactory,
        MembershipFactory,
        PersonFactory,
        SeatFactory,
        council,
    )

    if not Council.objects.exists():  # an earlier transactional test's flush may have emptied it
        territory.load(territory.current_apps())
    sync_roles(Group, Permission)
    user = django_user_model.objects.create_user("secretariat", "s@example.org", PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=SECRETARIAT))
    member = PersonFactory(
        name_ar="سعيد الناصري", name_fr="Said Naciri", email="member@example.org", phone="+212661000001"
    )
    SeatFactory(person=member, council=council("05.311"), role="member")
    MembershipFactory(person=member, council=council("05.311"))
    application = ApplicationFactory(
        name_ar="سعيد الناصري", name_fr="Said Naciri", email="MEMBER@EXAMPLE.ORG", role="president"
    )
    return live_server, application, member


def test_secretariat_links_an_application_after_comparing_both_records(page, review_site, axe_check):
    server, application, member = review_site
    page.goto(f"{server.url}/ar/admin/login/")
    page.fill("#id_username", "secretariat")
    page.fill("#id_password", PASSWORD)
    page.locator("input[type=submit]").click()
    page.goto(f"{server.url}/ar/admin/members/membershipapplication/{application.pk}/matches/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("td span[dir=ltr]", has_text="member@example.org").count() == 2
    axe_check(page)
    page.get_by_label("عضوية نشيطة باسم مجلس الطلب").check()
    page.get_by_role("button", name="ربط الطلب بهذا الشخص").click()
    expect(page.locator(".messagelist .success")).to_contain_text("سعيد الناصري")
    assert page.url.endswith(f"/membershipapplication/{application.pk}/change/")
    application.refresh_from_db()
    assert application.match == "link" and application.person == member and application.take == ["membership"]
    assert MembershipApplication.objects.get().match_decided_by.username == "secretariat"
