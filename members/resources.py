"""Excel and CSV import/export of people (with their council and membership) and councils.

Column headers are the Arabic ones the secretariat uses (الاسم، الاسم بالفرنسية، الجنس، المجلس،
الصفة، الهاتف، البريد الإلكتروني ...); values may be written in Arabic or French (ذكر/Homme,
رئيس/Président). A file is imported whole or not at all: any invalid row is reported with its
number, column and reason, and the transaction is rolled back.

Built for lists of tens of thousands of rows: the councils and the people already known are
looked up once before the import (no query per row), new people are written in batches, and
seats and memberships are written in bulk at the end, all through the ORM's ``bulk_create()``.
"""

import re

import phonenumbers
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets
from modeltranslation.fields import TranslationField
from phonenumber_field.phonenumber import PhoneNumber

from members.models import (
    Council,
    CouncilSeat,
    Membership,
    MembershipStatusChange,
    NetworkMembership,
    Organisation,
    Person,
    fit_key,
)
from members.services import default_holder
from portal.integers import integer_limits, whole_number
from portal.text import normalize, search_key

COLUMNS = {
    "name_ar": "الاسم",
    "name_fr": "الاسم بالفرنسية",
    "gender": "الجنس",
    "council": "المجلس",
    "role": "الصفة",
    "start_year": "بداية الولاية",
    "number": "رقم العضوية",
    "status": "الحالة",
    "joined_on": "تاريخ الانخراط",
    "phone": "الهاتف",
    "email": "البريد الإلكتروني",
    "address": "العنوان",
}
PRIVATE = ("phone", "email", "address")
_CODE = re.compile(r"^\d{2}(\.\d{3}(\.\d{2}\.\d{1,2})?)?$")


BATCH_SIZE = 1000


def _translation_blanks(model):
    """The translation fields of ``model`` with their (constant) defaults, passed to the constructor
    so that modeltranslation does not switch language for each field of each new instance."""
    return {
        field.name: field.get_default()
        for field in model._meta.concrete_fields
        if isinstance(field, TranslationField)
    }


def _new(model, values):
    """``model(**values)`` for a model registered with modeltranslation, without its constructor
    wrapper (which rewrites every keyword, for every instance); ``values`` are field names, the
    translation fields included. The flag is the wrapper's, cleared by its ``post_init`` handler."""
    obj = model.__new__(model)
    obj._mt_init = True
    models.Model.__init__(obj, **values)
    return obj


def _choice_map(choices, synonyms=()):
    """Accepted spellings (normalised) → value: each label in every language, the value, synonyms."""
    accepted = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            for value, label in choices:
                accepted[normalize(str(label))] = value
    for value, _label in choices:
        accepted[normalize(value)] = value
    for spelling, value in synonyms:
        accepted[normalize(spelling)] = value
    return accepted


class RequiredTextWidget(widgets.CharWidget):
    def clean(self, value, row=None, **kwargs):
        value = "" if value is None else str(value).strip()
        if not value:
            raise ValueError(_("This value is required."))
        return value


class TextWidget(widgets.CharWidget):
    def clean(self, value, row=None, **kwargs):
        return "" if value is None else str(value).strip()


class WholeNumberWidget(widgets.IntegerWidget):
    """A whole number that ``field``'s column can hold (its range and validators:
    ``portal.integers``), or empty. A number too large for the column is the row's error, not
    an ``OverflowError`` (SQLite) or a refused insert (PostgreSQL) at the save."""

    def __init__(self, field, **kwargs):
        self.field = field
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        if self.is_empty(value):
            return None
        try:
            return whole_number(value, self.field)
        except ValueError as exc:
            low, high = integer_limits(self.field)
            raise ValueError(
                _("“%(value)s” is not a whole number from %(low)s to %(high)s.")
                % {"value": value, "low": low, "high": high}
            ) from exc


