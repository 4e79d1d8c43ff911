"""Organisations, networks of councils tied to the HCP territory, the council's public page and
the spreadsheet import of network members (issue 20)."""

import datetime
import io

import pytest
import tablib
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from events.models import Event
from members import demo
from members.models import Council, NetworkMemberCount, NetworkMembership, Organisation
from members.resources import NetworkMembershipResource
from tests.events.factories import EventFactory
from tests.members.factories import MembershipFactory, NetworkFactory, OrganisationFactory, SeatFactory

pytestmark = pytest.mark.django_db

SEFROU_COMMUNE = "03.451.01.09"


def commune_council(code):
    return Council.objects.get(commune__code=code)


# Models and constraints -------------------------------------------------------------------------


def test_an_organisation_has_one_territory_at_most():
    council = commune_council(SEFROU_COMMUNE)
    organisation = OrganisationFactory.build(commune=council.commune, province=council.area_province)
    with pytest.raises(ValidationError):
        organisation.full_clean()
    with transaction.atomic(), pytest.raises(IntegrityError):
        organisation.save()
    OrganisationFactory(commune=council.commune)  # one is fine


def test_a_council_is_named_once_per_network_and_only_networks_have_members():
    network = NetworkFactory()
    council = commune_council(SEFROU_COMMUNE)
    NetworkMembership.objects.create(network=network, council=council)
    with pytest.raises(ValidationError):
        NetworkMembership(network=network, council=council).full_clean()
    with transaction.atomic(), pytest.raises(IntegrityError):
        NetworkMembership.objects.create(network=network, council=council)
    with pytest.raises(ValidationError) as error:
        NetworkMembership(network=OrganisationFactory(), council=council).full_clean()
    assert "network" in error.value.message_dict
    NetworkMemberCount.objects.create(network=network, level="communal", count=50)
    with transaction.atomic(), pytest.raises(IntegrityError):
        NetworkMemberCount.objects.create(network=network, level="communal", count=49)


# Demo: the networks of seeds 003 and 004 -------------------------------------------------------------


def test_demo_networks_link_the_named_communes_and_keep_the_stated_counts():
    demo.load("ampcp")
    sefrou_network = Organisation.objects.get(name_ar="الشبكة المغربية للحكامة التشاركية")
    communes = set(sefrou_network.council_memberships.values_list("council__commune__code", flat=True))
    assert len(communes) == 15
    assert {"03.451.01.09", "09.001.01.01", "06.141.01.0", "04.501.01.07", "01.571.01.11"} <= communes
    assert not sefrou_network.member_counts.exists()  # the source names them all
    open_network = Organisation.objects.get(name_ar="الشبكة المغربية للجماعات الترابية المنفتحة")
    assert open_network.founded_on == datetime.date(2022, 10, 21)
    assert dict(open_network.member_counts.values_list("level", "count")) == {
        "regional": 12, "provincial": 4, "communal": 50
    }  # fmt: skip
    # Only the commune the source names (Tangier) is linked: no invented member.
    assert list(open_network.council_memberships.values_list("council__commune__code", flat=True)) == [
        "01.511.01.0"
    ]
    foundation = Organisation.objects.get(name_ar="مؤسسة ازمور للتنمية المحلية")
    assert foundation.kind == "foundation" and foundation.commune.code == "06.181.01.01"
    demo.load("ampcp")  # twice: nothing doubles
    assert NetworkMembership.objects.count() == 16 and NetworkMemberCount.objects.count() == 3


# The council's public page ----------------------------------------------------------------------


