"""Django's and the third-party apps' messages read in Arabic without addressing the reader in
the masculine singular (portal.neutral_messages): on the public forms, the password screens and
the admin, and for every message the project's catalogue words again."""

import json
import re
import unicodedata
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext

from association.models import ContactMessage
from portal.neutral_messages import CONTEXT_MESSAGES, MESSAGES, PLURAL_MESSAGES

# Imperatives, pronouns and adjectives of the masculine singular that Django's and the apps'
# Arabic catalogues address the reader with.
MASCULINE = ["تأكد", "أدخل", "اختر", "قم", "انتق", "اضغط", "انقر", "اكتب", "حدد", "احفظ", "احذف",
             "أضف", "أظهر", "اخف", "أنت", "لديك", "يمكنك", "عليك", "متأكد"]  # fmt: skip
MASCULINE_WORD = re.compile(r"(?<!\w)(?:" + "|".join(MASCULINE) + r")(?!\w)")
# In the project's own catalogues, more imperatives that are nothing else once unvowelled, with or
# without "و"/"ف" before them ("واكتب"، "وأضف").
IMPERATIVES = ["راجع", "صحح", "املأ", "اترك", "افتح", "الصق", "اطبع", "انسخ"]
CATALOGUE_WORD = re.compile(r"(?<!\w)[وف]?(?:" + "|".join(MASCULINE + IMPERATIVES) + r")(?!\w)")
# The contexts under which a message is worded for a woman or for a man, as the reader's gender is
# known ("أنتِ مسجلة" / "أنتَ مسجل").
GENDERED_CONTEXTS = {"female", "male", "woman", "man"}
ROOT = Path(__file__).resolve().parent.parent
# Counts that reach each of Arabic's six plural forms (0, 1, 2, 3-10, 11-99, 100+).
COUNTS = [0, 1, 2, 3, 11, 100]
CONTACT = {"name": "Fatima", "email": "fatima@example.org", "subject": "Adhésion", "message": "Bonjour"}


def masculine_words(text):
    """The masculine singular words of ``text``, read without its vowel marks (أدخِل is أدخل)."""
    bare = "".join(ch for ch in text if not unicodedata.combining(ch))
    return MASCULINE_WORD.findall(bare)


def arabic_catalogues():
    """The project's and the apps' Arabic catalogues."""
    return [ROOT / "locale/ar/LC_MESSAGES/django.po", *sorted(ROOT.glob("*/locale/ar/LC_MESSAGES/django.po"))]


class EveryKey(dict):
    """Formatting values: ``count`` for every placeholder of a message."""

    def __init__(self, count):
        super().__init__()
        self.count = count

    def __missing__(self, key):
        return self.count


def messages_in(language):
    """Every reworded message as ``language`` reads it, counted messages at each count."""
    with translation.override(language):
        texts = [gettext(message) for message in MESSAGES] + [str(message) for message in CONTEXT_MESSAGES]
        for message in PLURAL_MESSAGES:
            texts += [message % EveryKey(count) for count in COUNTS]
    return texts


def test_the_word_list_catches_what_the_catalogues_said():
    assert masculine_words("أدخِل عنوان بريد إلكتروني صحيح.") == ["أدخل"]
    assert masculine_words("تأكد أن هذه القيمة تحتوي على 5000 حرف أو رمز على الأكثر") == ["تأكد"]
    assert masculine_words("قم برفع صورة صحيحة") == ["قم"]
    assert masculine_words("المرجو التأكد من إدخال العنوان، ثم اختيار كلمة مرور.") == []


def test_every_reworded_message_is_neutral_in_arabic():
    texts = messages_in("ar")
    assert len(texts) > 100
    for message, text in zip(messages_in("en"), texts, strict=True):
        assert re.search(r"[\u0600-\u06ff]", text), f"not translated: {message!r}"
        assert not masculine_words(text), f"{message!r}: {text}"


def test_counted_messages_agree_with_the_number():
    with translation.override("en"):
        limit = next(m for m in PLURAL_MESSAGES if "at most" in m % EveryKey(1))
    with translation.override("ar"):
        texts = [limit % {"limit_value": count, "show_value": 5001} for count in [0, 1, 2, 10, 99, 5000]]
    assert texts == [
        "يجب ألا تحتوي هذه القيمة على أي حرف (عددها الآن 5001).",
        "يجب ألا تتجاوز هذه القيمة حرفا واحدا (عددها الآن 5001).",
        "يجب ألا تتجاوز هذه القيمة حرفين (عددها الآن 5001).",
        "يجب ألا تتجاوز هذه القيمة 10 أحرف (عددها الآن 5001).",
        "يجب ألا تتجاوز هذه القيمة 99 حرفا (عددها الآن 5001).",
        "يجب ألا تتجاوز هذه القيمة 5000 حرف (عددها الآن 5001).",
    ]


