"""What every admin form and change page of the portal shares, whatever app registered it.

The admin site (``portal.admin_site.PortalAdminSite.register``) puts ``PortalAdminMixin`` in
front of each ModelAdmin and of its inlines, so a new app gets it without asking:

- **Direction per field.** In the Arabic (right-to-left) admin a phone number, an e-mail,
  an address on the web, a slug, a code or a number is still written left to right, and
  would read reversed otherwise; a translated field takes its own language's direction
  (``*_fr`` left to right, ``*_ar`` right to left, in either admin); other free text is
  ``dir="auto"``, so a French name typed in the Arabic admin lines up as it is typed.
- **One save button per action.** No second row of buttons at the top of long forms (the
  bottom row stays in view, ``static/css/admin.css``), and "save and add another" only where
  one is adding.
"""

import functools

from django import forms
from django.contrib.admin.templatetags import admin_list
from django.db import models
from django.forms.widgets import Input
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import get_language_info, gettext
from phonenumber_field.modelfields import PhoneNumberField

# Values that are read left to right in any language.
LEFT_TO_RIGHT_FIELDS = (
    models.EmailField,
    models.URLField,
    models.SlugField,
    models.IntegerField,
    models.DecimalField,
    models.FloatField,
    models.GenericIPAddressField,
    PhoneNumberField,
)


def is_code(db_field):
    return db_field.name in {"code", "country"} or db_field.name.endswith("_code")


def direction_attrs(db_field):
    """The ``lang``/``dir`` attributes the input of ``db_field`` needs (may be empty)."""
    language = getattr(db_field, "language", None)  # set by django-modeltranslation
    if language:
        return {"lang": language, "dir": "rtl" if get_language_info(language)["bidi"] else "ltr"}
    if isinstance(db_field, LEFT_TO_RIGHT_FIELDS) or (
        isinstance(db_field, models.CharField) and is_code(db_field)
    ):
        return {"dir": "ltr"}
    if isinstance(db_field, (models.CharField, models.TextField)) and not db_field.choices:
        return {"dir": "auto"}
    return {}


def _typed_input(widget):
    """Whether the widget is a box one types into (not a choice, a box to tick or a file)."""
    if isinstance(widget, forms.Textarea):
        return True
    return isinstance(widget, Input) and widget.input_type not in {"checkbox", "radio", "file", "hidden"}


class PortalAdminMixin:
    """Put first in a ModelAdmin's or inline's bases: methods only, no class attributes, so
    that the admin's own settings keep their meaning."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is None:
            return field
        if isinstance(field.widget, forms.SplitDateTimeWidget):
            # Django labels only the first of the two inputs (and not at all in 5.x).
            date, time = field.widget.widgets
            label = capfirst(db_field.verbose_name)
            date.attrs.setdefault("aria-label", gettext("%(field)s (date)") % {"field": label})
            time.attrs.setdefault("aria-label", gettext("%(field)s (time)") % {"field": label})
        attrs = direction_attrs(db_field)
        widgets = getattr(field.widget, "widgets", [field.widget])  # a phone number may be two inputs
        for widget in widgets:
            if attrs and _typed_input(widget):
                for name, value in attrs.items():
                    widget.attrs.setdefault(name, value)
        return field

    def get_inlines(self, request, obj):
        return [with_portal_admin(inline) for inline in super().get_inlines(request, obj)]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        response = super().render_change_form(request, context, add, change, form_url, obj)
        response.context_data["save_on_top"] = False
        if not add:
            response.context_data.setdefault("show_save_and_add_another", False)
        return response


@functools.cache
def with_portal_admin(admin_class):
    """``admin_class`` with ``PortalAdminMixin`` first in its bases (itself if it has it)."""
    if issubclass(admin_class, PortalAdminMixin):
        return admin_class
    return type(
        admin_class.__name__,
        (PortalAdminMixin, admin_class),
        {"__module__": admin_class.__module__, "__qualname__": admin_class.__qualname__},
    )


def _boolean_icon(field_val):
    """Django's yes/no/unknown icon, with its text alternative in the admin's language
    (Django 5.2 writes "True", "False" or "None" whatever the language)."""
    icon = {True: "yes", False: "no", None: "unknown"}[field_val]
    alt = {True: gettext("Yes"), False: gettext("No"), None: gettext("Unknown")}[field_val]
    return format_html('<img src="{}" alt="{}">', static(f"admin/img/icon-{icon}.svg"), alt)


def translate_boolean_icons():
    """Put ``_boolean_icon`` in place of Django's; its callers look it up at each call."""
    admin_list._boolean_icon = _boolean_icon
