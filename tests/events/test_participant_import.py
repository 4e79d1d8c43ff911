"""Spreadsheet import of the people at activities (issue 20, item 9): a person of the register by
any spelling of their name, or a name and capacity as the source writes them; a file with one
bad row writes nothing, and the error names its row and column; the same file twice changes
nothing."""

import re

import pytest
import tablib

from events.models import EventParticipant
from events.resources import EventParticipantResource
from tests.events.factories import EventFactory
from tests.members.factories import PersonFactory

pytestmark = pytest.mark.django_db

HEADERS = ["رقم النشاط", "الدور", "الشخص في السجل", "الاسم", "الاسم بالفرنسية", "الجنس", "الصفة",
           "الصفة بالفرنسية", "الترتيب"]  # fmt: skip


def _dataset(rows):
    return tablib.Dataset(*rows, headers=HEADERS)


@pytest.fixture
def meeting():
    return EventFactory(title_ar="اجتماع المكتب التنفيذي 5 فبراير 2021")


@pytest.fixture
def president():
    return PersonFactory(name_ar="عبد الصمد السكال", name_fr="Abdessamad Sekkal", aliases="عبدالصمد سكال")


def test_rows_link_the_register_by_any_spelling_or_keep_the_typed_name(meeting, president):
    rows = [
        [meeting.pk, "مسير", "عبدالصمد سكال", "", "", "", "", "", 1],
        [meeting.pk, "متدخلة", "", "فاطمة الزهراء", "Fatima Zahra", "أنثى", "رئيسة المجلس", "Présidente", 2],
        [meeting.pk, "Official", "", "", "", "", "ممثل وكالة التعاون الألماني", "", ""],
    ]
    result = EventParticipantResource().import_data(_dataset(rows), dry_run=False)
    assert not result.has_errors() and not result.has_validation_errors()
    people = list(meeting.participants.order_by("order", "pk"))
    assert [(p.role, p.person_id, p.name_ar, p.capacity_ar) for p in people] == [
        ("official", None, "", "ممثل وكالة التعاون الألماني"),
        ("moderator", president.pk, "", ""),
        ("speaker", None, "فاطمة الزهراء", "رئيسة المجلس"),
    ]
    assert (
        people[2].gender == "f" and people[2].name_fr == "Fatima Zahra" and people[2].name == "فاطمة الزهراء"
    )
    EventParticipantResource().import_data(_dataset(rows), dry_run=False)  # the same file again
    assert EventParticipant.objects.count() == 3


@pytest.mark.parametrize(
    ("row", "column"),
    [
        (["999999", "متدخل", "", "اسم", "", "", "", "", ""], "رقم النشاط"),
        (["{event}", "رئيس الجلسة", "", "اسم", "", "", "", "", ""], "الدور"),
        (["{event}", "متدخل", "شخص لا يوجد", "", "", "", "", "", ""], "الشخص في السجل"),
        (["{event}", "متدخل", "", "اسم", "", "غير معروف", "", "", ""], "الجنس"),
        (["{event}", "متدخل", "", "اسم", "", "", "", "", "الأول"], "الترتيب"),
        # Past the column's range (PositiveIntegerField): a row error, not a database error.
        (["{event}", "متدخل", "", "اسم", "", "", "", "", "99999999999999999999"], "الترتيب"),
        (["{event}", "متدخل", "", "اسم", "", "", "", "", "2147483648"], "الترتيب"),
        (["{event}", "متدخل", "", "اسم", "", "", "", "", "inf"], "الترتيب"),
        (["{event}", "متدخل", "", "", "", "", "", "", ""], "الاسم"),  # nobody: no person, name or capacity
    ],
)
def test_a_bad_row_names_its_row_and_column_and_nothing_is_written(meeting, president, row, column):
    good = [meeting.pk, "متدخل", "Abdessamad Sekkal", "", "", "", "", "", 1]
    bad = [str(meeting.pk) if cell == "{event}" else cell for cell in row]
    result = EventParticipantResource().import_data(_dataset([good, bad]), dry_run=False)
    assert result.has_validation_errors()
    invalid = result.invalid_rows[0]
    assert invalid.number == 2
    messages = " ".join(str(message) for messages in invalid.error_dict.values() for message in messages)
    assert column in messages and re.search(
        r"\b3\b", messages
    )  # the spreadsheet's row 3 (the header is row 1)
    assert not EventParticipant.objects.exists()


def test_admin_import_previews_then_confirms_and_rejects_a_bad_file(
    admin_client, meeting, president, tmp_path
):
    path = tmp_path / "people.xlsx"
    path.write_bytes(_dataset([[meeting.pk, "متدخل", "شخص لا يوجد", "", "", "", "", "", ""]]).export("xlsx"))
    with path.open("rb") as handle:
        response = admin_client.post(
            "/ar/admin/events/eventparticipant/import/",
            {"resource": "0", "format": "0", "import_file": handle},
        )
    html = response.content.decode()
    assert "process_import" not in html and "شخص لا يوجد" in html and "الشخص في السجل" in html
    assert not EventParticipant.objects.exists()
    path.write_bytes(
        _dataset([[meeting.pk, "متدخل", "عبد الصمد السكال", "", "", "", "", "", ""]]).export("xlsx")
    )
    with path.open("rb") as handle:
        response = admin_client.post(
            "/ar/admin/events/eventparticipant/import/",
            {"resource": "0", "format": "0", "import_file": handle},
        )
    confirm = response.context["confirm_form"].initial
    response = admin_client.post("/ar/admin/events/eventparticipant/process_import/", confirm)
    assert response.status_code == 302
    assert EventParticipant.objects.get().person == president


def test_export_writes_no_private_contact(meeting):
    person = PersonFactory(
        name_ar="منتخب", phone="+212661000111", email="secret@example.org", address="SECRET"
    )
    EventParticipant.objects.create(event=meeting, person=person, role="speaker")
    csv = EventParticipantResource().export().export("csv")
    assert "منتخب" in csv
    for private in ("661000111", "secret@example.org", "SECRET"):
        assert private not in csv
