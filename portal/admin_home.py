"""The admin's home page for the secretariat: the bureau first, then what waits for action.

Each entry is shown only to staff who may view what it links to; a count is one query.
"""

from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

# A training session is "nearly full" from this share of its seats taken.
NEAR_CAPACITY = 0.9


def _changelist(model, **filters):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    return f"{url}?{urlencode(filters)}" if filters else url


def _can_view(request, model):
    return request.user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}")


def bureau_links(request):
    """Links to the current bureau mandate and its committees."""
    from bureau.models import Committee, Mandate

    links = []
    mandate = Mandate.objects.current() if _can_view(request, Mandate) else None
    if mandate is not None:
        url = reverse("admin:bureau_mandate_change", args=[mandate.pk])
        links.append({"label": _("The current bureau and its roster"), "url": url})
    elif _can_view(request, Mandate):
        links.append({"label": _("The bureau's mandates"), "url": _changelist(Mandate)})
    if _can_view(request, Committee):
        filters = {"mandate__id__exact": mandate.pk} if mandate is not None else {}
        links.append({"label": _("The permanent committees"), "url": _changelist(Committee, **filters)})
    return links


def nearly_full_sessions(today=None):
    """Training sessions to come (or still undated) with at least 90 % of their seats taken."""
    from events.models import Event
    from training.models import TrainingSession

    today = today or timezone.localdate()
    return (
        TrainingSession.objects.with_seats()
        .filter(capacity__isnull=False, seats_taken__gte=F("capacity") * NEAR_CAPACITY)
        .filter(Q(event__end_date__gte=today) | Q(event__schedule=Event.Schedule.TO_BE_SET))
        .exclude(event__status=Event.Status.CANCELLED)
    )


def pending_tasks(request, today=None):
    """What waits for the secretariat, with counts; entries with nothing waiting are kept
    (a zero says all is done) but only for models the user may view."""
    from events.models import Event
    from members.models import MembershipApplication
    from training.models import TrainingSession

    tasks = []
    if _can_view(request, MembershipApplication):
        pending = MembershipApplication.Status.PENDING
        tasks.append(
            {
                "label": _("Membership applications to decide"),
                "count": MembershipApplication.objects.filter(status=pending).count(),
                "url": _changelist(MembershipApplication, status__exact=pending),
            }
        )
    if _can_view(request, Event):
        to_be_set = Event.objects.to_be_set().exclude(status=Event.Status.CANCELLED)
        tasks.append(
            {
                "label": _("Events to be scheduled (no date yet)"),
                "count": to_be_set.count(),
                "url": _changelist(Event, schedule__exact=Event.Schedule.TO_BE_SET),
            }
        )
    if _can_view(request, TrainingSession):
        ids = list(nearly_full_sessions(today).values_list("pk", flat=True))
        tasks.append(
            {
                "label": _("Training sessions nearly full (90 % of seats or more)"),
                "count": len(ids),
                "url": _changelist(TrainingSession, id__in=",".join(map(str, ids)) or "0"),
            }
        )
    return tasks


def context(request):
    return {"bureau_links": bureau_links(request), "pending_tasks": pending_tasks(request)}
