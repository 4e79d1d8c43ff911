"""Grammar by the person and the number (issue 22): gendered messages in ar and fr, the
French name form in French, and Arabic's six plural forms wherever a count meets a noun."""

import re
from gettext import c2py
from pathlib import Path

import django
import pytest
from django.core import mail
from django.template import Context, Template
from django.utils import translation
from django.utils.translation import ngettext

from members.models import MembershipApplication
from portal import admin_home
from tests.members.factories import council

# Django's Arabic plural forms: 0, 1, 2, 3–10, 11–99, 100–102 (and so on).
COUNTS = (0, 1, 2, 3, 11, 100)


@pytest.mark.parametrize(
    ("count", "expected"),
    zip(COUNTS, ["0 عضو", "عضو واحد", "عضوان", "3 أعضاء", "11 عضوا", "100 عضو"], strict=True),
)
def test_members_are_counted_in_arabic(count, expected):
    """As the members directory counts them."""
    template = Template(
        "{% load i18n %}{% blocktranslate count counter=n %}{{ counter }} member"
        "{% plural %}{{ counter }} members{% endblocktranslate %}"
    )
    with translation.override("ar"):
        assert template.render(Context({"n": count})) == expected


@pytest.mark.parametrize(
    ("count", "expected"),
    zip(
        COUNTS,
        ["0 صوت،", "صوت واحد،", "صوتان،", "3 أصوات،", "11 صوتا،", "100 صوت،"],
        strict=True,
    ),
)
def test_votes_are_counted_in_arabic(count, expected):
    with translation.override("ar"):
        text = ngettext(
            "%(total)d vote, but only %(voters)d members are present or represented.",
            "%(total)d votes, but only %(voters)d members are present or represented.",
            count,
        ) % {"total": count, "voters": 1}
    assert text.startswith(expected)


@pytest.mark.parametrize(
    ("count", "expected"),
    zip(COUNTS, ["0 دقيقة", "دقيقة واحدة", "دقيقتين", "3 دقائق", "11 دقيقة", "100 دقيقة"], strict=True),
)
def test_the_undo_window_is_counted_in_arabic(count, expected):
    with translation.override("ar"):
        text = ngettext(
            "Your registration has been cancelled. You can undo it below for %(minutes)s minute.",
            "Your registration has been cancelled. You can undo it below for %(minutes)s minutes.",
            count,
        ) % {"minutes": count}
    assert text.endswith(f"خلال {expected}.")


@pytest.mark.parametrize(
    ("count", "expected"),
    zip(COUNTS, ["0 توكيل", "توكيل واحد", "توكيلان", "3 توكيلات", "11 توكيلا", "100 توكيل"], strict=True),
)
def test_proxies_are_counted_in_arabic(count, expected):
    with translation.override("ar"):
        text = ngettext(
            "%(holder)s already holds %(count)d proxy, the most the statutes allow.",
            "%(holder)s already holds %(count)d proxies, the most the statutes allow.",
            count,
        ) % {"holder": "س", "count": count}
    assert text.startswith(f"لدى س {expected}،")


def _apply(client, language, gender, name_ar, name_fr):
    return client.post(
        f"/{language}/members/apply/",
        {
            "name_ar": name_ar,
            "name_fr": name_fr,
            "gender": gender,
            "council": council("01.511").pk,
            "role": "member",
            "phone": "0661234567",
            "email": f"{gender}{language}@example.org",
            "message": "",
            "consent": "on",
            "website": "",
        },
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "gender", "greeting", "words"),
    [
        ("ar", "f", "السيدة آسية بوزكري المحترمة،", "بصفتكم عضوة"),
        ("ar", "m", "السيد محمد بودرا المحترم،", "بصفتكم عضوا"),
        ("fr", "f", "Madame Assia Bouzekri,", "Nous avons reçu votre demande"),
        ("fr", "m", "Monsieur Mohamed Boudra,", "Nous avons reçu votre demande"),
    ],
)
def test_application_acknowledgement_follows_gender_and_name_form(client, language, gender, greeting, words):
    names = {"f": ("آسية بوزكري", "Assia Bouzekri"), "m": ("محمد بودرا", "Mohamed Boudra")}[gender]
    assert _apply(client, language, gender, *names).status_code == 302
    assert MembershipApplication.objects.get().language == language
    body = mail.outbox[0].body
    assert body.splitlines()[0] == greeting
    assert words in body
    if language == "fr":
        assert names[0] not in body  # never the Arabic form of the name in a French letter


