"""``{% person_name person %}``: bureau/includes/name.html without an include per row (issue 8)."""

from django import template
from django.utils.html import conditional_escape, format_html
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


@register.simple_tag(takes_context=True)
def committee_roster_rows(context, seats, show_dates=False):
    """The ``<li>`` of each seat of a committee's roster, as its template loop wrote them.

    One ``format_html`` per row instead of a dozen template nodes: with fifteen committees of
    six members, the loop was most of the committees page's render time (issue 8).
    """
    rows = []
    for seat in seats:
        council = (
            format_html(' <span class="bureau-card__meta">· {}</span>', seat.council.name)
            if seat.council
            else ""
        )
        dates = (
            format_html(' <span class="bureau-card__meta">({})</span>', seat.dates)
            if show_dates and seat.dates
            else ""
        )
        rows.append(
            format_html(
                '\n    <li><span class="bureau-committee__role">{}</span>\n      <a href="{}">{}</a>{}{}</li>\n    ',
                seat.display_title,
                seat.person_url,
                person_name(context, seat.person),
                council,
                dates,
            )
        )
    return mark_safe("".join(rows))
