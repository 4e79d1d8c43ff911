"""The action programme, and the people at activities, as spreadsheets the secretariat
recognises (Arabic column headers).

Import is all or nothing: a file with one bad row (an unknown kind, a date it cannot read, a
last day before the first) imports nothing, and each error names its row and column.
"""

import datetime

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ObjectDoesNotExist, ValidationError
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from events.models import (
    ROLE_TITLES,
    ROLE_TITLES_FEMALE,
    ActionProgramme,
    Event,
    EventKind,
    EventParticipant,
    ProgrammeLine,
)
from members.models import Person
from members.resources import GENDER_SYNONYMS, ChoiceWidget, TextWidget, WholeNumberWidget
from portal.integers import whole_number
from portal.text import search_key

DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")


class ProgrammeYearWidget(widgets.ForeignKeyWidget):
    def __init__(self):
        super().__init__(ActionProgramme, field="year")

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            raise ValueError(_("The year is missing."))
        try:
            year = whole_number(value, ActionProgramme._meta.get_field("year"))
        except ValueError as exc:
            raise ValueError(_("“%(value)s” is not a year.") % {"value": value}) from exc
        try:
            return ActionProgramme.objects.get(year=year)
        except ActionProgramme.DoesNotExist as exc:
            raise ValueError(
                _("There is no action programme for %(year)s: create it first.") % {"year": year}
            ) from exc


class KindWidget(widgets.ForeignKeyWidget):
    """A kind named as in either language (or by its short name); empty means no kind."""

    def __init__(self):
        super().__init__(EventKind, field="name_ar")

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        name = str(value).strip()
        kind = EventKind.objects.filter(Q(name_ar=name) | Q(name_fr=name) | Q(slug=name)).first()
        if kind is None:
            raise ValueError(_("No kind of activity is called “%(name)s”.") % {"name": name})
        return kind


class CleanDateWidget(widgets.DateWidget):
    """Dates typed as text or stored as Excel dates (which arrive as datetimes)."""

    def clean(self, value, row=None, **kwargs):
        if hasattr(value, "date") and callable(value.date):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        if isinstance(value, str):
            value = value.strip()
        if not value:
            return None
        for date_format in DATE_FORMATS:
            try:
                return datetime.datetime.strptime(str(value), date_format).date()
            except ValueError:
                continue
        raise ValueError(
            _("“%(value)s” is not a date: write it as 2022-03-17 or 17/03/2022.") % {"value": value}
        )


class AllOrNothingResource(resources.ModelResource):
    """An import that writes the whole file or nothing, each error naming its spreadsheet row
    and column (the header is row 1)."""

    # Where an error about the row as a whole (the model's ``clean()``) is shown.
    row_error_attribute = None

    # All or nothing: one bad row and nothing of the file is written, whatever the caller asks.
    def import_data(self, dataset, *args, **kwargs):
        kwargs["rollback_on_validation_errors"] = True
        kwargs["use_transactions"] = True
        return super().import_data(dataset, *args, **kwargs)

    def import_row(self, row, instance_loader, **kwargs):
        self._row_number = kwargs.get("row_number")
        return super().import_row(row, instance_loader, **kwargs)

    def _column_of(self, attribute):
        for field in self.get_import_fields():
            if field.attribute == attribute:
                return field.column_name
        return None

    def _located(self, errors):
        """The errors, each message saying its spreadsheet row (header is row 1) and column."""
        row = (self._row_number or 0) + 1
        located = {}
        for key, messages in errors.items():
            if key == NON_FIELD_ERRORS and self.row_error_attribute:
                key = self.row_error_attribute
            column = self._column_of(key)
            for message in messages:
                if column:
                    text = _("Row %(row)s, column “%(column)s”: %(error)s") % {
                        "row": row,
                        "column": column,
                        "error": message,
                    }
                else:
                    text = _("Row %(row)s: %(error)s") % {"row": row, "error": message}
                located.setdefault(key if column else NON_FIELD_ERRORS, []).append(text)
        return located

    def get_or_init_instance(self, instance_loader, row):
        errors = {}
        for name in self._meta.import_id_fields:
            field = self.fields[name]
            try:
                field.clean(row)
            except (ValueError, ObjectDoesNotExist, KeyError) as exc:
                errors[field.attribute] = [str(exc.args[0]) if exc.args else str(exc)]
        if errors:
            raise ValidationError(self._located(errors))
        return super().get_or_init_instance(instance_loader, row)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        try:
            super().validate_instance(instance, import_validation_errors, validate_unique)
        except ValidationError as error:
            raise ValidationError(self._located(error.message_dict)) from error

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        # Empty text cells arrive as None: keep them as empty strings (the columns are NOT NULL).
        if field.attribute and field.column_name in row and row[field.column_name] is None:
            if field.attribute.endswith(("_ar", "_fr")):
                row[field.column_name] = ""
        super().import_field(field, instance, row, is_m2m=is_m2m, **kwargs)


