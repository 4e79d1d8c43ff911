"""What the portal's admin templates add to Django's (``templates/admin/edit_inline/tabular.html``)."""

from django import template

register = template.Library()


@register.filter
def labelled_by_column(bound_field, prefix):
    """``bound_field``'s input, named by its column's header (``h-<prefix>-<field name>``).

    For tabular inlines written without a label in each cell (``labels_from_headers``, the
    roster's rows, for weight): the input has its accessible name from the server, without
    JavaScript, for a few bytes; the header's words are written once.
    """
    return bound_field.as_widget(attrs={"aria-labelledby": f"h-{prefix}-{bound_field.name}"})
