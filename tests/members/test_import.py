"""Excel/CSV import and export with Arabic headers: all or nothing, no duplicates, no leaks."""

import io
import math

import pytest
import tablib
from django.core.management import CommandError, call_command

from members.models import CouncilSeat, Membership, Person
from members.resources import COLUMNS, PersonPrivateResource, PersonResource
from tests.members.factories import MembershipFactory, PersonFactory, SeatFactory, council

HEADERS = [
    COLUMNS[k] for k in ("name_ar", "name_fr", "gender", "council", "role", "number", "phone", "email")
]
ROWS = [
    ["محمد قاسمي", "Mohamed Kassimi", "ذكر", "المجلس الإقليمي لخريبكة", "رئيس", "A-001", "0661000001", "kassimi@example.org"],
    ["اعتماد الزهيدي", "Itimad Zahidi", "أنثى", "Conseil provincial de Sefrou", "عضوة", "A-002", "", ""],
    ["سعيد الناصري", "", "Homme", "05.311", "Membre", "", "", ""],
]  # fmt: skip


def _file(tmp_path, rows, suffix="xlsx", headers=HEADERS):
    dataset = tablib.Dataset(*rows, headers=headers)
    path = tmp_path / f"members.{suffix}"
    if suffix == "xlsx":
        path.write_bytes(dataset.export("xlsx"))
    else:
        path.write_text(dataset.export("csv"), encoding="utf-8")
    return path


@pytest.mark.django_db
@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_import_creates_people_seats_and_memberships_and_reimport_matches(tmp_path, suffix):
    path = _file(tmp_path, ROWS, suffix)
    out = io.StringIO()
    call_command("import_members", str(path), stdout=out)
    assert "3/3" in out.getvalue()
    assert (
        Person.objects.count() == 3 and Membership.objects.count() == 3 and CouncilSeat.objects.count() == 3
    )
    kassimi = Person.objects.get(email="kassimi@example.org")
    assert kassimi.phone.as_e164 == "+212661000001" and Person.objects.filter(phone="+212661000001").exists()
    assert kassimi.search_key == "محمد قاسمي mohamed kassimi"
    assert kassimi.seats.get().role == "president"
    assert Membership.objects.get(number="A-002").person.gender == "f"
    # Again, with a corrected French name: matched, not duplicated.
    rows = [list(r) for r in ROWS]
    rows[1][1] = "Itimad Zahidi (corrigé)"
    call_command("import_members", str(_file(tmp_path, rows, suffix)), stdout=io.StringIO())
    assert (
        Person.objects.count() == 3 and Membership.objects.count() == 3 and CouncilSeat.objects.count() == 3
    )
    assert Person.objects.get(name_ar="اعتماد الزهيدي").name_fr == "Itimad Zahidi (corrigé)"


@pytest.mark.django_db
def test_existing_person_is_matched_on_normalised_name_and_council(tmp_path):
    person = PersonFactory(name_ar="محمّد قاسمى", name_fr="")
    SeatFactory(person=person, council=council("05.311"))
    call_command("import_members", str(_file(tmp_path, ROWS[:1])), stdout=io.StringIO())
    assert Person.objects.count() == 1
    person.refresh_from_db()
    assert person.email == "kassimi@example.org"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("row", "column", "reason"),
    [
        (["", "X", "ذكر", "05.311", "", "", "", ""], "الاسم", "required"),
        (["اسم", "", "؟", "05.311", "", "", "", ""], "الجنس", "Unknown value"),
        (["اسم", "", "ذكر", "مجلس لا يوجد", "", "", "", ""], "المجلس", "No council"),
        (["اسم", "", "ذكر", "05.311", "", "", "12", ""], "الهاتف", "phone"),
        (["اسم", "", "ذكر", "05.311", "", "", "", "not-an-email"], "البريد الإلكتروني", "e-mail"),
        (["اسم", "", "ذكر", "05.311", "", "A-001", "", ""], "رقم العضوية", "row 1"),
    ],
)
def test_one_bad_row_fails_the_whole_import_with_row_column_and_reason(
    tmp_path, row, column, reason, settings
):
    settings.LANGUAGE_CODE = "en"
    from django.utils import translation

    translation.activate("en")
    path = _file(tmp_path, [ROWS[0], row])
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_members", str(path), stdout=io.StringIO(), stderr=err)
    message = err.getvalue()
    assert "row 2" in message and column in message and reason in message, message
    assert not Person.objects.exists() and not Membership.objects.exists()


@pytest.mark.django_db
def test_dry_run_writes_nothing(tmp_path):
    call_command("import_members", str(_file(tmp_path, ROWS)), "--dry-run", stdout=io.StringIO())
    assert not Person.objects.exists()


@pytest.mark.django_db
def test_export_leaves_private_contacts_out_without_the_permission():
    MembershipFactory(
        person__phone="+212661000111", person__email="secret@example.org", person__address="SECRET"
    )
    public = PersonResource().export(Person.objects.all())
    assert "secret@example.org" not in public.export("csv") and "SECRET" not in public.export("csv")
    assert COLUMNS["email"] not in public.headers
    private = PersonPrivateResource().export(Person.objects.all())
    assert "secret@example.org" in private.export("csv")


