"""Every spreadsheet the portal hands out is written here, so that no text a member typed can run
as a formula in the reader's spreadsheet program (CSV or formula injection, OWASP; CWE-1236).

A cell is dangerous when its text starts with ``=``, ``+``, ``-`` or ``@`` (OWASP's list), with
their full-width forms ``＝ ＋ － ＠`` (typed by Arabic and East Asian keyboards and folded to the
ASCII ones by some spreadsheet programs), or with a control character (tab, carriage return, line
feed and the rest of C0, and DEL), which programs skip before looking for a formula.

One way per format, because the two formats can do different things:

* **CSV** has no types: a dangerous cell gets OWASP's leading apostrophe (``'+212612345678``),
  which spreadsheet programs read as "this is text" and hide, and every field is quoted (OWASP
  again), so a reader whose separator is ``;`` cannot split ``x;=1+2`` into a formula cell.
  Reading a CSV back (:func:`read_csv`, the members import) takes that apostrophe off again.
* **xlsx** has types: the value is kept exactly and the cell is stored as a string with the
  ``quotePrefix`` style, which is what Excel and LibreOffice themselves save when someone types
  ``'=1``. A phone number stays ``+212612345678`` (no apostrophe to strip on re-import: the
  roster and programme exports are re-imported as they are), the cell cannot be evaluated on
  opening, and editing it keeps it text. Real numbers and dates are left as numbers and dates.

django-import-export's own ``IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT`` is not used: it only
removes a leading ``=`` (so ``==1`` still exports ``=1``, and ``+``, ``-``, ``@`` pass), it
changes the value, and it turns every cell, numbers and empty ones included, into text.

Every xlsx sheet is laid out by :func:`write_table` (the admin's exports, the public programme,
the roster and the attendance lists alike): named after what it holds, right to left when the
active language is, a bold header row frozen (and filterable), columns as wide as their content,
and dates and numbers as real dates and numbers, so that they sort and compute.
"""

import csv
import datetime
import decimal
import io
import re

import tablib
from django.core.exceptions import PermissionDenied
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext
from import_export.formats import base_formats
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

FORMULA_STARTS = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")


def is_formula_like(value):
    """True for text a spreadsheet program could read as a formula."""
    if not isinstance(value, str) or not value:
        return False
    first = value[0]
    return first in FORMULA_STARTS or first < " " or first == "\x7f"


# --- CSV ---------------------------------------------------------------------------------------


def csv_value(value):
    """``value`` for a CSV cell: dangerous text behind an apostrophe, anything else unchanged."""
    return "'" + value if is_formula_like(value) else value


