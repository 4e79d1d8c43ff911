"""The general assembly end to end in a browser, as the secretariat and a member live it:
prepare (the assembly and its agenda created in the admin, the notice period checked), convene,
send, a member gives her proxy on her page, the sign-in on the day, the quorum, the decisions,
the minutes approved and published.

Each admin screen of the flow (sign-in, convocations, decisions) and each member's page is
checked with axe-core in Arabic and French at 1280 and 390 px, and never scrolls sideways at
1280 px; screenshots go to ``$ASSEMBLY_SCREENSHOTS`` when it is set.
"""

import datetime
import os
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.files.base import ContentFile
from django.utils import timezone
from playwright.sync_api import expect

from assembly.models import AgendaRequest, Assembly, AssemblyRules, Decision, ItemDocument, Minutes
from association.models import Document
from events.models import Event, EventKind
from members.models import Council
from portal.roles import SECRETARIAT, sync_roles
from tests.assembly.conftest import make_assembly, make_member

PASSWORD = "a-long-test-password"
SIZES = [(1280, 800), (390, 844)]
NAMES = ["أحمد البقالي", "فاطمة الزهراء", "يوسف العلمي", "خديجة السباعي"]
AGENDA = [
    ("report", "المصادقة على التقرير الأدبي"),
    ("accounts", "المصادقة على التقرير المالي"),
    ("statutes", "تعديل القانون الأساسي"),
    ("election", "تجديد المكتب"),
]


@pytest.fixture
def flow_site(transactional_db, live_server, django_user_model, settings):
    settings.MAILER_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    councils = list(Council.objects.filter(level="provincial").order_by("pk")[:4])
    people = [
        make_member(name, council=council, gender="f" if index % 2 else "m")
        for index, (name, council) in enumerate(zip(NAMES, councils, strict=True))
    ]
    sync_roles(Group, Permission)
    staff = django_user_model.objects.create_user("secretariat", "s@example.org", PASSWORD, is_staff=True)
    staff.groups.add(Group.objects.get(name=SECRETARIAT))
    member = django_user_model.objects.create_user("fatima", people[1].email, PASSWORD)
    people[1].user = member
    people[1].save(update_fields=["user"])
    return live_server, people


def sign_in(page, server, username, path):
    page.goto(f"{server.url}{path}")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("[type=submit]").last.click()


def run_action(page, server, model, pk, action):
    page.goto(f"{server.url}/ar/admin/assembly/{model}/")
    page.check(f"input[name=_selected_action][value='{pk}']")
    page.select_option("select[name=action]", action)
    page.locator("button[name=index]").click()


