"""No exported cell runs as a formula (CSV or formula injection, OWASP; CWE-1236).

A member who names themself ``=HYPERLINK(...)`` must come out as that text, never as a live
formula, in every spreadsheet the portal hands out: the admin's roster, people, councils,
programme and attendance exports (.xlsx and .csv) and the public open-data CSV and programme.
"""

import csv
import datetime
import io

import pytest
from django.contrib import admin
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from events.models import ActionProgramme, ProgrammeLine
from portal import spreadsheets
from tests.bureau.factories import MandateFactory, SeatFactory
from tests.members.factories import PersonFactory
from tests.members.factories import SeatFactory as CouncilSeatFactory
from tests.training.factories import SessionFactory, a_council
from training.models import Registration

PAYLOADS = [
    '=HYPERLINK("http://x","y")',
    "+1+1",
    "-2+3",
    "@SUM(1)",
    "\t=1",
    "\r=1",
    "\n=1",
    "＝1",
    "＋1",
    "－1",
    "＠SUM(1)",
]
PHONE = "+212612345678"


def _formula_like(text):
    return text[:1] in set("=+-@＝＋－＠") or (text[:1] and ord(text[0]) < 32)


def _xlsx_cells(content):
    """Every non-empty cell of every sheet of an .xlsx answer."""
    workbook = load_workbook(io.BytesIO(content))
    return [cell for sheet in workbook for row in sheet.iter_rows() for cell in row if cell.value is not None]


def _assert_xlsx_safe(content, expected):
    """Each expected text is in a cell stored as text and marked as typed with a leading apostrophe."""
    cells = _xlsx_cells(content)
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    for text in expected:
        # XML reads a carriage return back as a line feed; the rest comes back unchanged.
        matching = [cell for cell in cells if cell.value == text.replace("\r", "\n")]
        assert matching, f"{text!r} missing from the export"
        for cell in matching:
            assert cell.data_type == "s" and cell.quotePrefix, (text, cell.data_type, cell.quotePrefix)


def _csv_rows(text):
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline="")))


def _assert_csv_safe(text, expected):
    cells = [cell for row in _csv_rows(text) for cell in row]
    assert not [cell for cell in cells if _formula_like(cell)]
    for value in expected:
        assert f"'{value}" in cells, f"{value!r} not neutralised"


# --- the one helper per format ---------------------------------------------------------------


@pytest.mark.parametrize("payload", [*PAYLOADS, "\x01=1", "\x1f=1", "\x7f=1"])
def test_csv_cell_gets_the_owasp_apostrophe(payload):
    assert spreadsheets.csv_value(payload) == "'" + payload


def test_csv_leaves_plain_text_and_real_numbers_alone():
    assert spreadsheets.csv_value("فاطمة بودياب") == "فاطمة بودياب"
    assert spreadsheets.csv_value("") == ""
    assert spreadsheets.csv_value(-5) == -5
    assert spreadsheets.csv_value(None) is None
    out = io.StringIO()
    spreadsheets.csv_writer(out).writerows([["name", "phone", "balance"], ["Fatima", PHONE, -5]])
    assert _csv_rows(out.getvalue()) == [["name", "phone", "balance"], ["Fatima", "'" + PHONE, "-5"]]


def test_csv_quotes_every_field_so_another_separator_cannot_split_a_cell():
    out = io.StringIO()
    spreadsheets.csv_writer(out).writerow(['x;=1+2";=1+2', "ok"])
    assert out.getvalue() == '"x;=1+2"";=1+2","ok"\r\n'


def test_xlsx_keeps_values_but_stores_them_as_text():
    workbook = Workbook()
    sheet = workbook.active
    spreadsheets.append_row(sheet, [*PAYLOADS, PHONE, -5, 2.5, "#N/A", "\x07=1", "plain"])
    content = spreadsheets.xlsx_bytes(workbook)
    _assert_xlsx_safe(content, [*PAYLOADS, PHONE, "#N/A"])
    row = {cell.column: cell for cell in load_workbook(io.BytesIO(content)).active[1]}
    n = len(PAYLOADS)
    assert row[n + 1].value == PHONE  # a phone number stays exactly readable
    assert (row[n + 2].value, row[n + 2].data_type) == (-5, "n")  # real numbers stay numbers
    assert (row[n + 3].value, row[n + 3].data_type) == (2.5, "n")
    assert row[n + 5].value == "\ufffd=1"  # a control character xlsx cannot hold is replaced, not fatal
    assert row[n + 6].value == "plain" and not row[n + 6].quotePrefix


# --- every export of the portal ----------------------------------------------------------------


@pytest.mark.django_db
def test_admin_roster_xlsx(secretariat_client_for_exports):
    mandate = MandateFactory()
    for payload in PAYLOADS:
        SeatFactory(mandate=mandate, person=PersonFactory(name_ar=payload))
    response = secretariat_client_for_exports.get(reverse("admin:bureau_mandate_export", args=[mandate.pk]))
    assert response.status_code == 200
    _assert_xlsx_safe(response.content, PAYLOADS)