@pytest.mark.django_db
def test_contact_form_errors_are_neutral(client):
    too_long = client.post("/ar/contact/", {**CONTACT, "message": "ب" * 5001}).content.decode()
    assert "يجب ألا تتجاوز هذه القيمة 5000 حرف (عددها الآن 5001)." in too_long
    bad_address = client.post("/ar/contact/", {**CONTACT, "email": "fatima@"}).content.decode()
    assert "المرجو إدخال عنوان بريد إلكتروني صالح." in bad_address
    for html in (too_long, bad_address):
        assert not masculine_words(html)
    assert ContactMessage.objects.count() == 0


@pytest.mark.django_db
def test_password_reset_confirmation_is_neutral(client, django_user_model):
    user = django_user_model.objects.create_user("fatima", "fatima@example.org", "an-old-password-1")
    with translation.override("ar"):
        url = reverse(
            "members:password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
    form_url = client.get(url).url  # the token moves into the session
    html = client.post(
        form_url, {"new_password1": "Une-phrase-longue-2026", "new_password2": "Une-autre-phrase-2026"}
    ).content.decode()
    assert "حقلا كلمة المرور غير متطابقين." in html
    assert "يجب أن تتضمن كلمة المرور 10 أحرف على الأقل." in html  # the validators' help
    assert not masculine_words(html)


@pytest.mark.django_db
def test_admin_change_form_and_deletion_are_neutral(admin_client):
    with translation.override("ar"):
        add_url = reverse("admin:auth_group_add")
        group = Group.objects.create(name="الكتابة العامة")
        delete_url = reverse("admin:auth_group_delete", args=[group.pk])
    html = admin_client.post(add_url, {"name": ""}).content.decode()
    assert "هذا الحقل مطلوب." in html
    assert 'value="حفظ"' in html and 'value="حفظ وإضافة آخر"' in html
    assert not masculine_words(html)
    html = admin_client.get(delete_url).content.decode()
    assert "هل تؤكدون حذف" in html and "نعم، أؤكد" in html
    assert not masculine_words(html)


@pytest.mark.django_db
def test_admin_javascript_messages_are_neutral(admin_client):
    """The admin's widgets (two-box selector, date and time pickers, actions) read their words
    from the JavaScript catalogue: Django's admin catalogue and the project's djangojs.po."""
    with translation.override("ar"):
        script = admin_client.get(reverse("admin:jsi18n")).content.decode()
    catalogue = json.loads(re.search(r"const newcatalog = (\{.*?\});", script, re.S).group(1))
    assert catalogue["Choose all"] == "اختيار الكل"
    assert len(catalogue) > 50
    for message, text in catalogue.items():
        for form in text if isinstance(text, list) else [text]:
            assert not masculine_words(form), f"{message!r}: {form}"


def test_the_catalogue_word_list_catches_prefixed_imperatives():
    bare = "اتركه فارغا واكتب الاسم، ثم راجِع التنبيهات وأضف تقويما."
    assert CATALOGUE_WORD.findall(bare.replace("\u0650", "")) == ["واكتب", "راجع", "وأضف"]
    assert not CATALOGUE_WORD.findall("سجل التشكيلة غير مسجل؛ تم الاطلاع على التنبيهات.")


def test_the_apps_catalogues_do_not_address_the_reader_in_the_masculine():
    """Every Arabic message of the project and of its apps, in all its plural forms, unless its
    context words it for a woman or for a man."""
    catalogues = arabic_catalogues()
    assert len(catalogues) >= 6
    found, checked = [], 0
    for path in catalogues:
        with path.open("rb") as handle:
            catalogue = read_po(handle)
        for message in catalogue:
            if not message.id or message.context in GENDERED_CONTEXTS:
                continue
            for text in message.string if isinstance(message.string, tuple | list) else [message.string]:
                bare = "".join(ch for ch in text if not unicodedata.combining(ch))
                if words := CATALOGUE_WORD.findall(bare):
                    found.append(f"{path.relative_to(ROOT)}: {message.id!r}: {words}")
                checked += 1
    assert checked > 1000
    assert not found, "\n".join(found)
