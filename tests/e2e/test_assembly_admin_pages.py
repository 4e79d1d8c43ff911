"""Every screen of the general assembly in the admin fits, is accessible and speaks its language.

The sibling of ``test_admin_pages``: the rules, the assemblies' list and an assembly with its
agenda inline, the convocation sending (the list's action and the page it returns to), the
convocations and a letter's row, the sign-in tablet screen, attendance, an agenda item with its
documents, the election with its candidates, the decisions (the list, the form, a recorded one),
the minutes, the members' agenda requests and an assembly's history. Each in Arabic and French,
at 1280×800 and on a 390 px phone: axe-core (WCAG 2.1 AA) finds nothing, the page never scrolls
sideways, ``<html>`` has the language's ``lang`` and ``dir``, no interface string of the assembly
catalogue is left in English, every translated input is typed in its own direction (``lang``/``dir``
of its language, whatever the admin's) and free text in either language follows its text
(``dir="auto"``). Screenshots go to ``$ADMIN_SCREENSHOTS``
when it is set.
"""

import os
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.core.files.base import ContentFile
from django.test import Client
from playwright.sync_api import expect

from assembly import services
from assembly.models import AgendaRequest, Candidate, ItemDocument
from members.models import Council
from tests.assembly.conftest import make_assembly, make_member
from tests.auth import force_login_verified

SIZES = [(1280, 800), (390, 844)]
# Django's and its libraries' English that must not reach the Arabic admin (as test_admin_pages).
ENGLISH = ["Add another", "Changes", "Search", "True", "False", "Arabic", "French", "Move up", "History"]
CATALOGUE = Path(__file__).resolve().parents[2] / "assembly" / "locale"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%%|<[^>]+>")


def untranslated_phrases(language):
    """The assembly catalogue's English phrases (two words or more, between placeholders) that
    the language translates: any of them on a page is a string that missed its translation."""
    with open(CATALOGUE / language / "LC_MESSAGES" / "django.po", "rb") as handle:
        catalogue = read_po(handle)
    phrases = set()
    for message in catalogue:
        if not message.id or message.fuzzy:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        translated = " ".join(strings)
        for text in ids:
            for chunk in PLACEHOLDER.split(text):
                chunk = chunk.strip(" :;,.“”()")
                if len(chunk.split()) >= 2 and chunk not in translated:
                    phrases.add(chunk)
    return sorted(phrases, key=len, reverse=True)


