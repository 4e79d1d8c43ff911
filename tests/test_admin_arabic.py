"""The Arabic admin shows no interface English or French, the French admin no English, on every
page an admin can open.

Every registered model's changelist, add page, change page and history (and django-simple-
history's page of one past version), every app's index and the account pages are fetched in
Arabic and in French, signed in as a superuser with a second factor, on the AMPCP demo. The text
a person reads (the page's text, the labels read aloud, button values, placeholders and tooltips)
may hold Latin letters in Arabic only where they are data: a word that some row of the database
holds (a French name, a French translation, a user name), an e-mail address, a web address, a
code mixing letters and digits. Any other run of Latin letters fails the test, with the page.

In French the test looks for English words rather than Latin letters: the words of the English
the admin is written in (every message of the catalogues it reads: Django's, each installed
app's, the portal's) that no French translation of those catalogues uses, and a few that no
catalogue holds ("None", "True", "Historical"), unless some row of the database holds them.
"""

import functools
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import django
import pytest
from babel.messages.pofile import read_po
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import models
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from django.utils.text import capfirst
from django.utils.translation import gettext, override

from assembly.models import AssemblyRules, Majority
from tests.auth import force_login_verified

LATIN_WORD = re.compile(r"[A-Za-zÀ-ÿ]{2,}")
ADDRESS = re.compile(r"\S+@\S+|(?:https?://|www\.)\S+|/[\w./?=&%-]*")
# Names that are the same in every language: brands and file formats the secretariat knows.
NAMES = {
    *("excel", "xlsx", "csv", "json", "pdf"),
    *("svg", "png", "jpeg", "webp"),  # the logo's formats: "ملف SVG" is how Arabic writes them
    *("whatsapp", "facebook", "twitter", "youtube", "instagram", "linkedin"),
    *("google", "authenticator", "aegis", "freeotp"),  # the authenticator apps the set-up page names
    "ip",  # "عنوان IP": the acronym is how Arabic writes it
}
# Attributes a person reads (tooltips, labels read aloud, button texts, placeholders).
READ_ATTRIBUTES = {"title", "aria-label", "alt", "placeholder", "aria-description"}
HIDDEN_ELEMENTS = {"script", "style", "template", "textarea", "noscript"}


