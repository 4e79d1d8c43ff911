"""Whole numbers read from outside (a query string, an address, a spreadsheet cell), checked
against the column they are meant for before a query or a save sees them.

A column has a range (a PostgreSQL ``smallint`` stops at 32767, a ``bigint`` at 2^63 − 1); SQLite
stores nearly anything, and Python's ``sqlite3`` raises ``OverflowError`` past 2^63 − 1 (a 500).
The range used here is the portable one (Django's table of column ranges, PostgreSQL's), narrowed
by the field's own ``MinValueValidator``/``MaxValueValidator``: a value SQLite would take but
PostgreSQL refuse is refused on both.
"""

import math

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connection

# More digits than any column holds (2^63 has 19): longer text is refused before ``int()``,
# which itself refuses more than 4300 digits with a ``ValueError``.
MAX_DIGITS = 20
BIGGEST = 2**63 - 1  # a bigint's maximum, for a column whose range is not known


def integer_limits(field):
    """(lowest, highest) whole number ``field``'s column takes; None where there is no limit."""
    if field.remote_field is not None:  # a foreign key holds its target's values
        field = field.target_field
    low, high = connection.ops.integer_field_ranges.get(field.get_internal_type(), (None, None))
    for validator in field.validators:
        limit = validator.limit_value() if callable(validator.limit_value) else validator.limit_value
        if isinstance(validator, MinValueValidator):
            low = limit if low is None else max(low, limit)
        elif isinstance(validator, MaxValueValidator):
            high = limit if high is None else min(high, limit)
    return low, high


def in_range(number, field):
    low, high = integer_limits(field)
    return (low is None or number >= low) and (high is None or number <= high)


def parse_number(value, low, high):
    """``value`` (text from a query string or an address) as a whole number from ``low`` to
    ``high``, or None. ASCII digits only: ``str.isdigit`` also accepts "²", and ``int("²")`` raises."""
    if not isinstance(value, str) or not value.isascii() or not value.isdecimal():
        return None
    if len(value.lstrip("0")) > MAX_DIGITS:
        return None
    number = int(value)
    return number if low <= number <= high else None


def parse_id(value, model):
    """``value`` as a primary key of ``model`` (from 1 to the key column's maximum), or None."""
    _low, high = integer_limits(model._meta.pk)
    return parse_number(value, 1, BIGGEST if high is None else high)


def whole_number(value, field):
    """A spreadsheet cell (int, float or text such as "3", "3.0") as a whole number ``field`` can
    store; ``ValueError`` for anything else (text, a fraction, infinity, out of the column's range)."""
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, str):
        text = value.strip()
        if len(text) > MAX_DIGITS + 4:
            raise ValueError(value)
        try:
            value = int(text)
        except ValueError:
            value = float(text)  # "3.0" as Excel writes it; raises ValueError for words
    if isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            raise ValueError(value)
        value = int(value)
    if not isinstance(value, int) or not in_range(value, field):
        raise ValueError(value)
    return value
