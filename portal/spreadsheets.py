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
"""

import csv
import io

import tablib
from import_export.formats import base_formats
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font
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


def _xlsx_cell(sheet, value):
    if isinstance(value, str):
        # Characters the xlsx format cannot hold: replaced, so that one name cannot break an export.
        value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
    cell = Cell(sheet, value=value)
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


def dataset_xlsx(dataset):
    """A tablib ``Dataset`` as .xlsx bytes, laid out as tablib does (bold frozen header, wrapped
    multi-line cells, columns as wide as their text) but written through :func:`append_row`."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = (dataset.title or "Tablib Dataset")[:31]
    if dataset.headers:
        for cell in append_row(sheet, dataset.headers):
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
    for row in dataset:
        for cell in append_row(sheet, row):
            if isinstance(cell.value, str) and "\n" in cell.value:
                cell.alignment = Alignment(wrap_text=True)
    widths = {}
    for row in sheet.iter_rows(values_only=True):
        for index, value in enumerate(row, start=1):
            widths[index] = max(widths.get(index, 0), len(str(value)))
    for index, width in widths.items():
        sheet.column_dimensions[get_column_letter(index)].width = width
    return xlsx_bytes(workbook)


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
