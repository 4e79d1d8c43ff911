"""The public page of approved minutes: decisions and results in Arabic and French, nothing of a
person's, linked from the association's pages and listed in the sitemap once public; drafts and
members-only minutes never (issue 23)."""

import pytest

from assembly import services
from assembly.models import Decision, ItemKind
from association.models import GoverningBody
from tests.assembly.conftest import make_member
from tests.assembly.test_pages import member_client

pytestmark = pytest.mark.django_db


def hold(assembly, members):
    """Convened; Fatima gives her proxy to Ahmed, four present; the items decided; minutes drafted."""
    services.convene(assembly=assembly)
    fatima = assembly.convocations.get(person=members[1])
    ahmed = assembly.convocations.get(person=members[0])
    services.give_proxy(convocation=fatima, holder=ahmed)
    services.mark_present(convocation=ahmed)
    for convocation in assembly.convocations.exclude(pk__in=[fatima.pk, ahmed.pk])[:3]:
        services.mark_present(convocation=convocation)
    services.open_sitting(assembly=assembly)
    for item in assembly.items.all():
        if item.kind == ItemKind.STATUTES:
            services.record_decision(item=item, method="counts", votes_for=4, votes_against=1, abstentions=0)
        else:
            services.record_decision(item=item, method=Decision.Method.UNANIMITY)
    return services.generate_minutes(assembly=assembly)


def test_drafts_and_members_only_minutes_stay_out_of_the_public_page_and_sitemap(
    client, assembly, members, admin_user
):
    minutes = hold(assembly, members)
    minutes.public = True  # even marked public, a draft is not published
    minutes.save()
    url = f"/ar/assembly/minutes/{minutes.pk}/"
    assert client.get(url).status_code == 404
    assert client.get(f"/fr/assembly/minutes/{minutes.pk}/").status_code == 404
    assert "assembly/minutes" not in client.get("/sitemap-assembly-minutes.xml").content.decode()
    minutes.public = False
    minutes.save()
    minutes = services.approve_minutes(minutes=minutes, by=admin_user)
    assert client.get(url).status_code == 404  # approved, for members only
    assert "assembly/minutes" not in client.get("/sitemap-assembly-minutes.xml").content.decode()
    minutes.public = True
    minutes.save()
    assert client.get(url).status_code == 200
    sitemap = client.get("/sitemap-assembly-minutes.xml").content.decode()
    for language in ("ar", "fr"):
        assert f"/{language}/assembly/minutes/{minutes.pk}/" in sitemap
        assert f"/{language}/assembly/minutes/</loc>" in sitemap
    assert "sitemap-assembly-minutes.xml" in client.get("/sitemap.xml").content.decode()


@pytest.mark.parametrize(
    ("language", "direction", "unanimous", "counted"),
    [
        ("ar", "rtl", "بالإجماع", "موافق"),
        ("fr", "ltr", "unanimité", "pour : 4"),
    ],
)
def test_the_public_page_gives_each_decision_and_nothing_private(
    client, assembly, members, admin_user, language, direction, unanimous, counted
):
    for person in members[:2]:
        person.phone = "+212612345678"
        person.address = "12 زنقة المثال، الرباط"
        person.save()
    minutes = hold(assembly, members)
    minutes = services.approve_minutes(minutes=minutes, by=admin_user)
    minutes.public = True
    minutes.save()
    response = client.get(f"/{language}/assembly/minutes/{minutes.pk}/")
    page = response.content.decode()
    assert f'lang="{language}"' in page and f'dir="{direction}"' in page
    assert '<th scope="row">' in page and "<caption" in page  # a table read by row and column
    assert page.count('<th scope="row">') == assembly.items.count()
    assert unanimous in page and counted.lower() in page.lower()
    for person in members:
        assert not person.email or person.email not in page
    assert "612345678" not in page and "زنقة المثال" not in page
    for convocation in assembly.convocations.all():
        assert convocation.token not in page  # no personal page of anyone
    # The assembly's event is for members: the public page does not link to it; a member's does.
    assert assembly.event.get_absolute_url() not in page


def test_a_member_reads_the_event_link_too(client, django_user_model, assembly, members, admin_user):
    minutes = hold(assembly, members)
    minutes = services.approve_minutes(minutes=minutes, by=admin_user)
    member = member_client(client, django_user_model, members[2])
    page = member.get(f"/ar/assembly/minutes/{minutes.pk}/").content.decode()
    assert assembly.event.get_absolute_url() in page and "أعضاء فقط" in page


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_the_association_pages_link_to_the_minutes(client, language):
    GoverningBody.objects.create(
        kind=GoverningBody.Kind.GENERAL_ASSEMBLY, name="الجمع العام", name_ar="الجمع العام"
    )
    link = f'href="/{language}/assembly/minutes/"'
    assert link in client.get(f"/{language}/about/").content.decode()
    assert link in client.get(f"/{language}/documents/").content.decode()


def test_a_member_not_convened_is_not_named_by_the_minutes(client, assembly, members, admin_user):
    outsider = make_member("مراد الخارجي", council=None)
    minutes = hold(assembly, members)
    minutes = services.approve_minutes(minutes=minutes, by=admin_user)
    minutes.public = True
    minutes.save()
    page = client.get(f"/ar/assembly/minutes/{minutes.pk}/").content.decode()
    assert outsider.name not in page and members[1].name not in page  # no names: counts only
