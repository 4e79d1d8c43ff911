"""Changes kept by django-simple-history, written as the admin writes values.

The library lists each change of a tracked row as "field: old → new" with the values as Python
prints them: "None", "True"/"False", a choice's stored code, an ISO date, a dictionary. The
secretariat reads them in its language instead: a dash for nothing, yes or no, the choice's
label, the date written out, the related row's name. A translated field (django-modeltranslation)
is named with its language ("الاسم (العربية)", not "name [ar]"), and the original column that
mirrors the default language's is not listed twice. ``HistoryAdmin`` uses them on every history
page of the library; the bureau's roster history (``bureau.versions``) words a mandate's or a
committee's own changes with the same functions.
"""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import get_language_info, gettext
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import DeletedObject
from simple_history.template_utils import HistoricalRecordContextHelper

EMPTY = "—"


def readable_value(field, value):
    """``value`` of ``field`` (a model field) as the admin shows it, in the active language.

    A relation may come as the related row, as its primary key, or as django-simple-history's
    mark of a deleted row.
    """
    if value is None or value == "":
        return EMPTY
    if isinstance(value, DeletedObject):
        return gettext("deleted (#%(pk)s)") % {"pk": value.pk}
    if isinstance(value, models.Model):
        return str(value)
    if field.is_relation:
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related is not None else gettext("deleted (#%(pk)s)") % {"pk": value}
    if isinstance(field, models.JSONField):
        return gettext("recorded")  # a snapshot the portal keeps (rules applied…), not typed
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return date_format(value, "DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value, "DATE_FORMAT")
    return str(value)


def field_label(field):
    """A field's name as a history lists it; a translation column names its language."""
    language = getattr(field, "language", None)  # django-modeltranslation's TranslationField
    label = capfirst(getattr(field, "translated_field", field).verbose_name)
    if not language:
        return label
    # Inside a phrase a language's name is not capitalised ("Mission (français)").
    name = str(get_language_info(language)["name_translated"]).lower()
    return gettext("%(field)s (%(language)s)") % {"field": label, "language": name}


def listed_changes(model, changes):
    """``changes`` (django-simple-history's) without the original columns of translated fields,
    which repeat the default language's column."""
    mirrored = {
        field.translated_field.name for field in model._meta.fields if hasattr(field, "translated_field")
    }
    return [change for change in changes if change.field not in mirrored]


class ReadableChanges(HistoricalRecordContextHelper):
    def context_for_delta_changes(self, delta):
        rows = []
        for change in listed_changes(self.model, delta.changes):
            field = self.model._meta.get_field(change.field)
            # Shortened (long texts) and escaped as the library does.
            old, new = self.stringify_delta_change_values(
                change, readable_value(field, change.old), readable_value(field, change.new)
            )
            rows.append({"field": field_label(field), "old": old, "new": new})
        return rows


class HistoryAdmin(SimpleHistoryAdmin):
    """django-simple-history's admin, its list of changes in words (``readable_value``)."""

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableChanges(self.model, historical_record)