@pytest.mark.django_db
def test_admin_export_depends_on_the_permission(client, django_user_model):
    from django.contrib.auth.models import Permission

    MembershipFactory(person__email="secret@example.org")
    user = django_user_model.objects.create_user("clerk", password="x" * 12, is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=["view_person", "change_person"]))
    client.force_login(user)
    data = {"format": "0", "resource": "0", "personresource_name_ar": "on", "personresource_council": "on"}
    response = client.post("/ar/admin/members/person/export/", data)
    assert response.status_code == 200, response.content[:500]
    assert b"secret@example.org" not in response.content
    user.user_permissions.add(Permission.objects.get(codename="view_private_contact"))
    client.force_login(django_user_model.objects.get(pk=user.pk))
    page = client.get("/ar/admin/members/person/export/").content.decode()
    assert "personprivateresource_email" in page


@pytest.mark.django_db
def test_admin_import_previews_then_confirms(admin_client, tmp_path):
    path = _file(tmp_path, ROWS)
    with path.open("rb") as handle:
        response = admin_client.post(
            "/ar/admin/members/person/import/",
            {"resource": "0", "format": "0", "import_file": handle},
        )
    assert response.status_code == 200
    assert not Person.objects.exists()  # preview only
    html = response.content.decode()
    assert "process_import" in html and 'name="import_file_name"' in html
    assert "محمد قاسمي" in html  # the preview lists the rows
    confirm = response.context["confirm_form"].initial
    response = admin_client.post("/ar/admin/members/person/process_import/", confirm)
    assert response.status_code == 302, response.content[:500]
    assert Person.objects.count() == 3 and Membership.objects.count() == 3
    assert Person.objects.get(email="kassimi@example.org").seats.get().role == "president"


@pytest.mark.django_db
def test_admin_import_names_the_bad_row_and_writes_nothing(admin_client, tmp_path):
    rows = [list(r) for r in ROWS]
    rows[2][3] = "مجلس لا يوجد"
    with _file(tmp_path, rows).open("rb") as handle:
        response = admin_client.post(
            "/ar/admin/members/person/import/",
            {"resource": "0", "format": "0", "import_file": handle},
        )
    html = response.content.decode()
    assert "process_import" not in html
    assert "مجلس لا يوجد" in html and COLUMNS["council"] in html
    assert not Person.objects.exists() and not Membership.objects.exists()


def _rows(count, start=1):
    """``count`` distinct new people over a few councils, every column filled."""
    codes = ["05.311", "01.511", "09.001", "06.141"]
    return [
        [f"منتخب {i}", f"Elu {i}", "أنثى" if i % 3 == 0 else "ذكر", codes[i % len(codes)], "عضو",
         f"Q-{i:06d}", f"06{10000000 + i:08d}", f"elu{i}@example.org"]
        for i in range(start, start + count)
    ]  # fmt: skip


def _import_queries(tmp_path, rows):
    """The SELECTs and the writes (INSERT, UPDATE, DELETE) of one import through the command."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    path = _file(tmp_path, rows)
    with CaptureQueriesContext(connection) as queries:
        call_command("import_members", str(path), stdout=io.StringIO())
    statements = [q["sql"].lstrip().upper() for q in queries.captured_queries]
    reads = [sql for sql in statements if sql.startswith("SELECT")]
    writes = [sql for sql in statements if sql.startswith(("INSERT", "UPDATE", "DELETE"))]
    return reads, writes


@pytest.mark.django_db
def test_import_queries_do_not_grow_with_the_rows(tmp_path):
    """Lookups are made once per import and writes once per batch of rows, never once per row."""
    small_reads, small_writes = _import_queries(tmp_path, _rows(200))
    reads, writes = _import_queries(tmp_path, _rows(400, start=1000))
    assert Person.objects.count() == 600 and Membership.objects.count() == 600
    assert len(reads) == len(small_reads), (small_reads, reads)
    # People, seats, memberships and their first status: at least 50 rows a statement (SQLite's
    # limit of 999 parameters; PostgreSQL writes each table's 400 rows in one).
    assert len(writes) <= 4 * math.ceil(400 / 50), len(writes)
    assert len(small_writes) <= 4 * math.ceil(200 / 50), len(small_writes)
    # The same 400 rows again: every person matched, nothing changed, nothing written.
    again_reads, again_writes = _import_queries(tmp_path, _rows(400, start=1000))
    assert Person.objects.count() == 600 and Membership.objects.count() == 600
    assert len(again_reads) == len(reads) and again_writes == [], again_writes
    # Two changes of role: one statement for both seats, the people and memberships untouched.
    rows = _rows(400, start=1000)
    rows[0][4], rows[1][4] = "رئيس", "رئيسة"
    _reads, changed_writes = _import_queries(tmp_path, rows)
    assert len(changed_writes) == 1, changed_writes  # the seats' roles
    assert CouncilSeat.objects.filter(role="president").count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize("year", ["99999999999999999999", "40000", "1.5", "inf"])
def test_a_start_year_its_column_cannot_hold_is_the_rows_error(tmp_path, year):
    """``CouncilSeat.start_year`` is a PositiveSmallIntegerField (at most 32767 on PostgreSQL):
    a larger number was saved on SQLite (or overflowed past 2^63 − 1) instead of being reported."""
    headers = [*HEADERS, COLUMNS["start_year"]]
    path = _file(tmp_path, [[*ROWS[0], "2021"], [*ROWS[2], year]], headers=headers)
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_members", str(path), stdout=io.StringIO(), stderr=err)
    message = err.getvalue()
    assert COLUMNS["start_year"] in message and year in message, message
    assert not Person.objects.exists() and not CouncilSeat.objects.exists()