class VisibleText(HTMLParser):
    """The page's text as a person meets it: text nodes and read attributes, not the values
    typed in fields (data) nor scripts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skipping = [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in HIDDEN_ELEMENTS:
            self.skipping += 1
        if self.skipping:
            return
        for name in READ_ATTRIBUTES & attrs.keys():
            self.parts.append(attrs[name] or "")
        if tag == "input" and attrs.get("type") in {"submit", "button", "reset"}:
            self.parts.append(attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag in HIDDEN_ELEMENTS and self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def visible_text(html):
    parser = VisibleText()
    parser.feed(html)
    return "\n".join(parser.parts)


def data_words():
    """Every Latin word some text column of the database holds: data, not interface."""
    words = set()
    interface = {Permission, ContentType}  # their names are the admin's words, not data
    for model in set(apps.get_models()) - interface:
        fields = [
            f.attname
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField)
        ]
        if not fields:
            continue
        for row in model._default_manager.values_list(*fields):
            for value in row:
                if value:
                    words.update(word.casefold() for word in LATIN_WORD.findall(str(value)))
    return words


def latin_left(text, allowed):
    """The runs of Latin letters in ``text`` that are not data, addresses, codes or names."""
    found = []
    for token in ADDRESS.sub(" ", text).split():
        if re.search(r"[\d*]", token) and re.search(r"[A-Za-z]", token):
            continue  # a code (a reference number, a key, a version) or a masked one ("xQ******")
        for word in LATIN_WORD.findall(token):
            if word.casefold() not in allowed and word.casefold() not in NAMES:
                found.append(word)
    return found


# Messages' markup and placeholders are not words of either language.
MARKUP = re.compile(r"%\(\w+\)[sdfr]|%[sdfr]|\{\w*\}|<[^>]+>|&\w+;")
# English that Python writes or that the libraries write without a message: Python's None and
# booleans, django-simple-history's "Historical …" names.
ENGLISH_WITHOUT_MESSAGE = {"none", "true", "false", "historical"}


def _words(text):
    return {word.casefold() for word in LATIN_WORD.findall(MARKUP.sub(" ", text or ""))}


def _strings(value):
    return value if isinstance(value, list | tuple) else (value,)


@functools.cache
def english_words():
    """The words of the admin's English: in the messages (msgids) of every catalogue the admin
    reads, and in no French translation of them (``date``, ``message``, ``type`` are French too).

    Django's and the portal's French are trusted; a library's French that keeps words of its
    English ("User Agent" in django-axes') does not make them French.
    """
    django_root = Path(django.__file__).parent
    roots = [django_root / "conf" / "locale", *map(Path, settings.LOCALE_PATHS)]
    roots += [Path(config.path) / "locale" for config in apps.get_app_configs()]
    english, french = set(), set()
    for root in filter(Path.is_dir, roots):
        trusted = root.is_relative_to(django_root) or "site-packages" not in root.parts
        # The msgids are the same in every language: French where there is one, else any.
        languages = sorted(path.name for path in root.iterdir() if (path / "LC_MESSAGES").is_dir())
        if not languages:
            continue
        language = "fr" if "fr" in languages else languages[0]
        for po in sorted((root / language / "LC_MESSAGES").glob("*.po")):
            with po.open("rb") as file:
                catalogue = read_po(file)
            for message in catalogue:
                if not message.id:
                    continue
                ids = set().union(*map(_words, _strings(message.id)))
                english |= ids
                if language == "fr" and not message.fuzzy:
                    words = set().union(*map(_words, _strings(message.string)))
                    french |= words if trusted else words - ids
    # Django's French keeps "None, True, False" in a field's description: they stay English.
    return frozenset((english - french) | ENGLISH_WITHOUT_MESSAGE)


def english_left(text, allowed, english):
    """The English words in ``text`` that are not data, addresses, codes or names."""
    found = []
    for token in ADDRESS.sub(" ", text).split():
        if re.search(r"[\d*]", token) and re.search(r"[A-Za-z]", token):
            continue  # a code, or a masked one (a password's salt "IS******" is not the word "is")
        for word in LATIN_WORD.findall(token):
            folded = word.casefold()
            if folded in english and folded not in allowed and folded not in NAMES:
                found.append(word)
    return found


def admin_pages(site, user):
    """Every admin address that a superuser can open, with an object where one exists."""
    pages = [reverse("admin:index"), reverse("admin:password_change")]
    pages += [reverse("admin:two_factor_setup"), reverse("admin:two_factor_backup_codes")]
    app_labels = set()
    for model, model_admin in site._registry.items():
        opts = model._meta
        info = opts.app_label, opts.model_name
        app_labels.add(opts.app_label)
        pages.append(reverse("admin:{}_{}_changelist".format(*info)))
        if model_admin.has_add_permission(_request(user)):
            pages.append(reverse("admin:{}_{}_add".format(*info)))
        obj = model._default_manager.order_by("pk").first()
        if obj is None:
            continue
        pages.append(reverse("admin:{}_{}_change".format(*info), args=[obj.pk]))
        pages.append(reverse("admin:{}_{}_history".format(*info), args=[obj.pk]))
        history = getattr(obj, "history", None)
        if history is not None and hasattr(model_admin, "history_form_view"):
            record = history.order_by("history_id").first()
            if record is not None:
                pages.append(
                    reverse("admin:{}_{}_simple_history".format(*info), args=[obj.pk, record.history_id])
                )
    pages += [reverse("admin:app_list", args=[label]) for label in sorted(app_labels)]
    return pages


def _request(user):
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = user
    return request


@pytest.fixture
def superuser_client(db, django_user_model):
    call_command("load_demo", verbosity=0)
    user = django_user_model.objects.create_superuser("secretary", "s@example.org", "a-long-test-password")
    client = force_login_verified(Client(), user)
    # Rows for the models the demo leaves empty, so that their change pages are walked too.
    import mailer

    from portal import backup_codes

    backup_codes.generate(user)
    mailer.send_mail("رسالة", "نص", "from@example.org", ["to@example.org"])
    # A change that django-simple-history lists (a yes/no, a choice), so its words are walked too.
    rules = AssemblyRules.get_solo()
    rules.proxies_allowed, rules.majority_other = True, Majority.SIMPLE
    rules.save()
    rules.proxies_allowed, rules.majority_other = False, Majority.TWO_THIRDS
    rules.save()
    return client, user


def test_the_latin_detector_finds_english_and_spares_data():
    allowed = {"dupont"}
    text = visible_text(
        '<p title="Show all">Jean Dupont — s@example.org https://a.ma/x</p><script>var Changes</script>'
        '<input type="submit" value="Save"><textarea>typed English</textarea><p>رقم AB12C</p>'
    )
    assert latin_left(text, allowed) == ["Show", "all", "Jean", "Save"]


def test_the_english_detector_finds_english_and_spares_french_and_data():
    english = english_words()
    text = visible_text(
        "<h1>Historical static device</h1><p>None</p><input type='submit' value='Save and add another'>"
        "<p>Ajouter un message, date, Dupont</p><p title='Modifier la permission'>Jean</p>"
        "<th>User Agent</th>"  # django-axes' French keeps it: not French for all that
    )
    left = english_left(text, {"jean"}, english)
    assert left == ["Historical", "static", "device", "None", "Save", "and", "add", "another", "User"]


def walk_admin(client, user, language, leftover):
    """Fetch every admin page in ``language``; the words ``leftover`` finds, by page."""
    with override(language):
        pages = admin_pages(admin.site, user)
    assert len(pages) > 100
    assert all(url.startswith(f"/{language}/admin/") for url in pages)
    problems = {}
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        left = leftover(visible_text(response.content.decode()))
        if left:
            problems[url] = sorted(set(left))
    return problems


@pytest.mark.django_db
def test_every_admin_page_in_arabic_shows_no_latin_interface_text(superuser_client):
    client, user = superuser_client
    allowed = data_words() | {user.get_username()}
    problems = walk_admin(client, user, "ar", lambda text: latin_left(text, allowed))
    assert not problems, "\n".join(f"{url}: {' '.join(words)}" for url, words in problems.items())


@pytest.mark.django_db
def test_every_admin_page_in_french_shows_no_english_interface_text(superuser_client):
    client, user = superuser_client
    allowed, english = data_words() | {user.get_username().casefold()}, english_words()
    problems = walk_admin(client, user, "fr", lambda text: english_left(text, allowed, english))
    assert not problems, "\n".join(f"{url}: {' '.join(words)}" for url, words in problems.items())


CHANGE = "<bdi>%(field)s</bdi>: <bdi>%(old)s</bdi> → <bdi>%(new)s</bdi>"


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "arrow"), [("ar", "←"), ("fr", "→")])
def test_simple_history_lists_a_change_in_the_admins_words(superuser_client, language, arrow):
    """django-simple-history's own list wrote "True → False" and stored codes ("two_thirds")."""
    client, _user = superuser_client
    rules = AssemblyRules.get_solo()
    with override(language):
        html = client.get(reverse("admin:assembly_assemblyrules_history", args=[rules.pk])).content.decode()
        proxies = capfirst(AssemblyRules._meta.get_field("proxies_allowed").verbose_name)
        majority = capfirst(AssemblyRules._meta.get_field("majority_other").verbose_name)
        expected = [
            gettext(CHANGE) % {"field": escape(proxies), "old": gettext("Yes"), "new": gettext("No")},
            gettext(CHANGE)
            % {
                "field": escape(majority),
                "old": escape(Majority.SIMPLE.label),
                "new": escape(Majority.TWO_THIRDS.label),
            },
        ]
    assert all(line in html for line in expected), expected
    assert arrow in expected[0]
    assert not re.search(r"\b(True|False|None|two_thirds)\b", visible_text(html))


@pytest.mark.django_db
def test_the_prose_editors_menus_are_in_the_admins_javascript_catalogue(superuser_client):
    """django-prose-editor words its dialogs with window.gettext: the admin's jsi18n carries them,
    with the permission picker's help that Django's Arabic catalogue lacks."""
    client, _user = superuser_client
    arabic = client.get("/ar/admin/jsi18n/").content.decode()
    assert json.dumps("إدراج جدول") in arabic and json.dumps("اختيار %s المحددة") in arabic
    assert json.dumps("Insérer un tableau") in client.get("/fr/admin/jsi18n/").content.decode()
