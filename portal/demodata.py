"""Read the demo content from YAML files, with errors a secretary editing them can act on.

Each app keeps its demo content in ``<app>/demo/<association>.yaml`` (Arabic and French side
by side, dates as ISO dates, times local) and its ``demo`` package turns the records into rows.
This module only reads and checks: every value is fetched through a :class:`Record`, which
names the file, the record and the field in any error, and refuses fields nobody reads (a
misspelt field would otherwise be silently ignored).
"""

import datetime
from pathlib import Path

import yaml
from django.utils import timezone

BASE_DIR = Path(__file__).resolve().parent.parent
_MISSING = object()


class DemoDataError(ValueError):
    """A demo data file that cannot be loaded: the message says where and why."""


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """YAML without implicit timestamps: dates stay text until :meth:`Record.date` reads them,
    so that a wrong date (2022-02-30) is reported with its record and field. libyaml's parser
    where PyYAML was built with it (ten times faster), the pure-Python one otherwise."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read(package_file, association_key):
    """The top record of ``<association_key>.yaml`` next to ``package_file``, or ``None``.

    No file means the sources hold nothing of that kind for that association.
    """
    path = Path(package_file).resolve().parent / f"{association_key}.yaml"
    if not path.exists():
        return None
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except yaml.YAMLError as exc:
        raise DemoDataError(f"{_name(path)}: not valid YAML: {exc}") from exc
    return Record(data, _name(path), "top")


def upsert(model, lookup, values):
    """get-or-create on ``lookup``; an existing row is saved only when a value differs, so that
    loading twice writes nothing (no new history row, ``updated_at`` unchanged)."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **values)
    changed = [field for field, value in values.items() if getattr(obj, field) != value]
    for field in changed:
        setattr(obj, field, values[field])
    if changed:
        obj.save()
    return obj


def _name(path):
    try:
        return str(path.relative_to(BASE_DIR))
    except ValueError:
        return str(path)


class Record:
    """One mapping of a data file; each getter checks the type of the value it returns."""

    def __init__(self, data, file, label):
        self.file, self.label = file, label
        if not isinstance(data, dict):
            self.fail(None, "expected a mapping of fields", data)
        self.data, self._read = data, set()

    def fail(self, field, expected, value):
        where = f"{self.file}, record {self.label}"
        if field is not None:
            where += f", field {field!r}"
        raise DemoDataError(f"{where}: {expected}, got {value!r}")

    def _get(self, field, default):
        self._read.add(field)
        if field in self.data:
            return self.data[field]
        if default is _MISSING:
            self.fail(field, "this field is required", None)
        return default

    def string(self, field, default=_MISSING):
        value = self._get(field, default)
        if not isinstance(value, str) and not (value is None and default is None):
            self.fail(field, "expected text", value)
        return value

    def choice(self, field, choices, default=_MISSING):
        value = self._get(field, default)
        if value not in choices:
            self.fail(field, f"expected one of {', '.join(map(str, choices))}", value)
        return value

    def integer(self, field, default=_MISSING):
        value = self._get(field, default)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
            self.fail(field, "expected a whole number", value)
        return value

    def text(self, field, default=_MISSING):
        """``{ar: ..., fr: ...}`` as the pair (Arabic, French); a missing language is ``""``."""
        value = self._get(field, default)
        if not isinstance(value, dict) or set(value) - {"ar", "fr"}:
            self.fail(field, "expected Arabic and French texts (ar:, fr:)", value)
        pair = (value.get("ar", ""), value.get("fr", ""))
        if not all(isinstance(part, str) for part in pair):
            self.fail(field, "expected Arabic and French texts (ar:, fr:)", value)
        return pair

    def date(self, field, default=_MISSING):
        value = self._get(field, default)
        if value is None:
            return None
        try:
            return datetime.date.fromisoformat(value)
        except (TypeError, ValueError):
            self.fail(field, "expected a date (YYYY-MM-DD)", value)

    def time(self, field, default=_MISSING):
        """A local time written ``'HH:MM'`` (quoted: YAML reads 10:30 as a number)."""
        value = self._get(field, default)
        if value is None:
            return None
        try:
            return datetime.time.fromisoformat(value)
        except (TypeError, ValueError):
            self.fail(field, "expected a time as 'HH:MM'", value)

    def moment(self, field, default=_MISSING):
        """A local date and time ``'YYYY-MM-DD HH:MM'`` (Africa/Casablanca), made aware."""
        value = self._get(field, default)
        if value is None:
            return None
        try:
            return timezone.make_aware(datetime.datetime.fromisoformat(value))
        except (TypeError, ValueError):
            self.fail(field, "expected a local date and time as 'YYYY-MM-DD HH:MM'", value)

    def strings(self, field, default=_MISSING):
        value = self._get(field, default)
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self.fail(field, "expected a list of texts", value)
        return value

    def records(self, field, default=_MISSING):
        """The list of mappings under ``field``, each labelled by its position and Arabic name."""
        value = self._get(field, default)
        if not isinstance(value, list):
            self.fail(field, "expected a list of records", value)
        return [
            Record(item, self.file, self._child_label(field, index, item))
            for index, item in enumerate(value, 1)
        ]

    def record(self, field):
        return Record(self._get(field, _MISSING), self.file, f"{self.label} › {field}")

    def has(self, field):
        return field in self.data

    def done(self):
        """Refuse the fields no getter read: a misspelt field must not be ignored silently."""
        unknown = sorted(set(self.data) - self._read)
        if unknown:
            self.fail(unknown[0], "unknown field", self.data[unknown[0]])

    @staticmethod
    def _child_label(field, index, item):
        label = f"{field} #{index}"
        for name in ("key", "title", "name", "person", "date"):
            value = item.get(name) if isinstance(item, dict) else None
            if isinstance(value, dict):
                value = value.get("ar") or value.get("fr")
            if value:
                return f"{label} ({value})"
        return label
