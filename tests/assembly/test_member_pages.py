"""A signed-in member's own assemblies: the proxies she or he gave and holds, on "my general
assemblies" and on the personal convocation page; agenda requests refused with a clear message
after the deadline or for a member not convened, in her or his gender (issue 23)."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.utils import timezone

from assembly import services
from assembly.models import AgendaRequest, Assembly
from tests.assembly.conftest import make_assembly, make_member
from tests.assembly.test_pages import member_client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "holds_him", "holds_her"),
    [("ar", "الوكالات التي تحملها", "الوكالات التي تحملينها"), ("fr", "Procurations que vous détenez", None)],
)
def test_proxies_given_and_held_on_my_pages(
    client, django_user_model, assembly, members, language, holds_him, holds_her
):
    services.convene(assembly=assembly)
    ahmed, fatima, youssef, khadija = (assembly.convocations.get(person=p) for p in members[:4])
    services.give_proxy(convocation=fatima, holder=ahmed)
    # Ahmed holds Fatima's proxy: his list and his personal page name her.
    page = (
        member_client(client, django_user_model, members[0])
        .get(f"/{language}/assembly/mine/")
        .content.decode()
    )
    assert holds_him in page and members[1].name in page
    personal = client.get(f"/{language}/assembly/c/{ahmed.token}/").content.decode()
    assert holds_him in personal and members[1].name in personal
    # Fatima gave hers: her page says to whom, and holds nothing.
    client.logout()
    page = (
        member_client(client, django_user_model, members[1])
        .get(f"/{language}/assembly/mine/")
        .content.decode()
    )
    assert members[0].name in page and holds_him not in page
    # Youssef gave none and holds none: neither Fatima's nor Ahmed's proxy is his to see.
    client.logout()
    page = (
        member_client(client, django_user_model, members[2])
        .get(f"/{language}/assembly/mine/")
        .content.decode()
    )
    assert members[1].name not in page and holds_him not in page
    if holds_her:
        # Khadija holds Youssef's: in her gender.
        services.give_proxy(convocation=youssef, holder=khadija)
        personal = client.get(f"/{language}/assembly/c/{khadija.token}/").content.decode()
        assert holds_her in personal and members[2].name in personal


def test_my_assemblies_count_the_proxies_in_one_query(
    client, django_user_model, members, django_assert_max_num_queries
):
    first = make_assembly(convene_regional=False, convene_communal=False, max_proxies=2)
    services.convene(assembly=first)
    holder = first.convocations.get(person=members[0])
    member = member_client(client, django_user_model, members[0])
    member.get("/ar/assembly/mine/")
    with django_assert_max_num_queries(12) as counted:
        member.get("/ar/assembly/mine/")
    for giver in members[1:3]:
        services.give_proxy(convocation=first.convocations.get(person=giver), holder=holder)
    with django_assert_max_num_queries(len(counted.captured_queries)):
        page = member.get("/ar/assembly/mine/").content.decode()
    assert members[1].name in page and members[2].name in page


def _last_message(response):
    return [str(m) for m in get_messages(response.wsgi_request)][-1]


def test_after_the_deadline_the_page_says_so_and_keeps_nothing(client, django_user_model, members):
    assembly = make_assembly(days_ahead=5, request_days=10, convene_regional=False, convene_communal=False)
    member = member_client(client, django_user_model, members[0])
    url = f"/ar/assembly/{assembly.pk}/propose/"
    deadline = services.request_deadline(assembly)
    page = member.get(url).content.decode()
    assert 'role="alert"' in page and "أُغلق باب اقتراح النقط" in page and str(deadline.year) in page
    assert 'name="title"' not in page  # no form to fill in vain
    response = member.post(url, {"title": "بند متأخر"})
    assert response.status_code == 200 and "أُغلق باب اقتراح النقط" in response.content.decode()
    assert not AgendaRequest.objects.exists()
    french = member.get(f"/fr/assembly/{assembly.pk}/propose/").content.decode()
    assert "ont été closes le" in french
    # Nor on a sitting assembly, whatever the date.
    open_one = make_assembly(days_ahead=40, convene_regional=False, convene_communal=False)
    Assembly.objects.filter(pk=open_one.pk).update(status=Assembly.Status.SITTING)
    page = member.get(f"/ar/assembly/{open_one.pk}/propose/").content.decode()
    assert 'name="title"' not in page and 'role="alert"' in page


@pytest.mark.parametrize(
    ("language", "gender", "refusal", "sent"),
    [
        ("ar", "f", "لستِ مدعوة", "تم إرسال اقتراحكِ"),
        ("ar", "m", "لستَ مدعوا", "تم إرسال اقتراحكَ"),
        ("fr", "f", "Vous n’êtes pas convoquée", "Votre proposition est transmise"),
        ("fr", "m", "Vous n’êtes pas convoqué ", "Votre proposition est transmise"),
    ],
)
def test_messages_to_the_member_in_her_or_his_gender(
    client, django_user_model, councils, language, gender, refusal, sent
):
    assembly = make_assembly(days_ahead=40, convene_regional=False, convene_communal=False)
    outsider = make_member(
        "سلمى" if gender == "f" else "سليم", council=councils["communal"][0], gender=gender
    )
    member = member_client(client, django_user_model, outsider)
    page = member.get(f"/{language}/assembly/{assembly.pk}/propose/").content.decode()
    assert refusal in page and 'name="title"' not in page
    client.logout()
    convened = make_member(
        "نادية" if gender == "f" else "نبيل", council=councils["provincial"][0], gender=gender
    )
    member = member_client(client, django_user_model, convened)
    response = member.post(f"/{language}/assembly/{assembly.pk}/propose/", {"title": "بند جديد"})
    assert response.status_code == 302 and AgendaRequest.objects.get().person == convened
    assert sent in _last_message(response)


def test_the_deadline_is_the_last_day(members):
    assembly = make_assembly(days_ahead=30, request_days=10, convene_regional=False, convene_communal=False)
    last = timezone.localdate() + datetime.timedelta(days=20)
    assert services.request_problem(assembly, members[0], on=last) is None
    assert "أُغلق" in services.request_problem(assembly, members[0], on=last + datetime.timedelta(days=1))
