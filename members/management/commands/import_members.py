import sys
import time
from pathlib import Path

import tablib
from django.core.management.base import BaseCommand, CommandError

from members.resources import PersonPrivateResource
from portal import spreadsheets
from portal.content_version import content_changed


class ProgressResource(PersonPrivateResource):
    """The admin's resource, reporting its progress on a stream as it goes."""

    def __init__(self, *args, stream=None, total=0, **kwargs):
        super().__init__(*args, **kwargs)
        self.stream, self.total, self.started = stream, total, time.monotonic()

    def after_import_row(self, row, row_result, **kwargs):
        super().after_import_row(row, row_result, **kwargs)
        number = kwargs.get("row_number", 0)
        if self.stream and (number % 1000 == 0 or number == self.total):
            width = 30
            done = int(width * number / max(self.total, 1))
            rate = number / max(time.monotonic() - self.started, 1e-6)
            self.stream.write(
                f"\r[{'#' * done}{'.' * (width - done)}] {number}/{self.total} ({rate:.0f} rows/s)"
            )
            self.stream.flush()


def read_dataset(path):
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        with path.open("rb") as handle:
            return tablib.Dataset().load(handle.read(), format="xlsx")
    if suffix == ".csv":
        return spreadsheets.read_csv(path.read_text(encoding="utf-8-sig"))
    raise CommandError(f"{path.name}: only .xlsx and .csv files can be imported.")


def describe_errors(result, resource):
    """One line per problem: row number, column and reason."""
    columns = {field.attribute: field.column_name for field in resource.fields.values()}
    lines = []
    for error in result.base_errors:
        lines.append(str(error.error))
    for row_number, errors in result.row_errors():
        for error in errors:
            lines.append(f"row {row_number}: {error.error}")
    for invalid in result.invalid_rows:
        for attribute, messages in invalid.error_dict.items():
            column = columns.get(attribute, attribute)
            for message in messages:
                lines.append(f"row {invalid.number}, {column}: {message}")
    return lines


class Command(BaseCommand):
    help = "Import elected officials (people, council seats, memberships) from an .xlsx or .csv file."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the file and report; write nothing."
        )

    def handle(self, *args, file, dry_run, **options):
        dataset = read_dataset(file)
        resource = ProgressResource(stream=self.stdout, total=len(dataset))
        started = time.monotonic()
        result = resource.import_data(
            dataset, dry_run=dry_run, use_transactions=True, rollback_on_validation_errors=True
        )
        self.stdout.write("")
        if not dry_run:
            content_changed()  # rows written in bulk, without signals
        if result.has_errors() or result.has_validation_errors():
            for line in describe_errors(result, resource):
                self.stderr.write(line)
            raise CommandError("Nothing was imported: correct the file and try again.")
        totals = result.totals
        elapsed = time.monotonic() - started
        self.stdout.write(
            f"{len(dataset)} rows in {elapsed:.1f} s: {totals['new']} new, {totals['update']} updated"
            + (" (dry run: nothing written)" if dry_run else "")
        )
        sys.stdout.flush()
