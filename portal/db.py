"""Reads from a read replica, writes to the primary, and no replication-lag surprises.

Active only when ``DATABASE_REPLICA_URL`` is set (config.settings adds the ``replica`` alias,
this router and the middleware). The rules, in order:

* writes (and ``select_for_update()``, ``get_or_create()``: anything Django routes as a write)
  go to the primary, and *pin* the rest of the request (or command) to the primary, so that
  what was just written is read back from where it was written;
* reads inside a transaction on the primary stay on the primary (consistency with the
  transaction's own writes, row locks);
* related objects of an instance read from or saved to the primary are read from the primary;
* a request with an unsafe method (POST, PUT, PATCH, DELETE) is pinned from its start: forms
  validate against the primary's data (uniqueness, capacity, login throttling);
* a request that wrote sets a short cookie (``DATABASE_REPLICA_PIN_SECONDS``, 10 s by default)
  so that the page it redirects to, and the next few requests of that browser, read from the
  primary too: after saving in the admin the list shows the change even if the replica lags;
* every other read goes to the replica.

The pin is a context variable, set back at the end of each request by
:class:`PrimaryPinningMiddleware`: nothing is kept between requests in the process.
Migrations run on the primary only.
"""

import contextlib
import contextvars

from django.conf import settings
from django.db import connections

PRIMARY = "default"
REPLICA = "replica"
PIN_COOKIE = "portal_primary"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})

_pinned = contextvars.ContextVar("portal_db_pinned_to_primary", default=False)
_wrote = contextvars.ContextVar("portal_db_wrote", default=False)


def replica_in_use():
    """Whether reads go to a replica: the router is configured (``DATABASE_REPLICA_URL``)."""
    return f"{__name__}.PrimaryReplicaRouter" in getattr(settings, "DATABASE_ROUTERS", ())


def pin_to_primary():
    """Send every read of the current request (or command) to the primary from now on."""
    _pinned.set(True)


def pinned_to_primary():
    return _pinned.get()


@contextlib.contextmanager
def primary_scope(pinned=False):
    """A fresh pin for one request: pinned from the start or not, and set back on exit."""
    pinned_token = _pinned.set(pinned)
    wrote_token = _wrote.set(False)
    try:
        yield
    finally:
        _wrote.reset(wrote_token)
        _pinned.reset(pinned_token)


class PrimaryReplicaRouter:
    """``DATABASE_ROUTERS`` entry when a replica is configured (see the module's docstring)."""

    def db_for_read(self, model, **hints):
        if _pinned.get() or connections[PRIMARY].in_atomic_block:
            return PRIMARY
        instance = hints.get("instance")
        if instance is not None and instance._state.db == PRIMARY:
            return PRIMARY
        return REPLICA

    def db_for_write(self, model, **hints):
        _pinned.set(True)
        _wrote.set(True)
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        if {obj1._state.db, obj2._state.db} <= {PRIMARY, REPLICA}:
            return True
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == PRIMARY


class PrimaryPinningMiddleware:
    """First in ``MIDDLEWARE``: one pin per request, set back when the response is done."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        pinned = request.method not in SAFE_METHODS or PIN_COOKIE in request.COOKIES
        with primary_scope(pinned=pinned):
            response = self.get_response(request)
            seconds = getattr(settings, "DATABASE_REPLICA_PIN_SECONDS", 0)
            if _wrote.get() and seconds > 0:
                response.set_cookie(
                    PIN_COOKIE,
                    "1",
                    max_age=seconds,
                    secure=settings.SESSION_COOKIE_SECURE,
                    httponly=True,
                    samesite="Lax",
                )
        return response