class ChoiceWidget(widgets.Widget):
    def __init__(self, choices, synonyms=(), default=None):
        self.choices, self.synonyms, self.default = choices, synonyms, default
        self._accepted = None
        self._cleaned = {}  # raw cell value → value: a column repeats a handful of spellings
        super().__init__()

    def clean(self, value, row=None, **kwargs):
        try:
            return self._cleaned[value]
        except (KeyError, TypeError):
            pass
        if value is None or str(value).strip() == "":
            if self.default is None:
                raise ValueError(_("This value is required."))
            return self.default
        if self._accepted is None:
            self._accepted = _choice_map(self.choices, self.synonyms)
        try:
            cleaned = self._accepted[normalize(str(value).strip())]
        except KeyError:
            raise ValueError(
                _("Unknown value “%(value)s”. Accepted values: %(accepted)s.")
                % {"value": value, "accepted": "، ".join(str(label) for _v, label in self.choices)}
            ) from None
        if isinstance(value, str):
            self._cleaned[value] = cleaned
        return cleaned

    def render(self, value, obj=None, **kwargs):
        return str(dict(self.choices).get(value, value or ""))


class CouncilWidget(widgets.Widget):
    """A council by its name (any spelling, Arabic or French) or its territory's HCP code."""

    def __init__(self):
        self.by_key, self.by_code = None, None
        self._cleaned = {}
        super().__init__()

    def load(self):
        self.by_key, self.by_code, self._cleaned = {}, {}, {}
        rows = Council.objects.values_list(
            "pk", "name_ar", "name_fr", "region__code", "province__code", "commune__code"
        )
        for pk, name_ar, name_fr, *codes in rows:
            for name in (name_ar, name_fr):
                key = search_key(name or "")
                if key:
                    self.by_key.setdefault(key, set()).add(pk)
            for code in codes:
                if code:
                    self.by_code[code] = pk

    def clean(self, value, row=None, **kwargs):
        """The council's pk; a file names a few hundred councils over thousands of rows, so each
        spelling is resolved once (its answer or its error kept for the next rows)."""
        if self.by_key is None:
            self.load()
        try:
            cleaned = self._cleaned[value]
        except (KeyError, TypeError):
            try:
                cleaned = self._resolve(value)
            except ValueError as error:
                cleaned = error
            if isinstance(value, (str, int, float)):
                self._cleaned[value] = cleaned
        if isinstance(cleaned, ValueError):
            raise ValueError(*cleaned.args)
        return cleaned

    def _resolve(self, value):
        value = "" if value is None else str(value).strip()
        if not value:
            raise ValueError(_("This value is required."))
        if _CODE.match(value):
            if value in self.by_code:
                return self.by_code[value]
            raise ValueError(_("No council has the code “%(value)s”.") % {"value": value})
        found = self.by_key.get(search_key(value), set())
        if len(found) == 1:
            return next(iter(found))
        if not found:
            raise ValueError(_("No council is called “%(value)s”.") % {"value": value})
        raise ValueError(
            _("Several councils are called “%(value)s”: write the HCP code of its territory instead.")
            % {"value": value}
        )


class CheckedPhoneNumber(PhoneNumber):
    """A number the import has already parsed and validated: the model field checks its validity
    (twice) and formats it again when saving; with tens of thousands of rows that adds up."""

    def is_valid(self):
        return True

    def __str__(self):
        try:
            return self._text
        except AttributeError:
            self._text = super().__str__()
            return self._text


class PhoneWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        value = "" if value is None else str(value).strip()
        if not value:
            return ""
        if isinstance(value, str) and value.endswith(".0"):  # a number typed into a numeric cell
            value = value[:-2]
        try:
            number = phonenumbers.parse(value, settings.PHONENUMBER_DEFAULT_REGION)
        except phonenumbers.NumberParseException:
            number = None
        if number is None or not phonenumbers.is_valid_number(number):
            raise ValueError(_("“%(value)s” is not a valid phone number.") % {"value": value})
        phone = CheckedPhoneNumber()  # from the parsed number: parsing is costly in a large import
        phone.merge_from(number)
        return phone

    def render(self, value, obj=None, **kwargs):
        return value.as_e164 if value else ""


class EmailWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        value = "" if value is None else str(value).strip().lower()
        if value:
            try:
                validate_email(value)
            except ValidationError:
                raise ValueError(_("“%(value)s” is not a valid e-mail address.") % {"value": value}) from None
        return value

    def render(self, value, obj=None, **kwargs):
        return value or ""


GENDER_SYNONYMS = [("ذكر", "m"), ("أنثى", "f"), ("رجل", "m"), ("امرأة", "f"), ("Homme", "m"), ("Femme", "f"),
                   ("H", "m"), ("F", "f"), ("M", "m")]  # fmt: skip