@pytest.mark.django_db
def test_french_acknowledgement_falls_back_to_the_arabic_name_when_no_latin_form_is_given(client):
    assert _apply(client, "fr", "f", "آسية بوزكري", "").status_code == 302
    assert mail.outbox[0].body.splitlines()[0] == "Madame آسية بوزكري,"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "title"), [("ar", "تم تسجيل خروجكم."), ("fr", "Déconnexion effectuée.")]
)
def test_logout_page_is_a_page_of_the_site(client, django_user_model, language, title):
    html = client.get(f"/{language}/members/logout/").content.decode()
    assert f'<html lang="{language}"' in html and "<header" in html and "<footer" in html
    assert f"<h1>{title}</h1>" in html
    user = django_user_model.objects.create_user("someone", "s@example.org", "a-long-test-password")
    client.force_login(user)
    html = client.get(f"/{language}/members/logout/").content.decode()
    assert 'action="/' in html and "/members/logout/" in html and "csrfmiddlewaretoken" in html
    response = client.post(f"/{language}/members/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    ("count", "expected"),
    zip(
        COUNTS,
        [
            "لم يتم قبول أي طلب.",
            "تم قبول طلب واحد.",
            "تم قبول طلبين.",
            "تم قبول 3 طلبات.",
            "تم قبول 11 طلبا.",
            "تم قبول 100 طلب.",
        ],
        strict=True,
    ),
)
def test_approved_applications_are_counted_in_arabic(count, expected):
    with translation.override("ar"):
        text = ngettext("%(count)d application approved.", "%(count)d applications approved.", count)
    assert text % {"count": count} == expected


def _plural_expression(path):
    """The ``plural=`` expression of a catalogue's header, its quoted lines joined."""
    header = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
    header = re.sub(r'"\n"', "", header)
    return re.search(r"Plural-Forms: nplurals=6; plural=(.*?);\\n", header).group(1).strip()


def test_every_arabic_catalogue_has_the_same_plural_forms_as_django():
    """Django keeps apart the catalogues whose plural formulas differ, so a catalogue whose own
    order of forms differs is not wrong by itself, but its entries then look wrong to whoever
    compares them with the others: one header, Django's own (0, 1, 2, 3–10, 11–99, 100+)."""
    root = Path(__file__).resolve().parent.parent
    catalogues = [*root.glob("*/locale/ar/LC_MESSAGES/django.po"), root / "locale/ar/LC_MESSAGES/django.po"]
    django_ar = Path(django.__file__).parent / "conf/locale/ar/LC_MESSAGES/django.po"
    expected = _plural_expression(django_ar)
    assert [c2py(expected)(n) for n in COUNTS] == [0, 1, 2, 3, 4, 5]
    assert len(catalogues) >= 6
    for path in catalogues:
        assert _plural_expression(path) == expected, path


@pytest.mark.parametrize(
    ("count", "events", "sessions"),
    zip(
        COUNTS,
        [
            "لا يوجد أي نشاط في انتظار تحديد تاريخه",
            "نشاط واحد في انتظار تحديد تاريخه",
            "نشاطان في انتظار تحديد تاريخيهما",
            "3 أنشطة في انتظار تحديد تواريخها",
            "11 نشاطا في انتظار تحديد تواريخها",
            "100 نشاط في انتظار تحديد تواريخها",
        ],
        [
            "لا توجد أي دورة تكوينية شبه ممتلئة (90 % من المقاعد أو أكثر)",
            "دورة تكوينية واحدة شبه ممتلئة (90 % من المقاعد أو أكثر)",
            "دورتان تكوينيتان شبه ممتلئتين (90 % من المقاعد أو أكثر)",
            "3 دورات تكوينية شبه ممتلئة (90 % من المقاعد أو أكثر)",
            "11 دورة تكوينية شبه ممتلئة (90 % من المقاعد أو أكثر)",
            "100 دورة تكوينية شبه ممتلئة (90 % من المقاعد أو أكثر)",
        ],
        strict=True,
    ),
)
def test_the_admin_homes_tasks_are_counted_in_arabic(count, events, sessions):
    """The sentences of the secretariat's home (portal.admin_home), as each app words them."""
    with translation.override("ar"):
        event_text = ngettext(
            "%(count)d event to be scheduled (no date yet)",
            "%(count)d events to be scheduled (no date yet)",
            count,
        )
        session_text = ngettext(
            "%(count)d training session nearly full (90 %% of seats or more)",
            "%(count)d training sessions nearly full (90 %% of seats or more)",
            count,
        )
    assert admin_home.task(text=event_text, count=count, url="/")["label"] == events
    assert admin_home.task(text=session_text, count=count, url="/")["label"] == sessions
