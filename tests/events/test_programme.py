"""The 2022 action programme (seed 002): public table, printable, .xlsx export and import."""

import datetime
import io
import re

import openpyxl
import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext as _

from events.models import ActionProgramme, Event, ProgrammeLine
from events.resources import ProgrammeLineResource
from events.services import programme_line_schedule

pytestmark = pytest.mark.django_db

TO_BE_SET_AR = "حسب التاريخ المقترح"


def rows(page):
    body = re.search(r"<tbody>(.*?)</tbody>", page, re.S).group(1)
    return re.findall(r"<tr>(.*?)</tr>", body, re.S)


def text(fragment):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", fragment)).strip()


def test_programme_page_is_the_table_of_seed_002(client, demo):
    page = client.get("/ar/events/programme/").content.decode()
    assert "برنامج عمل الجمعية المغربية لرؤساء مجالس العمالات والأقاليم لسنة 2022" in page
    lines = [text(row) for row in rows(page)]
    assert len(lines) == 37
    # Column order as in the source: activity, date, content, note.
    assert re.findall(r'<th scope="col">([^<]+)</th>', page) == [
        "طبيعة النشاط",
        "التاريخ",
        "المحتوى",
        "ملاحظة",
    ]
    first = lines[0]
    assert "اجتماع تنسيقي مع السيد الخازن العام للمملكة" in first
    assert TO_BE_SET_AR in first
    assert "من أجل توحيد مسطرة التعامل مع عملية صرف المنحة السنوية للجمعية" in first
    assert "تعتبر المنحة السنوية نفقة إجبارية حسب الدورية الوزارية" in first
    assert "17 مارس" in lines[1] and "الدعوة للمشاركة حضوريا 18 منتخبا بمقر الجمعية" in lines[1]
    assert "22 مارس" in lines[2] and "24 مارس" in lines[2]
    assert "تحديد التاريخ من طرف السيدة بوعيدة رئيسة الوفد المغربي" in lines[4] and TO_BE_SET_AR in lines[4]
    assert "15 مارس" in lines[6] and "10:00" in lines[6]
    assert [index + 1 for index, line in enumerate(lines) if TO_BE_SET_AR in line] == [1, 5, 8, 9, 10]
    assert "السبت 30 أبريل" in lines[14] and "اجتماع المكتب التنفيذي" in lines[14]
    assert "مؤتمر أفريسيتي" in lines[16] and "17 ماي" in lines[16]
    assert "24 دجنبر" in lines[36]
    assert "data-print" in page  # the print button (static/js/portal.js, no inline handler)
    assert "/events/programme/2022/programme.xlsx" in page
    french = client.get("/fr/events/programme/2022/").content.decode()
    assert "Date à fixer" in french and "Sommet Africités au Kenya" in french


def test_programme_links_only_events_the_visitor_may_see(client, demo):
    line = ProgrammeLine.objects.get(programme__year=2022, order=1)
    event = programme_line_schedule(line=line)  # the demo put the line in the calendar already
    assert event == line.event and event.is_to_be_set and event.intended_year == 2022
    event.visibility = Event.Visibility.MEMBERS
    event.save()
    page = client.get("/ar/events/programme/").content.decode()
    assert f"/ar/events/event/{event.pk}/" not in page
    assert "اجتماع تنسيقي مع السيد الخازن العام للمملكة" in page  # the line itself stays public


def test_unpublished_or_unknown_programme_is_not_found(client, demo):
    ActionProgramme.objects.update(published=False)
    assert client.get("/ar/events/programme/").status_code == 404
    assert client.get("/ar/events/programme/2022/").status_code == 404
    assert client.get("/ar/events/programme/2022/programme.xlsx").status_code == 404