def inspect(page, axe_check, server, path, name, problems, *, languages=("ar", "fr")):
    """axe, lang/dir and no sideways scroll at 1280 px, in both languages at both sizes."""
    shots = os.environ.get("ASSEMBLY_SCREENSHOTS")
    for language in languages:
        for width, height in SIZES:
            page.set_viewport_size({"width": width, "height": height})
            page.goto(f"{server.url}/{language}{path}")
            where = f"{language} {width}px {path}"
            html = page.locator("html")
            if (html.get_attribute("lang"), html.get_attribute("dir")) != (
                language,
                "rtl" if language == "ar" else "ltr",
            ):
                problems.append(f"{where}: lang/dir")
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            if width == 1280 and overflow > 0:
                problems.append(f"{where}: {overflow}px wider than the screen")
            try:
                axe_check(page)
            except AssertionError as error:
                problems.append(f"{where}: {error}")
            if shots:
                page.screenshot(path=f"{shots}/{name}-{language}-{width}.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 800})


def test_the_whole_assembly_from_convocation_to_published_minutes(browser, flow_site, axe_check):
    server, people = flow_site
    ahmed, fatima, youssef, _khadija = people
    problems = []
    staff = browser.new_page(viewport={"width": 1280, "height": 800})
    sign_in(staff, server, "secretariat", "/ar/admin/login/")

    # Prepare: an assembly ten days ahead breaks the 15 days' notice, and says so.
    late = make_assembly(days_ahead=10, notice_days=15, max_proxies=1, request_days=5)
    run_action(staff, server, "assembly", late.pk, "convene")
    expect(staff.locator(".messagelist .error")).to_contain_text("15")
    late.refresh_from_db()
    assert late.status == Assembly.Status.PREPARATION and not late.convocations.exists()
    # The assembly itself: its event in the calendar, then the assembly and its agenda in the
    # admin, under the rules of the day (copied into the assembly when it is created).
    rules = AssemblyRules.get_solo()
    rules.request_days = 10
    rules.save()
    event = Event.objects.create(
        kind=EventKind.objects.get(slug="general-assembly"),
        title="الجمع العام العادي",
        title_ar="الجمع العام العادي",
        title_fr="Assemblée générale ordinaire",
        start_date=timezone.localdate() + datetime.timedelta(days=30),
        venue_ar="مقر الجمعية",
        city_ar="الرباط",
        visibility=Event.Visibility.PUBLIC,
    )
    staff.goto(f"{server.url}/ar/admin/assembly/assembly/add/")
    staff.fill("#id_event", str(event.pk))
    staff.select_option("#id_kind", "ordinary")
    for index, (kind, title) in enumerate(AGENDA):
        staff.locator("#items-group .add-row a").click()
        staff.fill(f"#id_items-{index}-order", str(index + 1))
        staff.select_option(f"#id_items-{index}-kind", kind)
        staff.fill(f"#id_items-{index}-title_ar", title)
    staff.locator("input[name=_save]").click()
    expect(staff.locator(".messagelist .success")).to_be_visible()
    assembly = Assembly.objects.get(event=event)
    assert [(item.kind, item.title_ar) for item in assembly.items.all()] == AGENDA
    assert assembly.status == Assembly.Status.PREPARATION and assembly.rule.request_days == 10
    assert list(event.agenda.values_list("title_ar", flat=True)) == [title for _kind, title in AGENDA]
    # The statutes in force, and the draft amendment sent with the item.
    statutes_2019 = Document.objects.create(
        title="القانون الأساسي",
        title_ar="القانون الأساسي",
        title_fr="Statuts",
        kind=Document.Kind.STATUTES,
        year=2019,
        file=ContentFile(b"%PDF-1.4 2019", name="statutes-2019.pdf"),
    )
    ItemDocument.objects.create(
        item=assembly.items.get(kind="statutes"),
        title="مشروع تعديل القانون الأساسي",
        title_ar="مشروع تعديل القانون الأساسي",
        file=ContentFile(b"%PDF-1.4 draft", name="draft.pdf"),
    )

    # A member proposes an item before the deadline; the secretariat accepts it.
    member = browser.new_page(viewport={"width": 390, "height": 844})
    sign_in(member, server, "fatima", "/ar/members/login/")
    member.goto(f"{server.url}/ar/members/account/")
    member.get_by_role("link", name="جموعي العامة").click()
    inspect(member, axe_check, server, "/members/account/", "account", problems)
    inspect(member, axe_check, server, f"/assembly/{assembly.pk}/propose/", "propose", problems)
    member.goto(f"{server.url}/ar/assembly/mine/")
    member.locator(f"a[href='/ar/assembly/{assembly.pk}/propose/']").click()
    member.fill("#id_title", "إحداث لجنة للتحول الرقمي")
    member.get_by_role("button", name="إرسال اقتراحي").click()
    expect(member.locator(".messages")).to_contain_text("الكتابة العامة")
    request = AgendaRequest.objects.get()
    inspect(
        staff, axe_check, server, f"/admin/assembly/agendarequest/{request.pk}/change/", "request", problems
    )
    staff.goto(f"{server.url}/ar/admin/assembly/agendarequest/{request.pk}/change/")
    staff.select_option("#id_answer", "accept")
    staff.locator("input[name=_save]").click()
    expect(staff.locator(".messagelist .success")).to_be_visible()
    assert assembly.items.count() == 5
    # Fatima is told by e-mail that her proposal is on the agenda.
    (answer,) = mail.outbox
    assert answer.to == [fatima.email] and "الكتابة العامة قبلت اقتراحكِ" in answer.body
    mail.outbox.clear()

    # Convene and send.
    run_action(staff, server, "assembly", assembly.pk, "convene")
    expect(staff.locator(".messagelist")).to_contain_text("4")
    run_action(staff, server, "assembly", assembly.pk, "send_convocations")
    expect(staff.locator(".messagelist")).to_contain_text("4")
    assert len(mail.outbox) == 4
    inspect(staff, axe_check, server, "/admin/assembly/convocation/", "convocations", problems)

    # Fatima opens the link of her e-mail (the HTML part) and gives her proxy to Ahmed.
    letter = next(message for message in mail.outbox if message.to == [fatima.email])
    html = letter.alternatives[0][0]
    assert 'dir="rtl"' in html and "السيدة <bdi>فاطمة الزهراء</bdi> المحترمة" in html
    link = re.search(r'href="(http[^"]+/assembly/c/[^"]+)"', html).group(1)
    member.goto(link)
    member.select_option("#id_holder", label=f"{ahmed.name} – {ahmed.memberships.first().council.name}")
    member.get_by_role("button", name="منح التوكيل").click()
    expect(member.get_by_text(f"منحتم توكيلكم إلى {ahmed.name}")).to_be_visible()
    inspect(member, axe_check, server, link.split("/ar", 1)[1], "personal", problems)
    inspect(member, axe_check, server, "/assembly/mine/", "mine", problems)

    # The day: the sign-in screen on a tablet.
    staff.goto(f"{server.url}/ar/admin/assembly/assembly/{assembly.pk}/sign-in/")
    for person in (ahmed, youssef):
        staff.fill("#sign-in-q", person.name.split()[0])
        staff.get_by_role("button", name="بحث").click()
        staff.locator(".sign-in-list tbody tr", has_text=person.name).get_by_role(
            "button", name="تسجيل الحضور"
        ).click()
    expect(staff.locator("#figure-present")).to_have_text("2")
    expect(staff.locator("#figure-represented")).to_have_text("1")  # Fatima, through Ahmed
    expect(staff.get_by_text("اكتمل النصاب القانوني.").first).to_be_visible()
    inspect(staff, axe_check, server, f"/admin/assembly/assembly/{assembly.pk}/sign-in/", "sign-in", problems)
    run_action(staff, server, "assembly", assembly.pk, "open_sitting")
    expect(staff.locator(".messagelist .success")).to_contain_text("اكتمل")

    # Decisions: the statutes by two thirds of the votes cast (2 for, 1 abstaining), the rest
    # unanimously; a count beyond the voters is refused with a clear message.
    inspect(staff, axe_check, server, "/admin/assembly/decision/add/", "decision", problems)
    statutes = assembly.items.get(kind="statutes")
    staff.goto(f"{server.url}/ar/admin/assembly/decision/add/")
    staff.select_option("#id_item", str(statutes.pk))
    staff.select_option("#id_method", "counts")
    staff.fill("#id_votes_for", "3")
    staff.fill("#id_votes_against", "0")
    staff.fill("#id_abstentions", "1")
    staff.locator("input[name=_save]").click()
    expect(staff.locator(".errornote, .errorlist").first).to_be_visible()
    assert not Decision.objects.exists()
    staff.fill("#id_votes_for", "2")
    staff.fill("#id_abstentions", "1")
    staff.locator("input[name=_save]").click()
    expect(staff.locator(".messagelist .success")).to_be_visible()
    assert Decision.objects.get(item=statutes).approved is True
    for item in assembly.items.exclude(pk=statutes.pk):
        staff.goto(f"{server.url}/ar/admin/assembly/decision/add/")
        staff.select_option("#id_item", str(item.pk))
        staff.select_option("#id_method", "unanimity")
        staff.locator("input[name=_save]").click()
        expect(staff.locator(".messagelist .success")).to_be_visible()
    inspect(staff, axe_check, server, "/admin/assembly/decision/", "decisions", problems)

    # Minutes: generated, approved, made public; the public reads them from the event page.
    run_action(staff, server, "assembly", assembly.pk, "generate_minutes")
    minutes = Minutes.objects.get(assembly=assembly)
    run_action(staff, server, "minutes", minutes.pk, "approve")
    staff.goto(f"{server.url}/ar/admin/assembly/minutes/{minutes.pk}/change/")
    staff.check("#id_public")
    staff.locator("input[name=_save]").click()
    expect(staff.locator(".messagelist .success")).to_be_visible()
    visitor = browser.new_page(viewport={"width": 1280, "height": 800})
    visitor.goto(f"{server.url}/ar{assembly.event.get_absolute_url()[3:]}")
    visitor.get_by_role("link", name="محضر الجمع العام").click()
    expect(visitor.locator("h1")).to_have_text("محضر الجمع العام")
    expect(visitor.locator(".minutes__text")).to_contain_text("بالإجماع")
    inspect(visitor, axe_check, server, f"/assembly/minutes/{minutes.pk}/", "minutes", problems)
    inspect(visitor, axe_check, server, "/assembly/minutes/", "minutes-list", problems)

    # The adopted amendment is the statutes in force; the 2019 text is listed as history.
    current = Document.objects.current_statutes()
    assert current.replaces == statutes_2019 and current.adopted_on == assembly.date
    visitor.goto(f"{server.url}/ar/documents/")
    visitor.locator("details.document-versions summary").click()
    expect(visitor.locator("details.document-versions a")).to_have_attribute(
        "href", statutes_2019.get_absolute_url()
    )
    inspect(visitor, axe_check, server, "/documents/", "documents", problems)
    assert not problems, "\n".join(problems)
