"""What other apps' pages show of the general assembly (through their hooks)."""

from django.utils.translation import gettext as _

from assembly.models import Minutes


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
