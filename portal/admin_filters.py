"""Admin list filters that answer junk in their query parameters without a 500.

A changelist's filters read their values from the address, which anyone can edit: a filter
given a value it never offered must show the unfiltered list (``ChoiceListFilter``) or the
admin's "incorrect parameters" redirect (``CheckedRelatedFieldListFilter``), never an error.
"""

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import ValidationError

from portal.integers import in_range


class ChoiceListFilter(admin.SimpleListFilter):
    """A simple filter whose value is one of its own lookups, or none (the unfiltered list)."""

    def value(self):
        value = super().value()
        if value is None or value not in {str(key) for key, _label in self.lookup_choices}:
            return None
        return value


class CheckedRelatedFieldListFilter(admin.RelatedFieldListFilter):
    """The default filter of foreign keys, with each value checked before the query runs.

    Django converts the value only when the query is sent, so a number too large for the
    column (``?kind__id__exact=9999999999999999999``) escaped as an ``OverflowError``.
    """

    def queryset(self, request, queryset):
        target = self.field.target_field
        for value in self.lookup_val or []:
            try:
                value = target.to_python(value)
            except ValidationError as error:
                raise IncorrectLookupParameters(error) from error
            if isinstance(value, int) and not in_range(value, target):
                raise IncorrectLookupParameters(f"{value} is out of range")
        return super().queryset(request, queryset)


def use_checked_related_filters():
    """Make ``CheckedRelatedFieldListFilter`` the filter of every foreign key in the admin."""
    admin.FieldListFilter.register(
        lambda field: field.remote_field, CheckedRelatedFieldListFilter, take_priority=True
    )
