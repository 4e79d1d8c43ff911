"""Health check for load balancers: is this app server able to serve pages?"""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


@never_cache
def health(request):
    """200 when the database answers; the cache is reported but only degrades, never fails.

    The portal keeps serving without Redis (config.cache.ResilientRedisCache), so a cache
    outage must not take every app server out of the load balancer.
    """
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = "ok"
    except Exception as exc:  # any driver error means "not ready"
        logger.error("Health check: database unavailable (%s)", exc.__class__.__name__)
        checks["database"] = "unavailable"
    probe = f"health:{uuid.uuid4().hex}"
    cache.set(probe, "1", 5)
    checks["cache"] = "ok" if cache.get(probe) == "1" else "unavailable"
    cache.delete(probe)
    status = 200 if checks["database"] == "ok" else 503
    return JsonResponse({"status": "ok" if status == 200 else "unavailable", **checks}, status=status)
