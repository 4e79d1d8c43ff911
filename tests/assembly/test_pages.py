"""The member's and the public's pages of the general assembly: the minutes page (and its link
on the event page), "my general assemblies", agenda requests and the statutes' versions."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from assembly import services
from assembly.models import AgendaRequest, Decision, ItemDocument, ItemKind
from association.models import AssociationProfile, Document
from tests.assembly.conftest import make_assembly, make_member

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


def member_client(client, django_user_model, person):
    user = django_user_model.objects.create_user(f"u{person.pk}", person.email, PASSWORD)
    person.user = user
    person.save(update_fields=["user"])
    client.force_login(user)
    return client


def close_with_minutes(assembly, admin_user, *, public=False):
    services.convene(assembly=assembly)
    for convocation in assembly.convocations.all()[:4]:
        services.mark_present(convocation=convocation)
    services.open_sitting(assembly=assembly)
    for item in assembly.items.all():
        services.record_decision(item=item, method=Decision.Method.UNANIMITY)
    minutes = services.generate_minutes(assembly=assembly)
    minutes = services.approve_minutes(minutes=minutes, by=admin_user)
    if public:
        minutes.public = True
        minutes.save()
    return minutes


# --- Minutes -----------------------------------------------------------------------------------


def test_minutes_page_for_members_then_the_public_and_linked_from_the_event(
    client, django_user_model, assembly, members, admin_user
):
    minutes = services.generate_minutes(assembly=assembly)
    url = f"/ar/assembly/minutes/{minutes.pk}/"
    member = member_client(client.__class__(), django_user_model, members[0])
    assert member.get(url).status_code == 404  # not approved: nobody reads a draft
    minutes.delete()
    minutes = close_with_minutes(assembly, admin_user)
    url = f"/ar/assembly/minutes/{minutes.pk}/"
    event_url = assembly.event.get_absolute_url()
    assert client.get(url).status_code == 404  # approved, not public: members only
    assert client.get(f"/ar/assembly/minutes/{minutes.pk}.pdf").status_code == 404
    assert url not in client.get("/ar/assembly/minutes/").content.decode()
    page = member.get(url).content.decode()
    assert "محضر الجمع العام" in page and assembly.items.first().title in page
    assert url in member.get(event_url).content.decode()  # the event page links to them
    minutes.public = True
    minutes.save()
    assembly.event.visibility = "public"
    assembly.event.save()
    page = client.get(url).content.decode()
    assert "بالإجماع" in page
    assert url in client.get(event_url).content.decode()
    assert url in client.get("/ar/assembly/minutes/").content.decode()
    french = client.get(f"/fr/assembly/minutes/{minutes.pk}/").content.decode()
    assert "unanimité" in french and 'lang="fr"' in french


def test_minutes_page_and_list_query_counts(client, assembly, admin_user, django_assert_num_queries):
    AssociationProfile.get_solo()
    minutes = close_with_minutes(assembly, admin_user, public=True)
    # the minutes, the adopted statutes (the profile is cached); the menu's two content checks (issue 20)
    with django_assert_num_queries(4):
        assert client.get(f"/ar/assembly/minutes/{minutes.pk}/").status_code == 200
    other = make_assembly(days_ahead=40)
    close_with_minutes(other, admin_user, public=True)
    with django_assert_num_queries(3):  # the minutes with their assemblies, the menu's two checks
        assert client.get("/ar/assembly/minutes/").status_code == 200


# --- My general assemblies -----------------------------------------------------------------------


def test_my_assemblies_lists_my_convocations_with_reply_documents_and_minutes(
    client, django_user_model, assembly, members, admin_user, settings
):
    services.convene(assembly=assembly)
    fatima, ahmed = members[1], members[0]
    mine = assembly.convocations.get(person=fatima)
    services.give_proxy(convocation=mine, holder=assembly.convocations.get(person=ahmed))
    item = assembly.items.first()
    document = ItemDocument.objects.create(
        item=item, title="التقرير الأدبي", file=ContentFile(b"%PDF-1.4 report", name="report.pdf")
    )
    # In the private storage under a random folder (portal.private_media), never under /media/.
    assert not (settings.MEDIA_ROOT / document.file.name).exists()
    assert (settings.PRIVATE_MEDIA_ROOT / document.file.name).read_bytes() == b"%PDF-1.4 report"
    response = client.get(f"/ar/assembly/c/{mine.token}/document/{document.pk}/")
    assert b"".join(response.streaming_content) == b"%PDF-1.4 report"
    assert response["Content-Disposition"] == 'inline; filename="report.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff" and "private" in response["Cache-Control"]
    client = member_client(client, django_user_model, fatima)
    account = client.get("/ar/members/account/").content.decode()
    assert 'href="/ar/assembly/mine/"' in account  # reachable from the account area
    page = client.get("/ar/assembly/mine/").content.decode()
    assert mine.get_absolute_url() in page
    assert "التقرير الأدبي" in page and f"/ar/assembly/c/{mine.token}/document/" in page
    assert ahmed.name in page  # her proxy holder
    others = [c.token for c in assembly.convocations.exclude(pk=mine.pk)]
    assert not any(token in page for token in others)  # nobody else's page
    assert client.get("/ar/assembly/mine/?lang=fr").status_code == 200


def test_my_assemblies_query_count_does_not_grow_with_assemblies(
    client, django_user_model, members, django_assert_max_num_queries
):
    AssociationProfile.get_solo()
    client = member_client(client, django_user_model, members[0])
    first = make_assembly(convene_regional=False, convene_communal=False)
    services.convene(assembly=first)
    # Session, user, person, convocations, items, documents, the proxies each member holds,
    # council levels, open assemblies, requests (the profile is cached); and the menu's two
    # content checks (issue 20).
    with django_assert_max_num_queries(12) as counted:
        assert client.get("/ar/assembly/mine/").status_code == 200
    for days in (50, 60):
        other = make_assembly(days_ahead=days, convene_regional=False, convene_communal=False)
        services.convene(assembly=other)
    with django_assert_max_num_queries(len(counted.captured_queries)):
        assert client.get("/ar/assembly/mine/").status_code == 200


def test_my_assemblies_needs_an_account(client):
    response = client.get("/ar/assembly/mine/")
    assert response.status_code == 302 and "/login/" in response["Location"]


# --- Agenda requests -----------------------------------------------------------------------------


def test_a_member_proposes_an_item_before_the_deadline_only(client, django_user_model, members):
    assembly = make_assembly(days_ahead=30, request_days=10, convene_regional=False, convene_communal=False)
    client = member_client(client, django_user_model, members[0])
    assert f"/ar/assembly/{assembly.pk}/propose/" in client.get("/ar/assembly/mine/").content.decode()
    response = client.post(
        f"/ar/assembly/{assembly.pk}/propose/", {"title": "إحداث لجنة للتحول الرقمي", "explanation": "..."}
    )
    assert response.status_code == 302
    request = AgendaRequest.objects.get()
    assert request.person == members[0] and request.status == AgendaRequest.Status.PENDING
    # The same proposal twice: a clear message, nothing more written.
    response = client.post(f"/ar/assembly/{assembly.pk}/propose/", {"title": "إحداث لجنة للتحول الرقمي"})
    assert response.status_code == 200 and "سبق" in response.content.decode()
    assert AgendaRequest.objects.count() == 1
    # An empty title is a form error.
    response = client.post(f"/ar/assembly/{assembly.pk}/propose/", {"title": "  "})
    assert response.status_code == 200 and AgendaRequest.objects.count() == 1
    # After the deadline (20 days before is the last day), refused with the date.
    late = timezone.localdate() + datetime.timedelta(days=21)
    with pytest.raises(services.AssemblyError):
        services.request_agenda_item(assembly=assembly, person=members[0], title="بند آخر", on=late)
    assert services.request_agenda_item(
        assembly=assembly, person=members[0], title="بند آخر", on=late - datetime.timedelta(days=1)
    )


def test_a_member_not_convened_cannot_propose(client, django_user_model, members):
    assembly = make_assembly(convene_regional=False, convene_communal=False)
    communal = make_member("عمر بن علي", council=None)
    with pytest.raises(services.AssemblyError):
        services.request_agenda_item(assembly=assembly, person=communal, title="بند")
    client = member_client(client, django_user_model, communal)
    response = client.post(f"/ar/assembly/{assembly.pk}/propose/", {"title": "بند"})
    assert response.status_code == 200 and not AgendaRequest.objects.exists()


def test_the_secretariat_accepts_or_refuses_in_the_admin(admin_client, assembly, members):
    accepted = services.request_agenda_item(assembly=assembly, person=members[0], title="التحول الرقمي")
    refused = services.request_agenda_item(assembly=assembly, person=members[1], title="بند مكرر")
    url = f"/ar/admin/assembly/agendarequest/{refused.pk}/change/"
    assert admin_client.get(url).status_code == 200
    # Refused without a reason: a form error, nothing changed.
    response = admin_client.post(url, {"answer": "refuse", "reason": ""})
    assert response.status_code == 200
    refused.refresh_from_db()
    assert refused.status == AgendaRequest.Status.PENDING
    response = admin_client.post(url, {"answer": "refuse", "reason": "البند مدرج في التقرير الأدبي."})
    assert response.status_code == 302
    refused.refresh_from_db()
    assert refused.status == AgendaRequest.Status.REFUSED and refused.decided_at
    count = assembly.items.count()
    response = admin_client.post(
        f"/ar/admin/assembly/agendarequest/{accepted.pk}/change/", {"answer": "accept", "reason": ""}
    )
    assert response.status_code == 302
    accepted.refresh_from_db()
    item = accepted.item
    assert accepted.status == AgendaRequest.Status.ACCEPTED
    assert item.title == "التحول الرقمي" and item.order == count and assembly.items.count() == count + 1
    assert item.agenda_item.event == assembly.event  # in the calendar's agenda too
    with pytest.raises(services.AssemblyError):
        services.accept_request(request=accepted)  # answered once
    with pytest.raises(services.AssemblyError):
        services.accept_request(request=refused)


# --- Statutes versions ---------------------------------------------------------------------------


def test_an_adopted_amendment_is_a_new_version_of_the_statutes(client, assembly, members):
    original = Document.objects.create(
        title="القانون الأساسي",
        title_ar="القانون الأساسي",
        kind=Document.Kind.STATUTES,
        year=2019,
        file=ContentFile(b"%PDF-1.4 2019", name="statutes-2019.pdf"),
    )
    statutes = assembly.items.get(kind=ItemKind.STATUTES)
    ItemDocument.objects.create(
        item=statutes, title="مشروع القانون الأساسي", file=ContentFile(b"%PDF-1.4 draft", name="draft.pdf")
    )
    services.convene(assembly=assembly)
    for convocation in assembly.convocations.all():
        services.mark_present(convocation=convocation)
    services.open_sitting(assembly=assembly)
    # Rejected (2 of 4 cast): no new version.
    report = assembly.items.get(kind=ItemKind.REPORT)
    services.record_decision(item=report, method="counts", votes_for=4, votes_against=0, abstentions=0)
    assert Document.objects.count() == 1
    services.record_decision(item=statutes, method="counts", votes_for=3, votes_against=1, abstentions=2)
    statutes.refresh_from_db()
    new = statutes.adopted_statutes
    assert new.replaces == original and new.adopted_on == assembly.date and new.kind == "statutes"
    assert new.file.read() == b"%PDF-1.4 draft"
    assert Document.objects.current_statutes() == new
    page = client.get("/ar/documents/").content.decode()
    assert new.get_absolute_url() in page and original.get_absolute_url() in page
    assert page.index(new.get_absolute_url()) < page.index(original.get_absolute_url())
    assert "الصيغ السابقة" in page  # the history
    assert client.get(original.get_absolute_url()).status_code == 200  # kept


def test_a_rejected_amendment_leaves_the_statutes(assembly):
    statutes = assembly.items.get(kind=ItemKind.STATUTES)
    ItemDocument.objects.create(item=statutes, title="مشروع", file=ContentFile(b"%PDF", name="d.pdf"))
    services.convene(assembly=assembly)
    for convocation in assembly.convocations.all():
        services.mark_present(convocation=convocation)
    services.open_sitting(assembly=assembly)
    services.record_decision(item=statutes, method="counts", votes_for=2, votes_against=2, abstentions=2)
    assert not Document.objects.exists()


def test_the_documents_page_reads_every_version_in_one_query(client, django_assert_num_queries):
    AssociationProfile.get_solo()
    client.get("/ar/documents/")  # the profile cached, as in production

    def version(previous, year):
        return Document.objects.create(
            title=f"القانون الأساسي {year}",
            kind=Document.Kind.STATUTES,
            year=year,
            adopted_on=datetime.date(year, 1, 29),
            replaces=previous,
            file=ContentFile(b"%PDF-1.4", name=f"statutes-{year}.pdf"),
        )

    first = version(None, 2019)
    second = version(first, 2022)
    # every version in one query, and the menu's two content checks (issue 20)
    with django_assert_num_queries(3):
        page = client.get("/ar/documents/").content.decode()
    assert page.count("document-versions") == 1
    third = version(second, 2025)
    with django_assert_num_queries(3):
        page = client.get("/ar/documents/").content.decode()
    current, history = page.split("document-versions", 1)
    assert third.get_absolute_url() in current and first.get_absolute_url() not in current
    assert history.index(second.get_absolute_url()) < history.index(first.get_absolute_url())


def test_the_agenda_request_deadline_is_a_rule_of_the_statutes_in_the_admin(admin_client):
    page = admin_client.get("/ar/admin/assembly/assemblyrules/").content.decode()
    assert 'name="request_days"' in page
    assembly = make_assembly(days_ahead=30, request_days=12)
    assert assembly.rule.request_days == 12  # copied into the assembly with the other rules
    assert services.request_deadline(assembly) == assembly.date - datetime.timedelta(days=12)
