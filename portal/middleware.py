import logging

from django.core.exceptions import BadRequest
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views.defaults import bad_request

logger = logging.getLogger(__name__)


class DatabaseUnavailableMiddleware:
    """Answer a translated 503 page, without a stack trace, when the database is unreachable.

    Only connection failures and timeouts are caught (OperationalError, InterfaceError);
    other database errors are bugs and go through the normal 500 handling. The page is rendered without the
    database: no context processors.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)) or not _is_connection_error(
            exception
        ):
            return None
        logger.error("Database unavailable: %s", exception.__class__.__name__)
        response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = "60"
        return response


# PostgreSQL's codes for a statement cancelled by statement_timeout, and a lock not obtained.
UNAVAILABLE_SQLSTATES = {"57014", "55P03"}


def _is_connection_error(exception: DatabaseError) -> bool:
    """The database cannot be reached, or did not answer in time (a hung database, a lock held
    by a migration): the request should give up with a 503, not count as a bug."""
    if getattr(exception.__cause__, "pgcode", None) in UNAVAILABLE_SQLSTATES:
        return True
    text = str(exception).lower()
    return isinstance(exception, InterfaceError) or any(
        marker in text
        for marker in ("connect", "connection", "could not translate host", "server closed", "unable to open")
    )


class NulCharacterMiddleware:
    """Answer 400 (the translated page) to a path or query string holding a NUL character.

    PostgreSQL refuses NUL in text ("A string literal cannot contain NUL"), so any view that
    passes a query parameter to a lookup would fail with a 500 there, while SQLite accepts it.
    No legitimate link carries one; refusing it here covers every view, present and future.
    Placed after the locale middleware, so that the page is in the visitor's language.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()
        ):
            return bad_request(request, BadRequest("NUL character in the address"))
        return self.get_response(request)