@pytest.fixture
def assembly_admin(transactional_db, live_server, page, django_user_model, settings):
    """An assembly sitting, as on the day: members convened (one by post), a proxy, two present,
    a draft amendment, a pending agenda request, a decision, a candidate, minutes generated."""
    settings.MAILER_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    councils = list(Council.objects.filter(level="provincial").order_by("pk")[:4])
    ahmed, fatima, youssef, khadija = (
        make_member(name, council=council, gender=gender, email=index != 3)
        for index, (name, gender, council) in enumerate(
            zip(
                ["أحمد البقالي", "فاطمة الزهراء", "يوسف العلمي", "خديجة السباعي"],
                "mfmf",
                councils,
                strict=True,
            )
        )
    )
    ahmed.name_fr = "Ahmed El Bakkali"
    ahmed.save(update_fields=["name_fr"])
    assembly = make_assembly(days_ahead=30, notice_days=15, max_proxies=1, request_days=10)
    statutes = assembly.items.get(kind="statutes")
    ItemDocument.objects.create(
        item=statutes,
        title="مشروع تعديل القانون الأساسي",
        title_ar="مشروع تعديل القانون الأساسي",
        title_fr="Projet de modification des statuts",
        file=ContentFile(b"%PDF-1.4 draft", name="draft.pdf"),
    )
    agenda_request = services.request_agenda_item(
        assembly=assembly,
        person=khadija,
        title="إحداث لجنة للتحول الرقمي",
        explanation="التحول الرقمي للمجالس.",
    )
    services.convene(assembly=assembly)
    by_person = {c.person_id: c for c in assembly.convocations.all()}
    services.give_proxy(convocation=by_person[fatima.pk], holder=by_person[ahmed.pk])
    for person in (ahmed, youssef):
        services.mark_present(convocation=by_person[person.pk])
    services.open_sitting(assembly=assembly)
    report = assembly.items.get(kind="report")
    decision = services.record_decision(
        item=report, method="counts", votes_for=2, votes_against=0, abstentions=1, note="نوقش التقرير."
    )
    election = assembly.items.get(kind="election")
    Candidate.objects.create(item=election, person=ahmed, office="president", council=councils[0], votes=3)
    minutes = services.generate_minutes(assembly=assembly)

    user = django_user_model.objects.create_superuser("secretary", "s@example.org", "a-long-test-password")
    client = force_login_verified(Client(), user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    pages = [
        "assembly/",
        "assembly/assemblyrules/",
        "assembly/assembly/",
        "assembly/assembly/add/",
        f"assembly/assembly/{assembly.pk}/change/",
        f"assembly/assembly/{assembly.pk}/sign-in/",
        f"assembly/assembly/{assembly.pk}/sign-in/?q=%D8%A3%D8%AD%D9%85%D8%AF",  # "أحمد"
        f"assembly/assembly/{assembly.pk}/history/",
        "assembly/convocation/",
        "assembly/convocation/?delivery__exact=post",  # the letters to post
        f"assembly/convocation/{by_person[fatima.pk].pk}/change/",
        "assembly/attendance/",
        f"assembly/attendance/{by_person[fatima.pk].pk}/change/",
        "assembly/item/",
        f"assembly/item/{statutes.pk}/change/",
        f"assembly/item/{election.pk}/change/",
        "assembly/decision/",
        "assembly/decision/add/",
        f"assembly/decision/{decision.pk}/change/",
        "assembly/minutes/",
        f"assembly/minutes/{minutes.pk}/change/",
        "assembly/agendarequest/",
        f"assembly/agendarequest/{agenda_request.pk}/change/",
    ]
    assert AgendaRequest.objects.get().status == AgendaRequest.Status.PENDING
    return live_server, assembly, pages


def send_convocations(page, url, assembly):
    """The convocation sending: the assemblies' list, its action, and the page it comes back to."""
    page.goto(f"{url}assembly/assembly/")
    page.check(f"input[name=_selected_action][value='{assembly.pk}']")
    page.select_option("select[name=action]", "send_convocations")
    page.locator("button[name=index]").click()
    expect(page.locator(".messagelist li").first).to_be_visible()


def check(page, where, language, phrases, problems):
    html = page.locator("html")
    if (html.get_attribute("lang"), html.get_attribute("dir")) != (
        language,
        "rtl" if language == "ar" else "ltr",
    ):
        problems.append(f"{where}: lang/dir")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    if overflow > 0:
        problems.append(f"{where}: {overflow}px wider than the screen")
    text = page.evaluate(
        """() => [document.title, document.body.innerText, ...Array.from(
            document.querySelectorAll('[alt],[aria-label],[title],input[type=submit],input[placeholder]'),
            e => [e.getAttribute('alt'), e.getAttribute('aria-label'), e.getAttribute('title'),
                  e.type === 'submit' ? e.value : '', e.getAttribute('placeholder')].join(' '))].join('\\n')"""
    )
    english = [phrase for phrase in phrases if phrase in text]
    if language == "ar":
        english += [word for word in ENGLISH if re.search(rf"\b{word}\b", text)]
    if english:
        problems.append(f"{where}: English {english}")
    # Translated inputs are typed in their own language and direction.
    wrong = page.evaluate(
        """() => Array.from(document.querySelectorAll('input[name], textarea[name]'))
            .filter(e => /_(ar|fr)$/.test(e.name) && !/__prefix__/.test(e.name))
            .filter(e => {
                const language = e.name.slice(-2);
                return e.getAttribute('lang') !== language || e.getAttribute('dir') !== (language === 'ar' ? 'rtl' : 'ltr');
            }).map(e => e.name)"""
    )
    if wrong:
        problems.append(f"{where}: inputs without their own lang/dir {wrong}")
    # Free text in either language (a decision's note, the answer to a member) follows its text.
    fixed = page.evaluate(
        """() => Array.from(document.querySelectorAll('textarea[name]'))
            .filter(e => !/_(ar|fr)$/.test(e.name) && e.getAttribute('dir') !== 'auto').map(e => e.name)"""
    )
    if fixed:
        problems.append(f"{where}: free text not typed in its own direction {fixed}")


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_assembly_admin_screens_fit_speak_and_pass_axe(page, assembly_admin, axe_check, language):
    server, assembly, pages = assembly_admin
    phrases = untranslated_phrases(language)
    problems = []
    shots = os.environ.get("ADMIN_SCREENSHOTS")
    admin = f"{server.url}/{language}/admin/"
    for path in [*pages, "send"]:
        for width, height in SIZES:
            page.set_viewport_size({"width": width, "height": height})
            if path == "send":
                send_convocations(page, admin, assembly)
            else:
                page.goto(f"{admin}{path}")
            where = f"{language} {width}px /admin/{path}"
            check(page, where, language, phrases, problems)
            try:
                axe_check(page)
            except AssertionError as error:
                problems.append(f"{where}: {error}")
            if shots:
                name = re.sub(r"\W+", "-", path.split("?")[0]).strip("-") + ("-query" if "?" in path else "")
                page.screenshot(path=f"{shots}/assembly-{name}-{language}-{width}.png", full_page=True)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("width", [390, 820])
def test_the_sign_in_screen_is_usable_on_a_phone_and_a_tablet(page, assembly_admin, width):
    """Each member's buttons and proxy list are in view, large enough to touch, no sideways
    scrolling: the secretariat signs members in standing at the door."""
    server, assembly, _pages = assembly_admin
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(f"{server.url}/ar/admin/assembly/assembly/{assembly.pk}/sign-in/")
    rows = page.locator(".sign-in-list tbody tr")
    expect(rows).to_have_count(4)
    for index in range(4):
        row = rows.nth(index)
        for control in (
            row.get_by_role("button", name="تسجيل الحضور"),
            row.locator("select"),
            row.get_by_role("button", name="تسجيل التوكيل"),
        ):
            control.scroll_into_view_if_needed()
            box = control.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= width, (index, box)
            assert box["height"] >= 44, (index, box)
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
