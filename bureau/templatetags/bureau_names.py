"""``{% person_name person %}`` and the committee rosters' rows, written in Python (issue 8)."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from portal.names import bilingual_name

register = template.Library()


@register.simple_tag(takes_context=True)
def person_name(context, person):
    """A bureau holder's name in both scripts (``portal.names``), and a final newline."""
    name = bilingual_name(person.name_ar, person.name_fr, context.get("LANGUAGE_CODE"), "bureau-card__alt")
    return mark_safe(name + "\n")


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
