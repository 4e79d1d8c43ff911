"""Health check for load balancers: is this app server able to serve pages?"""

import logging
import uuid

from django.core.cache import cache
from django.db import connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from portal.db import PRIMARY, REPLICA, replica_in_use

logger = logging.getLogger(__name__)


def _answers(connection):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return "ok"
    except Exception as exc:  # any driver error means "not ready"
        logger.error("Health check: database %s unavailable (%s)", connection.alias, exc.__class__.__name__)
        return "unavailable"


@never_cache
def health(request):
    """200 when the database (and the read replica, when there is one) answers; the cache is
    reported but only degrades, never fails.

    The portal keeps serving without Redis (django-redis ignores its errors: settings), so a cache
    outage must not take every app server out of the load balancer.
    """
    checks = {"database": _answers(connections[PRIMARY])}
    if replica_in_use():
        # Public pages read from the replica: without it this server cannot serve them.
        checks["replica"] = _answers(connections[REPLICA])
    probe = f"health:{uuid.uuid4().hex}"
    cache.set(probe, "1", 5)
    checks["cache"] = "ok" if cache.get(probe) == "1" else "unavailable"
    cache.delete(probe)
    databases_ok = checks["database"] == "ok" and checks.get("replica", "ok") == "ok"
    status = 200 if databases_ok else 503
    return JsonResponse({"status": "ok" if status == 200 else "unavailable", **checks}, status=status)