@pytest.mark.django_db
@pytest.mark.parametrize("export_format", ["xlsx", "csv"])
def test_admin_people_export(admin_client, export_format):
    for payload in PAYLOADS:
        PersonFactory(name_ar=payload, phone=PHONE)
    page = admin_client.get("/ar/admin/members/person/export/").content.decode()
    choice = page.split(f">{export_format}</option>")[0].rsplit('value="', 1)[1].split('"')[0]
    data = {
        "format": choice,
        "resource": "0",
        "personprivateresource_name_ar": "on",
        "personprivateresource_phone": "on",
    }
    response = admin_client.post("/ar/admin/members/person/export/", data)
    assert response.status_code == 200, response.content[:500]
    if export_format == "xlsx":
        _assert_xlsx_safe(response.content, [*PAYLOADS, PHONE])
    else:
        text = response.content.decode("utf-8")
        _assert_csv_safe(text, [*PAYLOADS, PHONE])


@pytest.mark.django_db
def test_admin_attendance_xlsx(admin_client):
    session = SessionFactory()
    for payload in PAYLOADS:
        Registration.objects.create(session=session, participant_name=payload, council=a_council())
    response = admin_client.post(
        reverse("admin:training_trainingsession_changelist"),
        {"action": "export_attendance", "_selected_action": [session.pk]},
    )
    _assert_xlsx_safe(response.content, PAYLOADS)


@pytest.mark.django_db
def test_public_open_data_csv(client):
    mandate = MandateFactory()
    for payload in PAYLOADS:
        SeatFactory(mandate=mandate, person=PersonFactory(name_ar=payload, name_fr=payload))
    response = client.get("/ar/bureau/open-data/bureau.csv")
    assert response.status_code == 200
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")  # still readable as UTF-8 by spreadsheet programs
    _assert_csv_safe(text, PAYLOADS)
    assert _csv_rows(text)[0][:5] == ["organization", "title", "office", "rank", "name_ar"]


@pytest.mark.django_db
def test_public_programme_xlsx(client):
    programme = ActionProgramme.objects.create(year=2031, title="برنامج", published=True)
    for order, payload in enumerate(PAYLOADS, start=1):
        ProgrammeLine.objects.create(
            programme=programme, order=order, activity=payload, start_date=datetime.date(2031, 1, order)
        )
    response = client.get("/ar/events/programme/2031/programme.xlsx")
    assert response.status_code == 200
    _assert_xlsx_safe(response.content, PAYLOADS)


def test_every_admin_export_goes_through_the_neutralising_formats():
    """A new ``ImportExportMixin`` admin cannot quietly offer an unescaped format (tsv, html...)."""
    checked = 0
    for model_admin in admin.site._registry.values():
        if hasattr(model_admin, "get_export_formats"):
            formats = model_admin.get_export_formats()
            assert formats, model_admin
            for export_format in formats:
                assert issubclass(export_format, spreadsheets.SAFE_EXPORT_FORMATS), (
                    model_admin,
                    export_format,
                )
            checked += 1
    assert checked >= 3  # councils, people, programme lines


@pytest.fixture
def secretariat_client_for_exports(client, django_user_model):
    from django.contrib.auth.models import Group

    from portal.roles import SECRETARIAT

    user = django_user_model.objects.create_user(
        "secretariat", "s@example.org", "a-long-test-password", is_staff=True
    )
    user.groups.add(Group.objects.get(name=SECRETARIAT))
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_a_csv_export_imports_back_unchanged(admin_client, tmp_path):
    """The apostrophe is for the spreadsheet program: reading the file back takes it off again."""
    from django.core.management import call_command

    from members.models import Person

    person = CouncilSeatFactory(person__name_ar="=1+2 حنان", person__phone=PHONE).person
    page = admin_client.get("/ar/admin/members/person/export/").content.decode()
    choice = page.split(">csv</option>")[0].rsplit('value="', 1)[1].split('"')[0]
    fields = [
        "name_ar",
        "name_fr",
        "gender",
        "council",
        "role",
        "start_year",
        "number",
        "status",
        "joined_on",
    ]
    data = {"format": choice, "resource": "0", **{f"personprivateresource_{f}": "on" for f in fields}}
    data["personprivateresource_phone"] = "on"
    exported = admin_client.post("/ar/admin/members/person/export/", data).content.decode("utf-8")
    assert "'=1+2 حنان" in exported and f"'{PHONE}" in exported
    Person.objects.filter(pk=person.pk).update(phone="", name_fr="")
    path = tmp_path / "people.csv"
    path.write_text(exported, encoding="utf-8")
    call_command("import_members", str(path), stdout=io.StringIO())
    person.refresh_from_db()
    assert (person.name_ar, person.phone.as_e164) == ("=1+2 حنان", PHONE)
    assert spreadsheets.CSV().create_dataset("a,b\r\n'=1,''x\r\n")[0] == ("=1", "''x")
