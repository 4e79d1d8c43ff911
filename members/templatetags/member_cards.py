"""``{% member_cards memberships %}``: the directory's cards of one council, written in Python.

The same markup as the template loop it replaces, one ``format_html`` per card instead of some
fifteen template nodes: fifty cards a page made the loop most of the directory's render time
(issue 8). Public facts only, as the directory's queryset loads them.
"""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from portal.names import bilingual_name

register = template.Library()

NO_PHOTO = '<span class="member-card__photo member-card__photo--none" aria-hidden="true"></span>'


@register.simple_tag(takes_context=True)
def member_cards(context, memberships):
    language = context.get("LANGUAGE_CODE")
    cards = []
    for membership in memberships:
        person = membership.person
        photo = person.public_photo
        cards.append(
            format_html(
                '\n    <li class="member-card">\n      {}\n      <div>\n        <p class="member-card__name">{}</p>'
                "\n        {}\n        {}\n      </div>\n    </li>\n    ",
                format_html(
                    '<img class="member-card__photo" src="{}" alt="" width="64" height="64" loading="lazy">',
                    photo.url,
                )
                if photo
                else mark_safe(NO_PHOTO),
                bilingual_name(person.name_ar, person.name_fr, language, "member-card__alt"),
                format_html('<p class="member-card__meta">{}</p>', membership.role_label)
                if membership.council_role
                else "",
                format_html('<p class="member-card__meta">{}</p>', membership.position)
                if membership.position
                else "",
            )
        )
    return mark_safe("".join(cards))
