"""``{% person_name person %}``: bureau/includes/name.html without an include per row (issue 8)."""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def person_name(context, person):
    """The same markup as ``{% include "bureau/includes/name.html" %}``, its final newline included."""
    name_ar = conditional_escape(person.name_ar)
    name_fr = conditional_escape(person.name_fr) if person.name_fr else ""
    if context.get("LANGUAGE_CODE") == "ar":
        html = name_ar
        if name_fr:
            html += f' <bdi lang="fr" dir="ltr" class="bureau-card__alt">{name_fr}</bdi>'
    elif name_fr:
        html = f'{name_fr} <bdi lang="ar" dir="rtl" class="bureau-card__alt">{name_ar}</bdi>'
    else:
        html = f'<bdi lang="ar" dir="rtl">{name_ar}</bdi>'
    return mark_safe(html + "\n")
