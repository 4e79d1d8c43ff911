"""Attendance exports for the secretariat: .xlsx (openpyxl) and printable PDF sign-in sheets.

Exports carry names and councils only: no phone, e-mail or address of anyone.
"""

from django.utils.translation import gettext
from openpyxl import Workbook
from openpyxl.styles import Font

from members.models import CouncilSeat
from portal.spreadsheets import write_table, xlsx_bytes
from training.models import SEAT_STATUSES, TrainingSession


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
    """One sheet per session, named by its date: the session's title, date and topics, then
    number, name, council and status (:func:`portal.spreadsheets.write_table`)."""
    workbook = Workbook()
    workbook.properties.title = str(TrainingSession._meta.verbose_name_plural)
    header = [gettext("No."), gettext("Name"), gettext("Council"), gettext("Status")]
    for index, session in enumerate(sessions):
        sheet = workbook.active if index == 0 else workbook.create_sheet()
        rows = [
            [
                number,
                registration.name,
                council.name if (council := registration.participant_council) else "",
                registration.get_status_display(),
            ]
            for number, registration in enumerate(session_registrations(session), start=1)
        ]
        write_table(
            sheet,
            header,
            rows,
            title=session.date.strftime("%d-%m-%Y") if session.date else session.event.title,
            preamble=[
                [session.event.title],
                [session.date, " · ".join(t.name for t in session.topic_list)],
                [],
            ],
        )
        sheet["A1"].font = Font(bold=True, size=13)
    if not sessions:
        write_table(workbook.active, header, [], title=gettext("Export"))
    return xlsx_bytes(workbook)