ROLE_SYNONYMS = [("رئيس", "president"), ("رئيسة", "president"), ("Président", "president"),
                 ("Présidente", "president"), ("نائب الرئيس", "vice_president"), ("نائبة الرئيس", "vice_president"),
                 ("نائب", "vice_president"), ("نائبة", "vice_president"), ("Vice-présidente", "vice_president"),
                 ("كاتب المجلس", "secretary"), ("كاتبة المجلس", "secretary"), ("Secrétaire", "secretary"),
                 ("عضو", "member"), ("عضوة", "member"), ("مستشار", "member"), ("مستشارة", "member"),
                 ("Membre", "member"), ("Conseiller", "member"), ("Conseillère", "member")]  # fmt: skip


class PersonResource(resources.ModelResource):
    """People with their council seat and membership; no private contact details."""

    name_ar = fields.Field(attribute="name_ar", column_name=COLUMNS["name_ar"], widget=RequiredTextWidget())
    name_fr = fields.Field(attribute="name_fr", column_name=COLUMNS["name_fr"], widget=TextWidget())
    gender = fields.Field(
        attribute="gender",
        column_name=COLUMNS["gender"],
        widget=ChoiceWidget(Person.Gender.choices, GENDER_SYNONYMS),
    )
    council = fields.Field(attribute="import_council", column_name=COLUMNS["council"], widget=CouncilWidget())
    role = fields.Field(
        attribute="import_role",
        column_name=COLUMNS["role"],
        widget=ChoiceWidget(CouncilSeat.Role.choices, ROLE_SYNONYMS, default=CouncilSeat.Role.MEMBER),
    )
    start_year = fields.Field(
        attribute="import_start_year",
        column_name=COLUMNS["start_year"],
        widget=WholeNumberWidget(CouncilSeat._meta.get_field("start_year")),
    )
    number = fields.Field(attribute="import_number", column_name=COLUMNS["number"], widget=TextWidget())
    status = fields.Field(
        attribute="import_status",
        column_name=COLUMNS["status"],
        widget=ChoiceWidget(Membership.Status.choices, default=Membership.Status.ACTIVE),
    )
    joined_on = fields.Field(
        attribute="import_joined_on",
        column_name=COLUMNS["joined_on"],
        widget=widgets.DateWidget(format="%Y-%m-%d"),
    )

    class Meta:
        model = Person
        fields = (
            "name_ar",
            "name_fr",
            "gender",
            "council",
            "role",
            "start_year",
            "number",
            "status",
            "joined_on",
        )
        export_order = fields
        import_id_fields = ("name_ar",)
        use_bulk = True
        batch_size = BATCH_SIZE
        skip_diff = True
        skip_html_diff = True
        report_skipped = False

    # --- export -----------------------------------------------------------------------------

    def filter_export(self, queryset, **kwargs):
        return queryset.prefetch_related("seats__council", "memberships")

    def _seat(self, person):
        if person.pk is None:
            return None
        seats = sorted(person.seats.all(), key=lambda s: (s.start_year or 0, s.pk), reverse=True)
        return seats[0] if seats else None

    def _membership(self, person):
        if person.pk is None:
            return None
        memberships = [m for m in person.memberships.all() if m.status != Membership.Status.ENDED]
        return memberships[0] if memberships else None

    def _imported(self, person):
        """During an import preview, the values read from the row (None outside an import)."""
        return getattr(person, "import_council", None) is not None

    def _council_name(self, pk):
        names = getattr(self, "_council_names", None)
        if names is None:
            names = self._council_names = {}
        if pk not in names:
            names[pk] = Council.objects.filter(pk=pk).values_list("name_ar", flat=True).first() or ""
        return names[pk]

    def dehydrate_council(self, person):
        if self._imported(person):
            return self._council_name(person.import_council)
        seat = self._seat(person)
        return seat.council.name_ar if seat else ""

    def dehydrate_role(self, person):
        if self._imported(person):
            return str(dict(CouncilSeat.Role.choices).get(person.import_role, person.import_role))
        seat = self._seat(person)
        return seat.get_role_display() if seat else ""

    # Years and dates go out as numbers and dates (xlsx sorts and computes them; CSV writes them
    # as 2021 and 2021-09-08, what the import reads); an empty cell is None, not "".

    def dehydrate_start_year(self, person):
        if self._imported(person):
            return person.import_start_year or None
        seat = self._seat(person)
        return seat.start_year if seat and seat.start_year else None

    def dehydrate_number(self, person):
        if self._imported(person):
            return person.import_number
        membership = self._membership(person)
        return membership.number if membership else ""

    def dehydrate_status(self, person):
        if self._imported(person):
            return str(dict(Membership.Status.choices).get(person.import_status, person.import_status))
        membership = self._membership(person)
        return membership.get_status_display() if membership else ""

    def dehydrate_joined_on(self, person):
        if self._imported(person):
            return person.import_joined_on
        membership = self._membership(person)
        return membership.joined_on if membership else None

    # --- import -----------------------------------------------------------------------------

    def before_import(self, dataset, **kwargs):
        """Look up once what the rows refer to: councils, known people, used numbers."""
        self.fields["council"].widget.load()
        self._keys = {}  # text → search_key(text): each name is normalised once per import
        self._person_blanks = _translation_blanks(Person)
        self._pending = {}  # id(person) → (person, [row values])
        self._seen = {}
        self._first_rows = {}  # id(person) → the first row that named them
        self._number_owners = {}
        headers = dataset.headers or []

        def column(key):
            name = COLUMNS[key]
            return dataset[name] if name in headers else []

        emails = {str(v).strip().lower() for v in column("email") if v}
        # (name key, council) pairs the file names: a known person sitting on that council matches.
        council_widget = self.fields["council"].widget
        wanted = set()
        ar_column, fr_column, council_column = column("name_ar"), column("name_fr"), column("council")
        for index, council in enumerate(council_column):
            try:
                council_id = council_widget.clean(council)
            except ValueError:
                continue  # reported on its row
            for names in (ar_column, fr_column):
                if index < len(names) and names[index]:
                    wanted.add((self._key(names[index]), council_id))
        self._by_email, self._by_name = {}, {}
        people = {}
        email_list = sorted(emails)
        for start in range(0, len(email_list), 500):
            for person in Person.objects.filter(email__in=email_list[start : start + 500]):
                self._by_email[person.email] = person
                people[person.pk] = person
        # One pass over the seats of the councils in the file (linear, whatever the register's size).
        matches = []
        council_list = sorted({council_id for _key, council_id in wanted})
        for start in range(0, len(council_list), 500):
            seats = CouncilSeat.objects.filter(council_id__in=council_list[start : start + 500]).values_list(
                "person_id", "council_id", "person__name_ar", "person__name_fr"
            )
            for person_id, council_id, name_ar, name_fr in seats.iterator(chunk_size=5000):
                for name in (name_ar, name_fr):
                    key = search_key(name or "")
                    if key and (key, council_id) in wanted:
                        matches.append((key, council_id, person_id))
        missing = sorted({person_id for _k, _c, person_id in matches} - set(people))
        for start in range(0, len(missing), 500):
            for person in Person.objects.filter(pk__in=missing[start : start + 500]):
                people[person.pk] = person
        for key, council_id, person_id in matches:
            self._by_name.setdefault((key, council_id), people[person_id])
        numbers = {str(v).strip() for v in column("number") if v not in (None, "")}
        self._numbers = {}
        number_list = sorted(numbers)
        for start in range(0, len(number_list), 500):
            rows = Membership.objects.filter(number__in=number_list[start : start + 500]).values_list(
                "number", "person_id", "council_id"
            )
            for number, person_id, council_id in rows:
                self._numbers[number] = (person_id, council_id)

    def _key(self, text):
        text = "" if text is None else str(text)
        try:
            return self._keys[text]
        except KeyError:
            key = self._keys[text] = search_key(text)
            return key

    def get_or_init_instance(self, instance_loader, row):
        email = str(row.get(COLUMNS["email"]) or "").strip().lower()
        council = row.get(COLUMNS["council"])
        try:
            council_id = self.fields["council"].widget.clean(council)
        except ValueError:
            council_id = None
        keys = [self._key(row.get(COLUMNS[k])) for k in ("name_ar", "name_fr")]
        candidates = [("email", email)] if email else []
        candidates += [("name", (key, council_id)) for key in keys if key and council_id]
        for kind, value in candidates:
            person = self._seen.get((kind, value))
            if person is not None:
                return person, person.pk is None
            person = (self._by_email if kind == "email" else self._by_name).get(value)
            if person is not None:
                self._remember(person, candidates)
                return person, False
        person = _new(Person, self._person_blanks)
        self._remember(person, candidates)
        return person, True

    def _remember(self, person, candidates):
        for candidate in candidates:
            self._seen.setdefault(candidate, person)

    def after_init_instance(self, instance, new, row, **kwargs):
        instance.import_council = None
        instance.import_role = CouncilSeat.Role.MEMBER
        instance.import_start_year = None
        instance.import_number = ""
        instance.import_status = Membership.Status.ACTIVE
        instance.import_joined_on = None

    def _check_same_person(self, instance, row, row_number):
        """A row that matched the person of an earlier row must describe that person: another name
        under the same address, or another address under the same name and council, is two people
        (or a typing error) that the file must settle; merging them would lose one silently."""
        first_row = self._first_rows.setdefault(id(instance), row_number)
        if first_row == row_number:
            return
        email = str(row.get(COLUMNS["email"]) or "").strip().lower()
        if email and instance.email and email != instance.email.lower():
            raise ValidationError(
                {
                    "email": _("Row %(row)s gives the same person another e-mail address (%(email)s).")
                    % {"row": first_row, "email": instance.email}
                }
            )
        for name in ("name_ar", "name_fr"):
            key, known = self._key(row.get(COLUMNS[name])), self._key(getattr(instance, name))
            if key and known and key != known:
                raise ValidationError(
                    {
                        "email": _("The e-mail address %(email)s is given to another person on row %(row)s.")
                        % {"email": email, "row": first_row}
                    }
                )

    def _saved_values(self, instance):
        """What a bulk update of this person would write (but the time stamp), comparable."""
        fields = [
            Person._meta.get_field(name) for name in self.get_bulk_update_fields() if name != "updated_at"
        ]
        return [field.get_prep_value(field.value_from_object(instance)) for field in fields]

    def import_instance(self, instance, row, **kwargs):
        row_number = kwargs.get("row_number")
        self._check_same_person(instance, row, row_number)
        before = self._saved_values(instance) if instance.pk is not None else None
        super().import_instance(instance, row, **kwargs)
        number = instance.import_number
        if number:
            owner, first_row = self._number_owners.setdefault(number, (instance, row_number))
            if owner is not instance:
                raise ValidationError(
                    {
                        "import_number": _("The membership number %(number)s is already used on row %(row)s.")
                        % {"number": number, "row": first_row}
                    }
                )
            known = self._numbers.get(number)
            if known is not None:
                person_id, council_id = known
                if default_holder() == Membership.Holder.COUNCIL:
                    taken = council_id != instance.import_council
                else:
                    taken = person_id != instance.pk or council_id != instance.import_council
                if taken:
                    raise ValidationError(
                        {
                            "import_number": _("The membership number %(number)s belongs to another member.")
                            % {"number": number}
                        }
                    )
        # Person.make_search_key(), from the keys of each name computed once for this import.
        instance.search_key = fit_key(
            " ".join(
                filter(
                    None,
                    (self._key(instance.name_ar), self._key(instance.name_fr), self._key(instance.aliases)),
                )
            )
        )
        # A known person whose row changes nothing is not written again (re-imports of a whole list).
        instance.import_unchanged = before is not None and before == self._saved_values(instance)

    def get_bulk_update_fields(self):
        return ["name", "name_ar", "name_fr", "gender", "search_key", "updated_at"] + [
            name for name in PRIVATE if name in self.fields
        ]

    def save_instance(self, instance, is_create, row, **kwargs):
        values = (
            instance.import_council,
            instance.import_role,
            instance.import_start_year,
            instance.import_number,
            instance.import_status,
            instance.import_joined_on,
        )
        known = id(instance) in self._pending
        self._pending.setdefault(id(instance), (instance, []))[1].append(values)
        if known:
            return  # the same person on several rows: saved once
        if not is_create and getattr(instance, "import_unchanged", False):
            return
        if not is_create:
            instance.updated_at = timezone.now()
        super().save_instance(instance, is_create, row, **kwargs)

    def after_import(self, dataset, result, **kwargs):
        """Write the seats and memberships of every imported person, in bulk."""
        if result.has_errors() or result.has_validation_errors():
            return
        pending = list(self._pending.values())
        if not pending:
            return
        holder = default_holder()
        person_ids = [person.pk for person, _rows in pending]
        seats = {}
        memberships = {}
        for start in range(0, len(person_ids), 500):
            chunk = person_ids[start : start + 500]
            for seat in CouncilSeat.objects.filter(person_id__in=chunk):
                seats[(seat.person_id, seat.council_id, seat.start_year)] = seat
            for membership in Membership.objects.filter(person_id__in=chunk).exclude(status="ended"):
                memberships[(membership.person_id, membership.council_id)] = membership
        council_ids = {values[0] for _p, rows in pending for values in rows}
        council_memberships = {}
        if holder == Membership.Holder.COUNCIL:
            council_list = sorted(council_ids)
            for start in range(0, len(council_list), 500):
                for membership in Membership.objects.filter(
                    holder=holder, council_id__in=council_list[start : start + 500]
                ).exclude(status="ended"):
                    council_memberships[membership.council_id] = membership
        new_seats, changed_seats, new_memberships, changes = [], [], [], []
        changed_memberships = {}  # id() → membership (two rows may change the same one)
        today = timezone.localdate()
        reason = _("Import")
        membership_blanks = _translation_blanks(Membership)
        for person, rows in pending:
            for council_id, role, start_year, number, status, joined_on in rows:
                seat = seats.get((person.pk, council_id, start_year))
                if seat is None:
                    seat = CouncilSeat(
                        person_id=person.pk, council_id=council_id, role=role, start_year=start_year
                    )
                    seats[(person.pk, council_id, start_year)] = seat
                    new_seats.append(seat)
                elif seat.role != role:
                    seat.role = role
                    changed_seats.append(seat)
                if holder == Membership.Holder.COUNCIL:
                    membership = council_memberships.get(council_id)
                else:
                    membership = memberships.get((person.pk, council_id))
                if membership is None:
                    membership = _new(
                        Membership,
                        {
                            **membership_blanks,
                            "holder": holder,
                            "council_id": council_id,
                            "person_id": person.pk,
                            "number": number or "",
                            "status": status,
                            "joined_on": joined_on or (today if status == Membership.Status.ACTIVE else None),
                        },
                    )
                    new_memberships.append(membership)
                    memberships[(person.pk, council_id)] = membership
                    council_memberships[council_id] = membership
                    changes.append((membership, "", status))
                else:
                    previous = membership.status
                    values = (
                        membership.person_id,
                        membership.number,
                        membership.status,
                        membership.joined_on,
                    )
                    membership.person_id = person.pk
                    membership.number = number or membership.number
                    membership.status = status
                    membership.joined_on = joined_on or membership.joined_on
                    changed = values != (
                        membership.person_id,
                        membership.number,
                        membership.status,
                        membership.joined_on,
                    )
                    if membership.pk and changed:
                        changed_memberships[id(membership)] = membership
                    if previous != status:
                        changes.append((membership, previous, status))
        CouncilSeat.objects.bulk_create(new_seats, batch_size=BATCH_SIZE)
        CouncilSeat.objects.bulk_update(changed_seats, ["role"], batch_size=BATCH_SIZE)
        Membership.objects.bulk_create(new_memberships, batch_size=BATCH_SIZE)
        Membership.objects.bulk_update(
            list(changed_memberships.values()),
            ["person", "number", "status", "joined_on"],
            batch_size=BATCH_SIZE,
        )
        MembershipStatusChange.objects.bulk_create(
            [
                MembershipStatusChange(
                    membership_id=m.pk, from_status=before, to_status=after, on=today, reason=reason
                )
                for m, before, after in changes
            ],
            batch_size=BATCH_SIZE,
        )


