"""The Arabic admin shows no interface English or French, on every page an admin can open.

Every registered model's changelist, add page, change page and history (and django-simple-
history's page of one past version), every app's index and the account pages are fetched in
Arabic, signed in as a superuser with a second factor, on the AMPCP demo. The text a person
reads (the page's text, the labels read aloud, button values, placeholders and tooltips) may
hold Latin letters only where they are data: a word that some row of the database holds (a
French name, a French translation, a user name), an e-mail address, a web address, a code
mixing letters and digits. Any other run of Latin letters fails the test, with the page.
"""

import json
import re
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import models
from django.test import Client
from django.urls import reverse
from django.utils.translation import override

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
    return client, user


def test_the_latin_detector_finds_english_and_spares_data():
    allowed = {"dupont"}
    text = visible_text(
        '<p title="Show all">Jean Dupont — s@example.org https://a.ma/x</p><script>var Changes</script>'
        '<input type="submit" value="Save"><textarea>typed English</textarea><p>رقم AB12C</p>'
    )
    assert latin_left(text, allowed) == ["Show", "all", "Jean", "Save"]


@pytest.mark.django_db
def test_every_admin_page_in_arabic_shows_no_latin_interface_text(superuser_client):
    client, user = superuser_client
    allowed = data_words() | {user.get_username()}
    problems = {}
    with override("ar"):
        pages = admin_pages(admin.site, user)
    assert len(pages) > 100
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        left = latin_left(visible_text(response.content.decode()), allowed)
        if left:
            problems[url] = sorted(set(left))
    assert not problems, "\n".join(f"{url}: {' '.join(words)}" for url, words in problems.items())


@pytest.mark.django_db
def test_the_prose_editors_menus_are_in_the_admins_javascript_catalogue(superuser_client):
    """django-prose-editor words its dialogs with window.gettext: the admin's jsi18n carries them,
    with the permission picker's help that Django's Arabic catalogue lacks."""
    client, _user = superuser_client
    arabic = client.get("/ar/admin/jsi18n/").content.decode()
    assert json.dumps("إدراج جدول") in arabic and json.dumps("اختيار %s المحددة") in arabic
    assert json.dumps("Insérer un tableau") in client.get("/fr/admin/jsi18n/").content.decode()
