"""A member signs in, registers for a training session, finds it in their registrations, cancels."""

import re

import pytest

from tests.training.factories import SessionFactory, member
from training.models import Registration


@pytest.fixture
def training_site(transactional_db, live_server, django_user_model):
    import importlib

    from events.models import EventKind
    from members import territory
    from members.models import Council

    # The territory and the kinds of activity come from data migrations, which an earlier
    # transactional test's flush may have emptied: seed them again (both are idempotent).
    if not Council.objects.exists():
        territory.load(territory.current_apps())
    if not EventKind.objects.filter(slug="training").exists():
        importlib.import_module("events.migrations.0002_event_kinds").seed_kinds(
            territory.current_apps(), None
        )
    user = member(django_user_model, username="elu")
    session = SessionFactory(capacity=18)
    return live_server, user, session


def _sign_in(page, url):
    page.goto(f"{url}/ar/members/login/?next=/ar/training/")
    page.fill("input[name=username]", "elu")
    page.fill("input[name=password]", "a-long-test-password")
    page.locator("main form").get_by_role("button").click()
    page.wait_for_url("**/ar/training/")


def test_member_registers_sees_and_cancels(page, training_site, axe_check):
    server, user, session = training_site
    _sign_in(page, server.url)
    card = page.locator(f"#session-{session.pk}").locator("xpath=..")
    assert "يتبقى 18 مقعدا" in card.inner_text()
    card.get_by_role("button", name=re.compile("التسجيل")).click()
    page.wait_for_url(f"**/ar/training/session/{session.pk}/")
    assert page.get_by_text("أنت مسجل في هذه الدورة.").is_visible()
    assert "يتبقى 17 مقعدا من أصل 18" in page.locator("main").inner_text()
    # axe runs once the flash message is gone: base.html's message list is not this app's.
    page.reload()
    axe_check(page)

    page.get_by_role("link", name="تسجيلاتي").first.click()
    page.wait_for_url("**/ar/training/mine/")
    row = page.locator("tbody tr", has_text=session.event.title_ar)
    assert "مسجل" in row.inner_text()
    axe_check(page)
    row.get_by_role("link", name=re.compile("إلغاء")).click()
    page.wait_for_url("**/ar/training/registration/*/cancel/")
    page.get_by_role("button", name="نعم، ألغِ التسجيل").click()
    page.wait_for_url("**/ar/training/mine/*")
    assert page.get_by_text("تم إلغاء تسجيلكم.", exact=False).is_visible()
    assert "ملغى" in page.locator("tbody tr", has_text=session.event.title_ar).inner_text()
    registration = Registration.objects.get(session=session, person=user.person)
    assert registration.status == Registration.Status.CANCELLED


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_catalogue_is_accessible(page, training_site, axe_check, language):
    server, _user, _session = training_site
    page.goto(f"{server.url}/{language}/training/")
    axe_check(page)


def test_council_registers_a_staff_member_and_the_form_is_accessible(page, training_site, axe_check):
    from members.models import Membership
    from tests.training.factories import ProgrammeFactory, a_council

    server, user, _session = training_site
    Membership.objects.create(
        holder=Membership.Holder.COUNCIL,
        council=a_council(),
        person=user.person,
        status=Membership.Status.ACTIVE,
    )
    session = SessionFactory(programme=ProgrammeFactory(audience="staff"), audience="staff")
    _sign_in(page, server.url)
    page.goto(f"{server.url}/fr/training/session/{session.pk}/")
    axe_check(page)
    page.get_by_label("Nom complet du cadre").fill("Souad El Alami")
    page.get_by_label("Genre du cadre").select_option("f")
    page.get_by_role("button", name="S'inscrire").click()
    page.wait_for_url(f"**/fr/training/session/{session.pk}/")
    assert page.get_by_text("Souad El Alami est inscrite à cette session.").is_visible()
    assert session.registrations.get().participant_name == "Souad El Alami"
