"""The admin's home page for the secretariat: the bureau first, then what waits for action.

The kernel knows no app: each app registers, from its ``admin.py``, the links it puts at the
top (``register_home_links``) and the tasks it counts (``register_home_task``). A link is a
dict ``{"label", "url"}``, a task is built by ``task()`` from a sentence in ``ngettext`` (the
noun and verb agree with the count: Arabic has six forms); a function returns ``None`` (or no
links) for staff who may not view what it links to. Each count is one query.
"""

from django.urls import reverse
from django.utils.http import urlencode

_LINKS = []
_TASKS = []


def register_home_links(function, order):
    """``function(request)`` returns a list of links for the top of the admin's home."""
    _LINKS.append((order, function))
    _LINKS.sort(key=lambda item: item[0])


def register_home_task(function, order):
    """``function(request)`` returns one task with its count, or ``None``."""
    _TASKS.append((order, function))
    _TASKS.sort(key=lambda item: item[0])


def task(*, text, count, url):
    """One task of the home, from ``text``, ``ngettext``'s sentence for ``count``.

    The sentence holds ``%(count)d`` where the number is written, which the page sets in a
    badge; Arabic's forms for 0, 1 and 2 spell the number out ("طلب انخراط واحد"), with no badge.
    """
    values = {"count": count}
    before, placeholder, after = text.partition("%(count)d")
    return {
        "label": text % values,
        "count": count,
        "before": (before % values) if placeholder else (text % values),
        "shows_count": bool(placeholder),
        "after": (after % values) if placeholder else "",
        "url": url,
    }


def changelist_url(model, **filters):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    return f"{url}?{urlencode(filters)}" if filters else url


def can_view(request, model):
    return request.user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}")


def context(request):
    links = [link for _order, function in _LINKS for link in function(request)]
    tasks = [task for _order, function in _TASKS if (task := function(request)) is not None]
    return {"bureau_links": links, "pending_tasks": tasks}
