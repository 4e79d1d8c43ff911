"""A visitor reads the latest press release, switches language, finds the feed and searches."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from press.models import PressRelease


@pytest.fixture
def demo_site(transactional_db, live_server):
    # The whole demo: relayed press items name organisations of the members demo, which in turn
    # needs the territory rows that an earlier browser test flushed; load_demo restores them.
    call_command("load_demo", verbosity=0)
    return live_server


def test_visitor_reads_the_news_switches_language_and_searches(page, demo_site):
    latest = PressRelease.objects.published().first()
    page.goto(f"{demo_site.url}/ar/")
    section = page.locator("section.home-press")
    first = section.locator(".press-card__title a").first
    assert first.inner_text() == latest.title_ar
    first.click()
    page.wait_for_url(re.compile(r"/ar/press/[^/]+/$"))
    assert page.locator("h1").inner_text() == latest.title_ar
    assert page.locator("html").get_attribute("dir") == "rtl"
    # The address keeps its Arabic words.
    assert latest.slug in page.evaluate("decodeURIComponent(location.pathname)")

    page.get_by_role("navigation", name="اللغة").get_by_role("link", name="français").click()
    page.wait_for_url(re.compile(r"/fr/press/[^/]+/$"))
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.locator("h1").inner_text() == (latest.title_fr or latest.title_ar)
    assert page.get_by_role("heading", name="Partager").is_visible()

    page.get_by_role("navigation", name="Langue").locator('a[hreflang="ar"]').click()
    page.wait_for_url(re.compile(r"/ar/press/[^/]+/$"))
    assert page.locator("h1").inner_text() == latest.title_ar

    # The feeds: declared in the head, and followed from the list.
    rss = page.locator('head link[rel="alternate"][type="application/rss+xml"]')
    assert rss.get_attribute("href") == "/ar/press/feed/rss/"
    page.get_by_role("link", name="كل البلاغات والأخبار").click()
    page.wait_for_url("**/ar/press/")
    feed_link = page.get_by_role("link", name="المتابعة عبر RSS")
    assert feed_link.get_attribute("href") == "/ar/press/feed/rss/"
    response = page.request.get(f"{demo_site.url}/ar/press/feed/rss/")
    assert response.ok and latest.title_ar in response.text()

    # Search without the hamza finds the words written with it.
    page.get_by_role("navigation", name="القائمة الرئيسية").get_by_role("link", name="بحث").click()
    page.get_by_label("الكلمات المراد البحث عنها").fill("الاقاليم")
    page.get_by_role("button", name="بحث").click()
    page.wait_for_url(re.compile(r"/ar/search/\?q="))
    results = page.locator(".search-result")
    assert results.count() > 0
    texts = results.all_inner_texts()
    assert any("الأقاليم" in text for text in texts)
    assert page.locator("#group-press").is_visible()


WORD_CLIPBOARD = (
    '<html xmlns:o="urn:schemas-microsoft-com:office:office"><body><!--StartFragment-->'
    '<p class="MsoNormal" dir="RTL" style="mso-margin-top-alt:auto"><b><span lang="AR-MA" '
    "style=\"font-family:'Simplified Arabic'\">اجتماع المكتب التنفيذي</span></b><o:p></o:p></p>"
    '<p class="MsoNormal" dir="RTL"><span lang="AR-MA" onclick="alert(1)">صادق المكتب على البرنامج.</span></p>'
    "<!--EndFragment--></body></html>"
)


def _sign_in_press_officer(page, live_server, django_user_model):
    """A member of the Communication role, signed in in the browser."""
    from django.contrib.auth.models import Group, Permission
    from django.test import Client

    from portal.roles import COMMUNICATION, sync_roles

    sync_roles(Group, Permission)  # the roles migration's groups, after an earlier test's flush

    officer = django_user_model.objects.create_user(
        "press-officer", password="a-long-test-password", is_staff=True
    )
    officer.groups.add(Group.objects.get(name=COMMUNICATION))
    client = Client()
    client.force_login(officer)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def test_communication_officer_writes_right_to_left_and_pastes_from_word(
    page, live_server, django_user_model
):
    _sign_in_press_officer(page, live_server, django_user_model)
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.on("pageerror", lambda error: console.append(str(error)))
    page.goto(f"{live_server.url}/ar/admin/press/pressrelease/add/")
    page.locator("#id_title_ar").fill("اجتماع المكتب التنفيذي")
    editor = page.locator(".prose-editor[lang='ar'] .ProseMirror[role='textbox']")
    assert editor.get_attribute("dir") == "rtl" and editor.get_attribute("contenteditable") == "true"
    # Bold typed with the keyboard, then a link on a selected word through the menu's dialog.
    editor.click()
    page.keyboard.press("Control+b")
    page.keyboard.type("قرار مهم")
    page.keyboard.press("Control+b")
    page.keyboard.type(" ")
    page.keyboard.type("البرنامج")
    for _letter in "البرنامج":
        page.keyboard.press("Shift+ArrowRight")  # right to left: the previous letters are to the right
    page.locator(".prose-editor[lang='ar'] .prose-menubar__button[data-name='link']").first.click()
    dialog = page.locator("dialog[open]")
    dialog.locator("input").first.fill("https://example.ma/programme")
    dialog.locator("button[type='submit'], button:has-text('OK'), button:has-text('Save')").first.click()
    # The dialog closes before the mark is applied: typing on would replace the selected word.
    editor.locator("a[href='https://example.ma/programme']").wait_for()
    dialog.wait_for(state="detached")
    csp = [line for line in console if "Content Security Policy" in line]
    assert not csp, csp  # the editor itself needs no inline script
    # Pasted from Word: its markup is cleaned (the browser also refuses the onclick handler).
    # Back in the text (the closed dialog does not always hand the focus back), after the link.
    editor.focus()
    page.keyboard.press("Control+End")
    # The editor takes the moved caret on the browser's next selection event: Enter pressed before
    # it would split at the old selection and replace the linked word.
    editor.evaluate(
        """(element) => new Promise((resolve) => {
            const settled = () => element.editor.state.selection.empty ? resolve() : setTimeout(settled, 10);
            settled();
        })"""
    )
    page.keyboard.press("Enter")
    page.evaluate(
        """([selector, html]) => {
            const editor = document.querySelector(selector);
            const data = new DataTransfer();
            data.setData("text/html", html);
            data.setData("text/plain", "اجتماع المكتب التنفيذي");
            editor.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}));
        }""",
        [".prose-editor[lang='ar'] .ProseMirror[role='textbox']", WORD_CLIPBOARD],
    )
    pasted = editor.inner_html()
    assert "اجتماع المكتب التنفيذي" in pasted and "<strong>" in pasted
    assert "Mso" not in pasted and "mso-" not in pasted and "onclick" not in pasted and "o:p" not in pasted
    page.locator("#id_status").select_option("published")
    page.locator("input[name='_save']").click()
    page.wait_for_url("**/admin/press/pressrelease/")
    item = PressRelease.objects.get()
    assert "<strong>اجتماع المكتب التنفيذي</strong>" in item.body_ar
    assert "<strong>قرار مهم</strong>" in item.body_ar
    assert 'href="https://example.ma/programme"' in item.body_ar
    assert "class=" not in item.body_ar and "onclick" not in item.body_ar and "style=" not in item.body_ar
    page.goto(f"{live_server.url}/ar/press/{item.slug}/")
    body = page.locator(".press-article__body")
    assert body.locator("strong", has_text="قرار مهم").is_visible()
    assert body.locator("a[href='https://example.ma/programme']").inner_text() == "البرنامج"
    assert all("inline event handler" in line for line in console if "Content Security Policy" in line)


MENU_TEXTS = """() => [...document.querySelectorAll(".prose-menubar")].flatMap((menu) => [
    ...[...menu.querySelectorAll("[title], [aria-label]")].flatMap((element) =>
        [element.getAttribute("title"), element.getAttribute("aria-label")]),
    ...[...menu.querySelectorAll(".prose-menubar__option > *")].map((element) => element.textContent),
].filter(Boolean))"""


@pytest.mark.parametrize(("language", "bold", "yes"), [("ar", "غامق", "نعم"), ("fr", "Gras", "Oui")])
def test_the_editors_menu_and_dialogs_speak_the_admins_language(
    page, live_server, django_user_model, language, bold, yes
):
    """django-prose-editor names its buttons in English in its code: the admin shows them, their
    spoken names, the block styles and the dialogs' choices in Arabic, or in French."""
    from tests.test_admin_arabic import english_left, english_words

    _sign_in_press_officer(page, live_server, django_user_model)
    page.goto(f"{live_server.url}/{language}/admin/press/pressrelease/add/")
    # The editor of the tab shown first: its menu follows the admin's language, not the field's.
    menu = page.locator(".prose-editor .prose-menubar:visible").first
    expect(menu.locator("[data-name='bold']")).to_have_attribute("title", bold)
    texts = page.evaluate(MENU_TEXTS)
    assert len(texts) > 40
    if language == "ar":
        assert not [text for text in texts if re.search("[A-Za-z]", text)]
    else:
        english = english_words()
        assert not [text for text in texts if english_left(text, set(), english)]
    # The table's dialog: its yes/no choice in the admin's language, the table made as chosen.
    menu.locator("[data-name='table']").click()
    dialog = page.locator("dialog[open]")
    header = dialog.locator("select")
    assert header.locator("option").all_inner_texts() == [yes, "لا" if language == "ar" else "Non"]
    header.select_option(label=yes)
    dialog.locator("button[type='submit']").click()
    page.locator(".prose-editor .ProseMirror th").first.wait_for()


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_press_and_search_pages_have_no_accessibility_violations(page, demo_site, axe_check, language):
    latest = PressRelease.objects.published().first()
    pages = ["press/", f"press/{latest.slug}/", "search/?q=الاقاليم", "search/?q=zzzz"]
    # One kind, by date, and a query that finds nothing but gets suggestions.
    pages += ["search/?q=الاقاليم&type=press&order=date", "search/?q=الاقاليمم", "events/"]
    for path in pages:
        page.goto(f"{demo_site.url}/{language}/{path}")
        axe_check(page)