@pytest.fixture
def sefrou():
    council = commune_council(SEFROU_COMMUNE)
    membership = MembershipFactory(
        council=council,
        person__name_ar="جمال الفيلالي",
        person__name_fr="Jamal Filali",
        person__phone="+212661000111",
        person__email="secret@example.org",
        person__address="SECRET ADDRESS",
    )
    SeatFactory(person=membership.person, council=council, role="president")
    network = NetworkFactory(
        name_ar="الشبكة المغربية للحكامة التشاركية", name_fr="Réseau marocain de la gouvernance participative"
    )
    NetworkMembership.objects.create(network=network, council=council)
    NetworkMembership.objects.create(network=network, council=commune_council("09.581.01.07"))
    NetworkMemberCount.objects.create(network=network, level="communal", count=15, source_ar="مقال 2016")
    EventFactory(
        title_ar="ملتقى صفرو",
        title_fr="Rencontre de Sefrou",
        province_code="03.451",
        city_ar="صفرو",
        city_fr="Sefrou",
    )
    EventFactory(
        title_ar="اجتماع داخلي بصفرو",
        province_code="03.451",
        city_ar="صفرو",
        visibility=Event.Visibility.MEMBERS,
    )
    EventFactory(title_ar="لقاء بالبهاليل", province_code="03.451", city_ar="البهاليل", city_fr="Bhalil")
    EventFactory(title_ar="اجتماع بالرباط", province_code="04.421", city_ar="الرباط")
    return council


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_council_page_shows_public_roles_networks_and_events_here(client, sefrou, language):
    response = client.get(f"/{language}/members/councils/{sefrou.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    with translation.override(language):
        assert ("جمال الفيلالي" if language == "ar" else "Jamal Filali") in page
        assert str(dict(Council.Level.choices)["communal"]) in page
    network = (
        "الشبكة المغربية للحكامة التشاركية"
        if language == "ar"
        else "Réseau marocain de la gouvernance participative"
    )
    assert network in page
    assert "<dd>15 <span" in page and "مقال 2016" in page  # the count the source states, and where
    assert "<dd>2</dd>" in page  # the councils named in the portal
    assert ("ملتقى صفرو" if language == "ar" else "Rencontre de Sefrou") in page
    assert "اجتماع داخلي بصفرو" not in page  # members-only
    assert "لقاء بالبهاليل" not in page and "Bhalil" not in page  # another commune of the province
    assert "اجتماع بالرباط" not in page
    for private in ("661000111", "secret@example.org", "SECRET ADDRESS"):
        assert private not in page


def test_council_page_shows_members_only_events_to_members(client, sefrou, member_user):
    client.force_login(member_user)
    assert "اجتماع داخلي بصفرو" in client.get(f"/ar/members/councils/{sefrou.pk}/").content.decode()


def test_province_council_page_lists_the_events_of_its_province(client, sefrou):
    province = Council.objects.get(province__code="03.451")
    page = client.get(province.get_absolute_url()).content.decode()
    assert "ملتقى صفرو" in page and "لقاء بالبهاليل" in page and "اجتماع بالرباط" not in page


def test_council_page_query_count_does_not_grow(client, sefrou, django_assert_num_queries):
    url = sefrou.get_absolute_url()
    client.get(url)  # the association's profile, created on first use, is then cached
    # The council with its territory, its members (one query, public columns only), its networks
    # with the number named, their stated counts, the events in its territory; and
    # the menu's two content checks (issue 20).
    with django_assert_num_queries(7):
        assert client.get(url).status_code == 200
    for code in ("01.571.01.11", "04.441.01.0", "06.371.01.01"):
        network = NetworkFactory()
        NetworkMembership.objects.create(network=network, council=sefrou)
        NetworkMembership.objects.create(network=network, council=commune_council(code))
        NetworkMemberCount.objects.create(network=network, level="regional", count=3)
        MembershipFactory(council=sefrou)
        EventFactory(province_code="03.451", city_ar="صفرو")
    with django_assert_num_queries(7):
        assert client.get(url).status_code == 200


def test_unknown_council_is_404(client):
    assert client.get("/ar/members/councils/999999/").status_code == 404


def test_directory_links_each_council_to_its_page(client, sefrou):
    page = client.get("/ar/members/").content.decode()
    assert f'href="/ar/members/councils/{sefrou.pk}/"' in page


# Import of network members ----------------------------------------------------------------------

HEADERS = ["الشبكة", "المجلس", "تاريخ الانخراط", "ملاحظة"]


def _dataset(rows):
    return tablib.Dataset(*rows, headers=HEADERS)


def test_import_links_councils_by_name_or_code_and_reimport_changes_nothing():
    network = NetworkFactory(name_ar="الشبكة المغربية للحكامة التشاركية")
    rows = [
        ["الشبكة المغربية للحكامة التشاركية", "المجلس الجماعي لصفرو", "2016-03-30", ""],
        ["الشبكه المغربيه للحكامه التشاركيه", "09.581.01.07", "", "تيزنيت"],
    ]
    result = NetworkMembershipResource().import_data(_dataset(rows), dry_run=False)
    assert not result.has_errors() and not result.has_validation_errors()
    members = {
        m.council.commune.code: m for m in network.council_memberships.select_related("council__commune")
    }
    assert set(members) == {SEFROU_COMMUNE, "09.581.01.07"}
    assert members[SEFROU_COMMUNE].joined_on == datetime.date(2016, 3, 30)
    NetworkMembershipResource().import_data(_dataset(rows), dry_run=False)
    assert NetworkMembership.objects.count() == 2


@pytest.mark.parametrize(
    ("row", "column"),
    [
        (["شبكة لا توجد", "المجلس الجماعي لصفرو", "", ""], "الشبكة"),
        (["الشبكة المغربية للحكامة التشاركية", "مجلس لا يوجد", "", ""], "المجلس"),
        (["الشبكة المغربية للحكامة التشاركية", "09.581.01.07", "not a date", ""], "تاريخ الانخراط"),
    ],
)
def test_a_bad_row_names_row_and_column_and_nothing_is_written(row, column):
    NetworkFactory(name_ar="الشبكة المغربية للحكامة التشاركية")
    OrganisationFactory(name_ar="شبكة لا توجد")  # not a network: refused as one
    good = ["الشبكة المغربية للحكامة التشاركية", "المجلس الجماعي لصفرو", "", ""]
    result = NetworkMembershipResource().import_data(_dataset([good, row]), dry_run=False)
    assert result.has_validation_errors()
    invalid = result.invalid_rows[0]
    assert invalid.number == 2 and column in str(invalid.error_dict)
    assert not NetworkMembership.objects.exists()


def test_admin_import_previews_then_confirms_and_rejects_a_bad_file(admin_client, tmp_path):
    NetworkFactory(name_ar="الشبكة المغربية للحكامة التشاركية")
    path = tmp_path / "network.xlsx"
    path.write_bytes(_dataset([["الشبكة المغربية للحكامة التشاركية", "المجلس الجماعي لصفرو", "", ""],
                               ["الشبكة المغربية للحكامة التشاركية", "مجلس لا يوجد", "", ""]]).export("xlsx"))  # fmt: skip
    with path.open("rb") as handle:
        response = admin_client.post(
            "/ar/admin/members/networkmembership/import/",
            {"resource": "0", "format": "0", "import_file": handle},
        )
    html = response.content.decode()
    assert "process_import" not in html and "مجلس لا يوجد" in html and "المجلس" in html
    assert not NetworkMembership.objects.exists()
    path.write_bytes(
        _dataset([["الشبكة المغربية للحكامة التشاركية", "المجلس الجماعي لصفرو", "", ""]]).export("xlsx")
    )
    with path.open("rb") as handle:
        response = admin_client.post(
            "/ar/admin/members/networkmembership/import/",
            {"resource": "0", "format": "0", "import_file": handle},
        )
    confirm = response.context["confirm_form"].initial
    response = admin_client.post("/ar/admin/members/networkmembership/process_import/", confirm)
    assert response.status_code == 302
    assert NetworkMembership.objects.get().council.commune.code == SEFROU_COMMUNE


def test_export_lists_members_by_name():
    network = NetworkFactory(name_ar="الشبكة المغربية للحكامة التشاركية")
    NetworkMembership.objects.create(network=network, council=commune_council(SEFROU_COMMUNE))
    csv = NetworkMembershipResource().export().export("csv")
    assert "الشبكة المغربية للحكامة التشاركية" in csv and "المجلس الجماعي لصفرو" in csv


# Admin -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("model", ["organisation", "networkmembership"])
def test_admin_lists_and_forms_open(admin_client, model):
    network = NetworkFactory()
    NetworkMembership.objects.create(network=network, council=commune_council(SEFROU_COMMUNE))
    assert admin_client.get(f"/ar/admin/members/{model}/").status_code == 200
    assert admin_client.get(f"/ar/admin/members/{model}/add/").status_code == 200
    if model == "organisation":
        page = admin_client.get(f"/ar/admin/members/organisation/{network.pk}/change/").content.decode()
        assert "المجلس الجماعي لصفرو" in page  # the network's members inline
        assert 'name="website"' in page and 'dir="ltr"' in page
        assert 'name="name_fr"' in page and 'lang="fr"' in page


def test_admin_autocomplete_offers_only_networks_for_a_membership(admin_client):
    NetworkFactory(name_ar="شبكة الجماعات")
    OrganisationFactory(name_ar="شبكة ليست شبكة")
    response = admin_client.get(
        "/ar/admin/autocomplete/",
        {"term": "شبكة", "app_label": "members", "model_name": "networkmembership", "field_name": "network"},
    )
    assert [result["text"] for result in response.json()["results"]] == ["شبكة الجماعات"]


def test_csv_import():
    """A CSV file with Arabic headers imports as the xlsx one does."""
    NetworkFactory(name_ar="الشبكة المغربية للحكامة التشاركية")
    data = _dataset([["الشبكة المغربية للحكامة التشاركية", "المجلس الجماعي لصفرو", "", ""]]).export("csv")
    dataset = tablib.Dataset().load(io.StringIO(data).read(), format="csv")
    result = NetworkMembershipResource().import_data(dataset, dry_run=False)
    assert not result.has_validation_errors() and NetworkMembership.objects.count() == 1
