import pytest

from tests.members.factories import ApplicationFactory, MembershipFactory, SeatFactory

PAGES = ["region", "province", "commune", "council", "person", "membership", "contribution",
         "membershipapplication"]  # fmt: skip


@pytest.mark.django_db
@pytest.mark.parametrize("model", PAGES)
def test_admin_lists_and_forms_open(admin_client, model):
    MembershipFactory()
    ApplicationFactory()
    assert admin_client.get(f"/ar/admin/members/{model}/").status_code == 200
    assert admin_client.get(f"/ar/admin/members/{model}/?q=خريبكة").status_code == 200
    if model not in {"region", "province", "commune"}:
        assert admin_client.get(f"/ar/admin/members/{model}/add/").status_code == 200


@pytest.mark.django_db
def test_admin_person_search_uses_the_normalised_key(admin_client):
    SeatFactory(person__name_ar="اعتماد الزهيدي", person__name_fr="Itimad Zahidi")
    SeatFactory(person__name_ar="سعيد الناصري")
    html = admin_client.get("/ar/admin/members/person/?q=الزهيدى").content.decode()
    assert "اعتماد الزهيدي" in html and "سعيد الناصري" not in html


@pytest.mark.django_db
def test_admin_autocomplete_for_councils(admin_client):
    response = admin_client.get(
        "/ar/admin/autocomplete/",
        {"term": "خريبكه", "app_label": "members", "model_name": "membership", "field_name": "council"},
    )
    assert "المجلس الإقليمي لخريبكة" in response.json()["results"][0]["text"]


@pytest.mark.django_db
def test_bulk_suspend_records_history(admin_client):
    membership = MembershipFactory()
    admin_client.post(
        "/ar/admin/members/membership/", {"action": "suspend", "_selected_action": [membership.pk]}
    )
    membership.refresh_from_db()
    assert membership.status == "suspended"
    assert membership.status_changes.filter(to_status="suspended").exists()


@pytest.mark.django_db
def test_private_contacts_hidden_from_staff_without_permission(client, django_user_model):
    from django.contrib.auth.models import Permission

    membership = MembershipFactory(person__email="secret@example.org")
    user = django_user_model.objects.create_user("clerk", password="x" * 12, is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=["view_person", "change_person"]))
    client.force_login(user)
    html = client.get(f"/ar/admin/members/person/{membership.person.pk}/change/").content.decode()
    assert "secret@example.org" not in html


@pytest.mark.django_db
def test_ending_memberships_asks_for_a_reason_and_records_it(admin_client):
    membership = MembershipFactory()
    url = "/ar/admin/members/membership/"
    page = admin_client.post(url, {"action": "end", "_selected_action": [membership.pk]})
    assert page.status_code == 200 and 'name="reason"' in page.content.decode()
    refused = admin_client.post(
        url, {"action": "end", "_selected_action": [membership.pk], "apply": "1", "reason": ""}
    )
    assert refused.status_code == 200
    membership.refresh_from_db()
    assert membership.status == "active"
    done = admin_client.post(
        url,
        {
            "action": "end",
            "_selected_action": [membership.pk],
            "apply": "1",
            "reason": "استقالة",
            "on": "2025-02-01",
        },
    )
    assert done.status_code == 302
    membership.refresh_from_db()
    assert (
        membership.status == "ended"
        and membership.end_reason == "استقالة"
        and str(membership.ended_on) == "2025-02-01"
    )
    change = membership.status_changes.get(to_status="ended")
    assert change.reason == "استقالة" and str(change.on) == "2025-02-01"


@pytest.mark.django_db
def test_treasurer_lists_who_is_behind_with_the_last_year_paid(admin_client):
    paid, behind = MembershipFactory(number="P-1"), MembershipFactory(number="B-1")
    paid.contributions.create(year=2025, amount=1000, paid_on="2025-03-01", receipt="R-1")
    behind.contributions.create(year=2024, amount=1000, paid_on="2024-03-01", receipt="R-0")
    html = admin_client.get("/ar/admin/members/membership/?unpaid=2025").content.decode()
    assert "B-1" in html and "P-1" not in html and "2024" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/ar/admin/members/membership/?unpaid=2025",
        "/ar/admin/members/person/?q=منتخب",
        "/ar/admin/members/person/",
        "/ar/admin/members/membership/",
    ],
)
def test_admin_lists_keep_a_constant_query_count(admin_client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.members.test_directory import _bulk_members

    admin_client.get(url)
    counts = []
    for size in (10, 990):
        _bulk_members(size)
        with CaptureQueriesContext(connection) as queries:
            assert admin_client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


@pytest.mark.django_db
def test_admin_people_count_is_kept_until_the_next_write(admin_client, settings):
    """50,000 people are counted once per content version, not on every page of the list."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.members.test_directory import _bulk_members

    settings.PAGE_CACHE = True  # the count is kept under the page cache's content version

    settings.CONTENT_DATA_CACHE = True
    cache.clear()
    _bulk_members(60)
    url = "/ar/admin/members/person/"
    admin_client.get("/ar/admin/")  # the first request of a site creates the association profile
    with CaptureQueriesContext(connection) as first:
        assert admin_client.get(url).context["cl"].result_count == 60
    with CaptureQueriesContext(connection) as second:
        assert admin_client.get(url + "?p=2").context["cl"].result_count == 60
    counts = [q["sql"] for q in second.captured_queries if q["sql"].startswith("SELECT COUNT(*)")]
    assert len(second) < len(first) and not counts
    _bulk_members(5)  # a write: counted again
    assert admin_client.get(url).context["cl"].result_count == 65


@pytest.mark.django_db
def test_person_autocomplete_matches_arabic_variants_and_french(admin_client):
    SeatFactory(person__name_ar="اعتماد الزهيدي", person__name_fr="Itimad Zahidi")
    SeatFactory(person__name_ar="سعيد الناصري")
    for term in ["الزهيدى", "إعتماد", "zahidi"]:
        response = admin_client.get(
            "/ar/admin/autocomplete/",
            {"term": term, "app_label": "members", "model_name": "membership", "field_name": "person"},
        )
        assert [r["text"] for r in response.json()["results"]] == ["اعتماد الزهيدي"], term
