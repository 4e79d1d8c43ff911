"""Every xlsx the portal hands out reads as a document of the association (issue 22, item 5):
named sheets, right to left in Arabic, real dates and numbers, a frozen bold header and columns
as wide as their content; and text that looks like a formula still stays text.

Each file is opened again with openpyxl, as the secretariat's spreadsheet program would.
"""

import datetime
import io

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone, translation
from import_export.admin import ImportMixin
from openpyxl import load_workbook

from bureau.models import OfficeKind
from events.models import ActionProgramme, ProgrammeLine
from members.models import Membership
from portal import spreadsheets
from tests.bureau.factories import MandateFactory, SeatFactory
from tests.members.factories import MembershipFactory, PersonFactory
from tests.members.factories import SeatFactory as CouncilSeatFactory
from tests.training.factories import EventFactory, RegistrationFactory, SessionFactory
from training.models import Registration

FORMULA = '=HYPERLINK("http://x","y")'


def _workbook(content):
    return load_workbook(io.BytesIO(content))


def _width(sheet, column):
    return sheet.column_dimensions[column].width


def _assert_laid_out(sheet, *, title, rtl, header_row=1):
    assert sheet.title == title
    assert bool(sheet.sheet_view.rightToLeft) is rtl
    assert sheet.freeze_panes == f"A{header_row + 1}"
    header = [cell for cell in sheet[header_row] if cell.value is not None]
    assert header and all(cell.font.bold for cell in header)
    assert sheet.auto_filter.ref.startswith(f"A{header_row}:")


# --- the helper ------------------------------------------------------------------------------


def test_write_table_types_names_and_sizes_the_cells():
    joined = datetime.date(2021, 9, 8)
    seen = timezone.make_aware(datetime.datetime(2026, 3, 17, 9, 30))
    with translation.override("ar"):
        content = spreadsheets.table_xlsx(
            ["الاسم", "السنة", "التاريخ", "آخر دخول", "ملاحظة"],
            [
                ["فاطمة الزهراء بنعلي", 2021, joined, seen, FORMULA],
                ["عبد الله", 2015, None, None, "سطر أول\nسطر ثان"],
            ],
            title="الأعضاء: 2026/03",
        )
    workbook = _workbook(content)
    sheet = workbook.active
    _assert_laid_out(sheet, title="الأعضاء- 2026-03", rtl=True)  # ":" and "/" are refused by Excel
    assert workbook.properties.title == "الأعضاء: 2026/03"
    _name, year, date, moment, formula = sheet[2]
    assert (year.value, year.data_type) == (2021, "n")
    assert date.is_date and date.value == datetime.datetime(2021, 9, 8) and date.number_format == "dd/mm/yyyy"
    # Local wall-clock time (Africa/Casablanca), without a zone xlsx cannot store.
    assert moment.is_date and moment.value == datetime.datetime(2026, 3, 17, 9, 30)
    assert formula.value == FORMULA and formula.data_type == "s" and formula.quotePrefix
    assert sheet["E3"].alignment.wrap_text
    assert _width(sheet, "A") == len("فاطمة الزهراء بنعلي") + 2
    assert spreadsheets.MIN_WIDTH <= _width(sheet, "B") < _width(sheet, "A")
    assert _width(sheet, "C") == len("dd/mm/yyyy") + 2


def test_french_sheets_run_left_to_right_and_names_are_made_unique():
    with translation.override("fr"):
        content = spreadsheets.table_xlsx(["Nom"], [["x" * 200]], title="Membres")
    sheet = _workbook(content).active
    _assert_laid_out(sheet, title="Membres", rtl=False)
    assert _width(sheet, "A") == spreadsheets.MAX_WIDTH and sheet["A2"].alignment.wrap_text
    assert spreadsheets.sheet_title("a" * 40, taken={"a" * 31}) == "a" * 27 + " (2)"
    assert spreadsheets.sheet_title("[?*]") == "----"


# --- every export ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_admin_people_export_names_the_sheet_and_keeps_dates_and_years(admin_client):
    person = CouncilSeatFactory(person__name_ar=FORMULA, start_year=2021).person
    MembershipFactory(person=person, joined_on=datetime.date(2022, 1, 15), status=Membership.Status.ACTIVE)
    page = admin_client.get("/ar/admin/members/person/export/").content.decode()
    choice = page.split(">xlsx</option>")[0].rsplit('value="', 1)[1].split('"')[0]
    fields = ["name_ar", "start_year", "joined_on"]
    data = {"format": choice, "resource": "0", **{f"personprivateresource_{f}": "on" for f in fields}}
    response = admin_client.post("/ar/admin/members/person/export/", data)
    sheet = _workbook(response.content).active
    _assert_laid_out(sheet, title="الأشخاص", rtl=True)
    assert [cell.value for cell in sheet[1]] == ["الاسم", "بداية الولاية", "تاريخ الانخراط"]
    name, year, joined = sheet[2]
    assert name.value == FORMULA and name.data_type == "s" and name.quotePrefix
    assert (year.value, year.data_type) == (2021, "n")
    assert joined.is_date and joined.value == datetime.datetime(2022, 1, 15)