class ProgrammeLineResource(AllOrNothingResource):
    year = fields.Field(
        attribute="programme",
        column_name="السنة",
        widget=ProgrammeYearWidget(),
    )
    order = fields.Field(
        attribute="order",
        column_name="الترتيب",
        widget=WholeNumberWidget(ProgrammeLine._meta.get_field("order")),
    )
    kind = fields.Field(attribute="kind", column_name="النوع", widget=KindWidget())
    activity_ar = fields.Field(attribute="activity_ar", column_name="طبيعة النشاط")
    start_date = fields.Field(
        attribute="start_date", column_name="التاريخ", widget=CleanDateWidget(format=DATE_FORMATS[0])
    )
    end_date = fields.Field(
        attribute="end_date", column_name="إلى غاية", widget=CleanDateWidget(format=DATE_FORMATS[0])
    )
    start_time = fields.Field(
        attribute="start_time", column_name="الساعة", widget=widgets.TimeWidget("%H:%M")
    )
    date_note_ar = fields.Field(attribute="date_note_ar", column_name="ملاحظة حول التاريخ")
    content_ar = fields.Field(attribute="content_ar", column_name="المحتوى")
    note_ar = fields.Field(attribute="note_ar", column_name="ملاحظة")
    activity_fr = fields.Field(attribute="activity_fr", column_name="Nature de l'activité")
    date_note_fr = fields.Field(attribute="date_note_fr", column_name="Remarque sur la date")
    content_fr = fields.Field(attribute="content_fr", column_name="Contenu")
    note_fr = fields.Field(attribute="note_fr", column_name="Remarque")

    class Meta:
        model = ProgrammeLine
        fields = (
            "year",
            "order",
            "kind",
            "activity_ar",
            "start_date",
            "end_date",
            "start_time",
            "date_note_ar",
            "content_ar",
            "note_ar",
            "activity_fr",
            "date_note_fr",
            "content_fr",
            "note_fr",
        )
        export_order = fields
        import_id_fields = ("year", "order")
        clean_model_instances = True
        skip_unchanged = True
        use_transactions = True

    def get_export_queryset(self, request=None, **kwargs):
        return ProgrammeLine.objects.select_related("programme", "kind").order_by("programme__year", "order")

    def before_save_instance(self, instance, row, **kwargs):
        # The translated default column mirrors Arabic, as modeltranslation does on forms.
        for name in ("activity", "date_note", "content", "note"):
            setattr(instance, name, getattr(instance, f"{name}_ar") or "")


class EventWidget(widgets.Widget):
    """An activity by its number in the calendar (the one its admin page and address show)."""

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            raise ValueError(_("This value is required."))
        try:
            number = int(str(value).strip())
        except ValueError as exc:
            raise ValueError(_("“%(value)s” is not the number of an activity.") % {"value": value}) from exc
        if not Event.objects.filter(pk=number).exists():
            raise ValueError(_("No activity has the number %(value)s.") % {"value": number})
        return number

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class PersonWidget(widgets.Widget):
    """A person of the register by their name as written anywhere in it (Arabic, Latin letters or
    another spelling recorded as an alias), in any spelling the portal's search treats alike;
    empty for a participant who is not in the register."""

    def clean(self, value, row=None, **kwargs):
        value = "" if value is None else str(value).strip()
        if not value:
            return None
        key = search_key(value)
        found = [
            person.pk
            for person in Person.objects.search(value).only("pk", "name_ar", "name_fr", "aliases")
            if key
            in {search_key(name) for name in (person.name_ar, person.name_fr, *person.aliases.splitlines())}
        ]
        if not found:
            raise ValueError(_("No person of the register is called “%(value)s”.") % {"value": value})
        if len(found) > 1:
            raise ValueError(
                _("Several people of the register are called “%(value)s”: link the right one in the admin.")
                % {"value": value}
            )
        return found[0]