class PersonPrivateResource(PersonResource):
    """The same columns plus phone, e-mail and address (``members.view_private_contact``)."""

    phone = fields.Field(attribute="phone", column_name=COLUMNS["phone"], widget=PhoneWidget())
    email = fields.Field(attribute="email", column_name=COLUMNS["email"], widget=EmailWidget())
    address = fields.Field(attribute="address", column_name=COLUMNS["address"], widget=TextWidget())

    class Meta(PersonResource.Meta):
        fields = (*PersonResource.Meta.fields, *PRIVATE)
        export_order = fields


class PersonImportPreviewResource(PersonPrivateResource):
    """The admin's import: the same columns, with a row-by-row preview before confirming."""

    class Meta(PersonPrivateResource.Meta):
        skip_diff = False
        skip_html_diff = False


class CouncilResource(resources.ModelResource):
    """Councils by the HCP code of their territory; names can be corrected and re-imported."""

    code = fields.Field(attribute="import_code", column_name="الرمز", widget=RequiredTextWidget())
    level = fields.Field(attribute="level", column_name="المستوى", widget=ChoiceWidget(Council.Level.choices))
    name_ar = fields.Field(attribute="name_ar", column_name="الاسم", widget=RequiredTextWidget())
    name_fr = fields.Field(attribute="name_fr", column_name="الاسم بالفرنسية", widget=TextWidget())
    region = fields.Field(column_name="الجهة", readonly=True)
    province = fields.Field(column_name="العمالة أو الإقليم", readonly=True)

    class Meta:
        model = Council
        fields = ("code", "level", "name_ar", "name_fr", "region", "province")
        export_order = fields
        import_id_fields = ("code",)
        skip_diff = True

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related("region", "province", "commune", "area_region", "area_province")

    def dehydrate_code(self, council):
        return council.territory.code

    def dehydrate_region(self, council):
        return council.area_region.name_ar

    def dehydrate_province(self, council):
        return council.area_province.name_ar if council.area_province_id else ""

    def get_or_init_instance(self, instance_loader, row):
        code = str(row.get("الرمز") or "").strip()
        council = Council.objects.filter(
            Q(region__code=code) | Q(province__code=code) | Q(commune__code=code)
        ).first()
        if council is None:
            raise ValidationError(
                {"import_code": _("No council has the code “%(value)s”.") % {"value": code}}
            )
        return council, False

    def import_instance(self, instance, row, **kwargs):
        level = instance.level
        super().import_instance(instance, row, **kwargs)
        if instance.level != level:
            raise ValidationError(
                {"level": _("The level of a council follows its territory and cannot change.")}
            )