@pytest.mark.django_db
def test_admin_councils_export_in_french_is_left_to_right(admin_client):
    page = admin_client.get("/fr/admin/members/council/export/").content.decode()
    choice = page.split(">xlsx</option>")[0].rsplit('value="', 1)[1].split('"')[0]
    response = admin_client.post(
        "/fr/admin/members/council/export/",
        {"format": choice, "resource": "0", "councilresource_code": "on", "councilresource_name_ar": "on"},
    )
    sheet = _workbook(response.content).active
    _assert_laid_out(sheet, title="Conseils", rtl=False)


@pytest.mark.django_db
def test_public_programme_export_has_real_dates_and_numbers(client):
    programme = ActionProgramme.objects.create(year=2031, title="برنامج", published=True)
    ProgrammeLine.objects.create(
        programme=programme, order=1, activity=FORMULA, start_date=datetime.date(2031, 3, 17)
    )
    sheet = _workbook(client.get("/ar/events/programme/2031/programme.xlsx").content).active
    _assert_laid_out(sheet, title="برنامج العمل 2031", rtl=True)
    row = {header.value: cell for header, cell in zip(sheet[1], sheet[2], strict=True)}
    assert (row["السنة"].value, row["السنة"].data_type) == (2031, "n")
    assert (row["الترتيب"].value, row["الترتيب"].data_type) == (1, "n")
    assert row["التاريخ"].is_date and row["التاريخ"].value == datetime.datetime(2031, 3, 17)
    assert row["طبيعة النشاط"].value == FORMULA and row["طبيعة النشاط"].quotePrefix
    french = _workbook(client.get("/fr/events/programme/2031/programme.xlsx").content).active
    _assert_laid_out(french, title="Programme d'action 2031", rtl=False)


@pytest.mark.django_db
def test_attendance_export_has_one_named_sheet_per_session(admin_client):
    day = datetime.date(2026, 3, 17)
    first, second = (SessionFactory(event=EventFactory(start_date=day)) for _ in range(2))
    RegistrationFactory(session=first, person__name_ar=FORMULA, status=Registration.Status.ATTENDED)
    response = admin_client.post(
        reverse("admin:training_trainingsession_changelist"),
        {"action": "export_attendance", "_selected_action": [first.pk, second.pk]},
    )
    workbook = _workbook(response.content)
    assert sorted(workbook.sheetnames) == ["17-03-2026", "17-03-2026 (2)"]
    sheet = workbook["17-03-2026"] if workbook["17-03-2026"].max_row > 4 else workbook["17-03-2026 (2)"]
    _assert_laid_out(sheet, title=sheet.title, rtl=True, header_row=4)
    assert sheet["A2"].is_date and sheet["A2"].value == datetime.datetime(2026, 3, 17)
    assert _width(sheet, "A") >= len("dd/mm/yyyy")  # the date shows, not ###
    number, name, _council, _status = sheet[5]
    assert (number.value, number.data_type) == (1, "n")
    assert name.value == FORMULA and name.quotePrefix


@pytest.mark.django_db
def test_roster_export_is_a_named_right_to_left_table(admin_client):
    mandate = MandateFactory()
    SeatFactory(
        mandate=mandate, office=OfficeKind.VICE_PRESIDENT, rank=2, person=PersonFactory(name_ar=FORMULA)
    )
    response = admin_client.get(reverse("admin:bureau_mandate_export", args=[mandate.pk]))
    sheet = _workbook(response.content).active
    _assert_laid_out(sheet, title="التشكيلة", rtl=True)
    _office, rank, name, _gender, _council = sheet[2]
    assert (rank.value, rank.data_type) == (2, "n")
    assert name.value == FORMULA and name.quotePrefix


@pytest.mark.django_db
def test_every_admin_import_form_offers_only_its_formats(admin_client):
    """The file picker of each spreadsheet import offers its formats only (``accept``)."""
    importing = [
        model for model, model_admin in admin.site._registry.items() if isinstance(model_admin, ImportMixin)
    ]
    assert importing
    for model in importing:
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_import")
        form = admin_client.get(url).context["form"]
        accept = form.fields["import_file"].widget.attrs.get("accept", "")
        assert set(accept.split(",")) == {
            ".xlsx",
            ".csv",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "text/csv",
        }, url