class OrderWidget(WholeNumberWidget):
    """A position in the list; empty is 0."""

    def clean(self, value, row=None, **kwargs):
        number = super().clean(value, row, **kwargs)
        return 0 if number is None else number


# A role may also be written as its gendered title in either language ("متدخلة", "Modératrice").
PARTICIPANT_ROLE_SYNONYMS = [("متدخل", "speaker"), ("متدخلة", "speaker"), ("مسير", "moderator"),
                             ("مسيرة", "moderator"), ("Intervenant", "speaker"), ("Intervenante", "speaker"),
                             ("Modérateur", "moderator"), ("Modératrice", "moderator")]  # fmt: skip


class _RoleSpellings:
    """The accepted spellings of the roles, read when the first row is (the titles in every language)."""

    def __iter__(self):
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                for titles in (ROLE_TITLES, ROLE_TITLES_FEMALE):
                    for role, title in titles.items():
                        yield str(title), role
        yield from PARTICIPANT_ROLE_SYNONYMS


class EventParticipantResource(AllOrNothingResource):
    """People at activities as the secretariat types them from the sources: one a row, each a
    person of the register (any spelling of their name) or a name and capacity as the source
    writes them. All or nothing; each error names its row and column; importing the same file
    again changes nothing."""

    row_error_attribute = "name_ar"

    event = fields.Field(attribute="event_id", column_name="رقم النشاط", widget=EventWidget())
    role = fields.Field(
        attribute="role",
        column_name="الدور",
        widget=ChoiceWidget(
            EventParticipant.Role.choices, _RoleSpellings(), default=EventParticipant.Role.SPEAKER
        ),
    )
    person = fields.Field(attribute="person_id", column_name="الشخص في السجل", widget=PersonWidget())
    name_ar = fields.Field(attribute="name_ar", column_name="الاسم", widget=TextWidget())
    name_fr = fields.Field(attribute="name_fr", column_name="الاسم بالفرنسية", widget=TextWidget())
    gender = fields.Field(
        attribute="gender",
        column_name="الجنس",
        widget=ChoiceWidget(EventParticipant.Gender.choices, GENDER_SYNONYMS, default=""),
    )
    capacity_ar = fields.Field(attribute="capacity_ar", column_name="الصفة", widget=TextWidget())
    capacity_fr = fields.Field(attribute="capacity_fr", column_name="الصفة بالفرنسية", widget=TextWidget())
    order = fields.Field(
        attribute="order",
        column_name="الترتيب",
        widget=OrderWidget(EventParticipant._meta.get_field("order")),
    )

    class Meta:
        model = EventParticipant
        fields = (
            "event",
            "role",
            "person",
            "name_ar",
            "name_fr",
            "gender",
            "capacity_ar",
            "capacity_fr",
            "order",
        )
        export_order = fields
        import_id_fields = ("event", "person", "name_ar", "capacity_ar", "role")
        clean_model_instances = True
        skip_unchanged = True
        use_transactions = True

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related("person").order_by("event_id", "order", "pk")

    def dehydrate_person(self, participant):
        """The register's name only: no contact detail of the person is ever exported."""
        return participant.person.name_ar if participant.person_id else ""

    def before_save_instance(self, instance, row, **kwargs):
        # The translated default columns mirror Arabic, as modeltranslation does on forms.
        for name in ("name", "capacity"):
            setattr(instance, name, getattr(instance, f"{name}_ar") or "")
