"""Attendance exports for the secretariat: .xlsx (openpyxl) and printable PDF sign-in sheets.

Exports carry names and councils only: no phone, e-mail or address of anyone.
"""

from django.utils.translation import gettext
from openpyxl import Workbook
from openpyxl.styles import Font

from members.models import CouncilSeat
from portal.spreadsheets import append_row, xlsx_bytes
from training.models import SEAT_STATUSES


def attach_councils(registrations):
    """Set ``participant_council`` on each registration: the staff member's council, else the
    member's latest council seat (one query for all)."""
    person_ids = {r.person_id for r in registrations if r.person_id}
    latest = {}
    for seat in (
        CouncilSeat.objects.filter(person_id__in=person_ids)
        .select_related("council")
        .order_by("person_id", "start_year", "pk")
    ):
        latest[seat.person_id] = seat.council
    for registration in registrations:
        registration.participant_council = registration.council or latest.get(registration.person_id)
    return registrations


def session_registrations(session):
    rows = list(
        session.registrations.filter(status__in=SEAT_STATUSES)
        .select_related("person", "council")
        .order_by("created_at", "pk")
    )
    return attach_councils(rows)


def attendance_xlsx(sessions):
    """One sheet per session: number, name, council, status (right to left)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for session in sessions:
        date = session.date.isoformat() if session.date else ""
        sheet = workbook.create_sheet(title=(f"{date} {session.pk}")[:31])
        sheet.sheet_view.rightToLeft = True
        append_row(sheet, [session.event.title, date])
        append_row(sheet, [" · ".join(t.name for t in session.topic_list)])
        append_row(sheet, [])
        header = [gettext("No."), gettext("Name"), gettext("Council"), gettext("Status")]
        for cell in append_row(sheet, header):
            cell.font = Font(bold=True)
        for number, registration in enumerate(session_registrations(session), start=1):
            council = registration.participant_council
            append_row(
                sheet,
                [
                    number,
                    registration.name,
                    council.name if council else "",
                    registration.get_status_display(),
                ],
            )
        for column, width in zip("ABCD", (6, 40, 40, 18), strict=True):
            sheet.column_dimensions[column].width = width
    if not workbook.sheetnames:
        workbook.create_sheet(title="-")
    return xlsx_bytes(workbook)
