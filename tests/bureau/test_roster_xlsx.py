"""A roster in Excel, in the shape a secretariat types it: export, import all or nothing."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from tests.bureau.factories import MandateFactory, SeatFactory
from tests.members.factories import PersonFactory, council


def _xlsx(rows, name="roster.xlsx"):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    data = io.BytesIO()
    workbook.save(data)
    return SimpleUploadedFile(name, data.getvalue())


HEADER = ["المهمة", "الرتبة", "الاسم", "الجنس", "المجلس الممثَّل"]


@pytest.mark.django_db
def test_export_lists_the_roster_in_protocol_order(secretariat_client):
    mandate = MandateFactory()
    SeatFactory(
        mandate=mandate, office="councillor", person=PersonFactory(name_ar="فاطمة بودياب", gender="f")
    )
    SeatFactory(mandate=mandate, office="president", person=PersonFactory(name_ar="عبد الله الجوط"),
                council=council("05.311"))  # fmt: skip
    response = secretariat_client.get(reverse("admin:bureau_mandate_export", args=[mandate.pk]))
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0] == tuple(HEADER)
    assert rows[1][:3] == ("الرئيس", None, "عبد الله الجوط") and "خريبكة" in rows[1][4]
    assert rows[2][:3] == ("مستشار", None, "فاطمة بودياب") and rows[2][4] is None


@pytest.mark.django_db
def test_import_adds_seats_matching_people_by_any_spelling(secretariat_client):
    mandate = MandateFactory()
    PersonFactory(name_ar="اعتماد الزهيدي", name_fr="Itimad Zahidi", gender="f")
    PersonFactory(name_ar="عبد الله كاريم", name_fr="Abdellah Karim")
    upload = _xlsx([HEADER, ["نائب الرئيس", 11, "إعتماد الزهيدى", "أنثى", ""],
                    ["Vice-président", 12, "Abdellah Karim", "", "المجلس الإقليمي لخريبكة"]])  # fmt: skip
    url = reverse("admin:bureau_mandate_import", args=[mandate.pk])
    response = secretariat_client.post(url, {"file": upload})
    assert response.status_code == 302
    titles = [seat.title("ar") for seat in mandate.seats.order_by("order")]
    assert titles == ["النائبة الحادية عشرة للرئيس", "النائب الثاني عشر للرئيس"]
    assert mandate.seats.get(rank=12).council.province.code == "05.311"


@pytest.mark.django_db
def test_a_wrong_row_imports_nothing_and_every_error_is_listed(secretariat_client):
    mandate = MandateFactory()
    PersonFactory(name_ar="اعتماد الزهيدي", gender="f")
    upload = _xlsx(
        [HEADER, ["نائب الرئيس", 11, "اعتماد الزهيدي", "ذكر", ""], ["خليفة", "ثالث", "شخص مجهول", "", ""]]
    )
    response = secretariat_client.post(
        reverse("admin:bureau_mandate_import", args=[mandate.pk]), {"file": upload}
    )
    html = response.content.decode()
    assert response.status_code == 200 and mandate.seats.count() == 0
    for text in ("2", "خليفة", "ثالث", "شخص مجهول"):
        assert text in html
    assert html.count("<li>") >= 4
    not_excel = SimpleUploadedFile("roster.xlsx", b"not a zip")
    response = secretariat_client.post(
        reverse("admin:bureau_mandate_import", args=[mandate.pk]), {"file": not_excel}
    )
    assert response.status_code == 200 and "errorlist" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("rank", [100000000000000000000, "100000000000000000000", 40000, 32768, 1.5, "inf"])
def test_a_rank_its_column_cannot_hold_is_a_row_error_and_nothing_is_saved(secretariat_client, rank):
    """``Seat.rank`` is a PositiveSmallIntegerField (at most 32767 on PostgreSQL): a larger rank
    gave a 500 (past 2^63 − 1 on SQLite) or was stored in the small-integer column."""
    mandate = MandateFactory()
    PersonFactory(name_ar="عبد الله كاريم", name_fr="Abdellah Karim")
    upload = _xlsx(
        [HEADER, ["نائب الرئيس", 3, "عبد الله كاريم", "", ""], ["عضو", rank, "عبد الله كاريم", "", ""]]
    )
    response = secretariat_client.post(
        reverse("admin:bureau_mandate_import", args=[mandate.pk]), {"file": upload}
    )
    assert response.status_code == 200 and mandate.seats.count() == 0
    html = response.content.decode()
    assert "السطر 3: الرتبة" in html and "32767" in html, html


@pytest.mark.django_db
def test_the_import_takes_and_names_only_xlsx(secretariat_client):
    """The file picker offers .xlsx only, and another kind is refused naming .xlsx alone (it
    listed every document type of the portal: .pdf, .docx …, which the import then refused)."""
    mandate = MandateFactory()
    url = reverse("admin:bureau_mandate_import", args=[mandate.pk])
    html = secretariat_client.get(url).content.decode()
    assert 'accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"' in html
    for name, content in (("evil.svg", b"<svg/>"), ("report.pdf", b"%PDF-1.7\n")):
        response = secretariat_client.post(url, {"file": SimpleUploadedFile(name, content)})
        (error,) = response.context["form"].errors["file"]
        assert error.rsplit(":", 1)[1].strip().rstrip(".") == ".xlsx", error  # "… accepted types: .xlsx."
    assert mandate.seats.count() == 0