def _export(client):
    response = client.get("/ar/events/programme/2022/programme.xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return response.content


def test_export_is_a_spreadsheet_of_every_line(client, demo):
    sheet = openpyxl.load_workbook(io.BytesIO(_export(client))).active
    values = list(sheet.values)
    assert values[0][:5] == ("السنة", "الترتيب", "النوع", "طبيعة النشاط", "التاريخ")
    assert len(values) == 1 + 37
    assert values[1][3] == "اجتماع تنسيقي مع السيد الخازن العام للمملكة"
    assert values[1][4] in (None, "")  # to be set: no date invented
    assert values[2][4] == datetime.datetime(2022, 3, 17)  # a real date, not text


def _dataset(content):
    return tablib.Dataset().load(content, format="xlsx")


def located(row, column, problem):
    return _("Row %(row)s, column “%(column)s”: %(error)s") % {"row": row, "column": column, "error": problem}


def _snapshot():
    return list(ProgrammeLine.objects.order_by("pk").values())


def test_import_round_trip_updates_lines(client, demo):
    data = _dataset(_export(client))
    row = list(data[3])
    row[9] = "ملاحظة جديدة"
    data[3] = row
    result = ProgrammeLineResource().import_data(data, dry_run=False)
    assert not result.has_errors() and not result.has_validation_errors()
    assert ProgrammeLine.objects.count() == 37
    line = ProgrammeLine.objects.get(programme__year=2022, order=4)
    assert line.note_ar == "ملاحظة جديدة"
    assert line.start_date == datetime.date(2022, 3, 26)


def test_a_bad_row_rejects_the_whole_import_naming_row_and_column(client, demo):
    data = _dataset(_export(client))
    good = list(data[0])
    good[9] = "تغيير يجب ألا يحفظ"
    data[0] = good
    bad = list(data[5])
    bad[4] = "32/13/2022"
    data[5] = bad
    before = _snapshot()
    result = ProgrammeLineResource().import_data(data, dry_run=False)
    assert result.has_validation_errors()
    messages = [m for invalid in result.invalid_rows for ms in invalid.error_dict.values() for m in ms]
    problem = _("“%(value)s” is not a date: write it as 2022-03-17 or 17/03/2022.") % {"value": "32/13/2022"}
    assert messages == [located(7, "التاريخ", problem)]
    assert _snapshot() == before


def test_admin_import_shows_the_errors_and_writes_nothing(admin_client, client, demo):
    data = _dataset(_export(client))
    bad = list(data[2])
    bad[2] = "نوع غير موجود"
    data[2] = bad
    new = list(data[0])
    new[1] = 99
    data.append(new)
    before = _snapshot()
    upload = SimpleUploadedFile("programme.xlsx", data.export("xlsx"))
    page = admin_client.get("/ar/admin/events/programmeline/import/").content.decode()
    xlsx_choice = re.search(r'<option value="(\d+)">xlsx</option>', page).group(1)
    response = admin_client.post(
        "/ar/admin/events/programmeline/import/",
        {"format": xlsx_choice, "import_file": upload, "resource": "0"},
    )
    body = response.content.decode()
    with translation.override("ar"):
        problem = _("No kind of activity is called “%(name)s”.") % {"name": "نوع غير موجود"}
        assert escape(located(4, "النوع", problem)) in body
    assert 'name="confirm' not in body and "process_import" not in body
    assert _snapshot() == before


def test_import_accepts_excel_dates_and_french_kind_names(demo):
    data = tablib.Dataset(headers=[f.column_name for f in ProgrammeLineResource().get_export_fields()])
    row = [None] * len(data.headers)
    row[0], row[1], row[2], row[3] = 2022, 50, "Séminaire", "ندوة"
    row[4] = datetime.datetime(2022, 12, 3)
    data.append(row)
    result = ProgrammeLineResource().import_data(data, dry_run=False)
    assert not result.has_errors() and not result.has_validation_errors()
    line = ProgrammeLine.objects.get(programme__year=2022, order=50)
    assert line.kind.slug == "seminar" and line.start_date == datetime.date(2022, 12, 3)
    assert line.activity == "ندوة" and line.note == ""