class CsvWriter:
    """``csv.writer`` with every field quoted and every cell through :func:`csv_value`."""

    def __init__(self, stream, **kwargs):
        kwargs.setdefault("quoting", csv.QUOTE_ALL)
        self._writer = csv.writer(stream, **kwargs)

    def writerow(self, row):
        return self._writer.writerow([csv_value(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


csv_writer = CsvWriter


def csv_unescape(value):
    """Undo :func:`csv_value` when a file comes back: ``'=1`` is read as ``=1``, ``'abc`` kept."""
    if isinstance(value, str) and value[:1] == "'" and is_formula_like(value[1:]):
        return value[1:]
    return value


def read_csv(text):
    """CSV text as a tablib ``Dataset`` (first row the headers), apostrophes of our exports undone."""
    dataset = tablib.Dataset().load(text, format="csv")
    for index, row in enumerate(dataset):
        dataset[index] = [csv_unescape(value) for value in row]
    return dataset


def dataset_csv(dataset):
    """A tablib ``Dataset`` as CSV text (what import-export's CSV export returned, made safe)."""
    stream = io.StringIO()
    writer = csv_writer(stream)
    if dataset.headers:
        writer.writerow(dataset.headers)
    writer.writerows(dataset)
    return stream.getvalue()


# --- xlsx --------------------------------------------------------------------------------------


#: How dates and times show (the value stays a date: it sorts and computes); day first, as in Morocco.
DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
TIME_FORMAT = "hh:mm"
NUMBER_FORMATS = (
    (datetime.datetime, DATETIME_FORMAT),
    (datetime.date, DATE_FORMAT),
    (datetime.time, TIME_FORMAT),
)


def _native(value):
    """``value`` as a type xlsx stores: local wall-clock time for aware datetimes (xlsx has no time
    zones), text for translated labels and other objects; numbers, dates, booleans unchanged."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value).replace(tzinfo=None)
    if isinstance(value, datetime.time) and value.tzinfo is not None:
        return value.replace(tzinfo=None)
    if value is None or isinstance(value, (str, int, float, decimal.Decimal, datetime.date, datetime.time)):
        return value
    return str(value)  # lazy translations, choices' labels, phone numbers...


def _xlsx_cell(sheet, value):
    value = _native(value)
    if isinstance(value, str):
        # Characters the xlsx format cannot hold: replaced, so that one name cannot break an export.
        value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
    cell = Cell(sheet, value=value)
    for kind, number_format in NUMBER_FORMATS:
        if isinstance(value, kind):
            cell.number_format = number_format
            break
    # openpyxl makes "=..." a formula and "#N/A" an error: both are text here.
    if isinstance(value, str) and (cell.data_type != "s" or is_formula_like(value)):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def append_row(sheet, values):
    """Append ``values`` to ``sheet`` as the next row (the one way cells are written); the cells."""
    cells = [_xlsx_cell(sheet, value) for value in values]
    sheet.append(cells)
    return cells


def xlsx_bytes(workbook):
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


#: Sheet names: at most 31 characters, none of these (Excel refuses the file otherwise).
SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
MIN_WIDTH, MAX_WIDTH = 6, 60
HEADER_FILL = PatternFill("solid", fgColor="E5E7EB")


def sheet_title(text, taken=()):
    """``text`` as a sheet name Excel accepts, told apart from the ``taken`` ones by a number."""
    title = SHEET_TITLE_FORBIDDEN.sub("-", " ".join(str(text).split())).strip("'") or gettext("Export")
    candidate, number = title[:31], 1
    while candidate in taken:
        number += 1
        suffix = f" ({number})"
        candidate = title[: 31 - len(suffix)] + suffix
    return candidate


def _display_width(value):
    """Roughly how many characters ``value`` takes on screen (its longest line)."""
    if value is None:
        return 0
    if isinstance(value, datetime.datetime):
        return len(DATETIME_FORMAT)
    if isinstance(value, datetime.date):
        return len(DATE_FORMAT)
    if isinstance(value, datetime.time):
        return len(TIME_FORMAT)
    return max(len(line) for line in str(value).splitlines() or [""])


def write_table(sheet, headers, rows, *, title, preamble=(), right_to_left=None, widths=None):
    """Lay ``sheet`` out as every spreadsheet of the portal: named ``title``, right to left when
    the active language is (unless ``right_to_left`` says), the ``preamble`` rows (a document's
    heading; its text spills over the empty cells beside it) then ``headers`` in bold, frozen and
    filterable, then ``rows``; each column as wide as its content (between MIN_WIDTH and
    MAX_WIDTH, longer text wrapped) unless ``widths`` gives it.
    Every cell goes through :func:`append_row`: text never runs as a formula."""
    sheet.title = sheet_title(title, set(sheet.parent.sheetnames) - {sheet.title})
    if right_to_left is None:
        right_to_left = translation.get_language_bidi()
    sheet.sheet_view.rightToLeft = right_to_left
    measured = {}
    for values in preamble:
        for index, cell in enumerate(append_row(sheet, values), start=1):
            if not isinstance(cell.value, str):  # text spills over the empty cells beside it
                measured[index] = max(measured.get(index, 0), _display_width(cell.value))
    for cell in append_row(sheet, headers):
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    header_row = sheet.max_row
    sheet.freeze_panes = f"A{header_row + 1}"
    for index, value in enumerate(headers, start=1):
        measured[index] = max(measured.get(index, 0), _display_width(value))
    for values in rows:
        for index, cell in enumerate(append_row(sheet, values), start=1):
            width = _display_width(cell.value)
            measured[index] = max(measured.get(index, 0), width)
            if isinstance(cell.value, str) and ("\n" in cell.value or width > MAX_WIDTH):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    if headers:
        last = get_column_letter(len(headers))
        sheet.auto_filter.ref = f"A{header_row}:{last}{max(sheet.max_row, header_row)}"
    for index, width in measured.items():
        if widths and index <= len(widths) and widths[index - 1]:
            width = widths[index - 1]
        else:
            width = min(MAX_WIDTH, max(MIN_WIDTH, width + 2))
        sheet.column_dimensions[get_column_letter(index)].width = width
    return sheet


def table_xlsx(headers, rows, *, title, **kwargs):
    """One table as the bytes of a one-sheet .xlsx (see :func:`write_table`)."""
    workbook = Workbook()
    workbook.properties.title = str(title)
    write_table(workbook.active, headers, rows, title=title, **kwargs)
    return xlsx_bytes(workbook)


def dataset_xlsx(dataset, *, title=None):
    """A tablib ``Dataset`` as .xlsx bytes, its sheet named ``title`` (else the dataset's title)."""
    return table_xlsx(dataset.headers or [], list(dataset), title=title or dataset.title or gettext("Export"))


# --- django-import-export ----------------------------------------------------------------------


class CSV(base_formats.CSV):
    """import-export's CSV, exported through :func:`dataset_csv` and read through :func:`read_csv`."""

    def create_dataset(self, in_stream, **kwargs):
        if isinstance(in_stream, bytes):
            in_stream = in_stream.decode(self.encoding or "utf-8")
        return read_csv(in_stream)

    def export_data(self, dataset, **kwargs):
        return dataset_csv(dataset)


class XLSX(base_formats.XLSX):
    """import-export's XLSX (import unchanged), exported through :func:`dataset_xlsx`."""

    def export_data(self, dataset, **kwargs):
        return dataset_xlsx(dataset)


#: The only formats an admin may offer for export.
SAFE_EXPORT_FORMATS = (CSV, XLSX)


class SpreadsheetExportMixin:
    """For an admin with ``ImportExportMixin``: the export in :data:`SAFE_EXPORT_FORMATS` only,
    its sheet named after the model ("الأشخاص", "Personnes"), dates and numbers as such in xlsx.

    import-export gives binary formats native values by looking up the exact class of the format
    in its own list, which the portal's :class:`XLSX` is not; ``is_binary()`` says the same."""

    export_formats = [XLSX, CSV]
    import_formats = [XLSX, CSV]

    def create_import_form(self, request):
        """import-export's form, its file picker offering only the import formats (``accept``)."""
        form = super().create_import_form(request)
        formats = [format_class() for format_class in self.get_import_formats()]
        extensions = [f".{file_format.get_extension()}" for file_format in formats]
        form.fields["import_file"].widget.attrs["accept"] = ",".join(
            [*extensions, *(file_format.get_content_type() for file_format in formats)]
        )
        return form

    def get_export_sheet_title(self):
        return capfirst(self.model._meta.verbose_name_plural)

    def get_export_data(self, file_format, request, queryset, **kwargs):
        if not self.has_export_permission(request):
            raise PermissionDenied
        kwargs["force_native_type"] = file_format.is_binary()
        dataset = self.get_data_for_export(request, queryset, **kwargs)
        dataset.title = str(self.get_export_sheet_title())
        data = file_format.export_data(dataset)
        encoding = kwargs.get("encoding")
        if not file_format.is_binary() and encoding:
            data = data.encode(encoding)
        return data
