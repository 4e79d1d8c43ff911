"""What other apps' pages show of the general assembly (through their hooks), and what its
documents read from the bureau."""

from django.utils.translation import gettext as _

from assembly.models import Minutes
from bureau.models import Mandate, Seat
from bureau.titles import Office


def minutes_of_event(request, event):
    """The event page's link to the assembly's approved minutes, when the visitor may read them
    (members always, the public when the bureau made them public): one query."""
    minutes = Minutes.objects.visible_to(request.user).filter(assembly__event=event).first()
    if minutes is None:
        return []
    return [
        {
            "title": _("Minutes of the general assembly"),
            "url": minutes.get_absolute_url(),
            "date": minutes.approved_at,
        }
    ]


def signatories():
    """The genders of the current bureau's president and secretary-general, who sign the letters
    and minutes ("president"/"secretary_general" → "m"/"f"; "" when the seat is vacant): the
    signature lines read الرئيسة, La présidente for a woman. One query."""
    held = Seat.objects.filter(
        mandate__is_current=True,
        mandate__body=Mandate.Body.EXECUTIVE_BUREAU,
        end__isnull=True,
        office__in=[Office.PRESIDENT, Office.SECRETARY_GENERAL],
    ).values_list("office", "person__gender")
    genders = dict(held)
    return {
        "president": genders.get(Office.PRESIDENT, ""),
        "secretary_general": genders.get(Office.SECRETARY_GENERAL, ""),
    }