class NetworkWidget(widgets.Widget):
    """A network by its Arabic or French name, any spelling (the portal's search key)."""

    def __init__(self):
        self.by_key = None
        super().__init__()

    def clean(self, value, row=None, **kwargs):
        if self.by_key is None:
            self.by_key = {}
            for pk, name_ar, name_fr in Organisation.objects.networks().values_list(
                "pk", "name_ar", "name_fr"
            ):
                for name in (name_ar, name_fr):
                    if key := search_key(name or ""):
                        self.by_key.setdefault(key, set()).add(pk)
        value = "" if value is None else str(value).strip()
        if not value:
            raise ValueError(_("This value is required."))
        found = self.by_key.get(search_key(value), set())
        if len(found) != 1:
            raise ValueError(_("No network is called “%(value)s”.") % {"value": value})
        return next(iter(found))


class NetworkMembershipResource(resources.ModelResource):
    """The member councils of networks, as the secretariat types them: one council a row.

    A council is named as in the people's import (its name in any spelling, or its territory's
    HCP code); a file is imported whole or not at all, each bad row reported with its column.
    """

    network = fields.Field(attribute="network_id", column_name="الشبكة", widget=NetworkWidget())
    council = fields.Field(attribute="council_id", column_name="المجلس", widget=CouncilWidget())
    joined_on = fields.Field(
        attribute="joined_on", column_name="تاريخ الانخراط", widget=widgets.DateWidget("%Y-%m-%d")
    )
    note = fields.Field(attribute="note", column_name="ملاحظة", widget=TextWidget())

    class Meta:
        model = NetworkMembership
        fields = ("network", "council", "joined_on", "note")
        export_order = fields
        import_id_fields = ("network", "council")
        clean_model_instances = True
        skip_diff = True

    def import_data(self, dataset, **kwargs):
        """All or nothing: a file with one bad row writes no row."""
        kwargs.setdefault("rollback_on_validation_errors", True)
        return super().import_data(dataset, **kwargs)

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related("network", "council")

    def dehydrate_network(self, membership):
        return membership.network.name_ar

    def dehydrate_council(self, membership):
        return membership.council.name_ar

    def get_or_init_instance(self, instance_loader, row):
        """A network or council the file names wrongly is the row's error, under its column."""
        errors = {}
        for name in self._meta.import_id_fields:
            field = self.fields[name]
            try:
                field.clean(row)
            except ValueError as error:
                errors[field.column_name] = ValidationError(str(error), code="invalid")
        if errors:
            raise ValidationError(errors)
        return super().get_or_init_instance(instance_loader, row)

    def import_instance(self, instance, row, **kwargs):
        """Errors under the file's column names (تاريخ الانخراط), not the model's field names."""
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            columns = {field.attribute: field.column_name for field in self.fields.values()}
            raise ValidationError(
                {columns.get(key, key): messages for key, messages in error.error_dict.items()}
            ) from error
