import logging
import re

from django.core.exceptions import BadRequest
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.encoding import iri_to_uri
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


# A number written with a leading zero: "05", "005", "02022" (not the 0 of "10" or "2022").
ZERO_PADDED = re.compile(r"(?<![0-9])0[0-9]")


def _unpadded(path):
    return re.sub(r"[0-9]+", lambda match: match.group().lstrip("0") or "0", path)


class CanonicalNumberMiddleware:
    """Answer a permanent redirect to the one spelling of an address whose numbers are written
    with leading zeros (``/ar/events/2022/05/``, ``/ar/events/02022/5/`` → ``/ar/events/2022/5/``),
    the query string kept.

    Django's ``<int:>`` takes any run of digits, so each spelling answered as a page of its own,
    with its own canonical: one month had unboundedly many indexable addresses. The address is
    rebuilt from the view's name and arguments (as the site's own links are) and, when it differs
    only in how its numbers are written, the visitor is sent there. Every ``<int:>`` of every app
    (a month, a programme year, an id), present and future.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method not in ("GET", "HEAD") or not ZERO_PADDED.search(request.path):
            return None
        match = request.resolver_match
        arguments = (*match.args, *match.kwargs.values())
        if not match.view_name or not any(isinstance(value, int) for value in arguments):
            return None
        try:
            canonical = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return None
        if canonical == iri_to_uri(request.path) or iri_to_uri(_unpadded(request.path)) != canonical:
            return None
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{canonical}?{iri_to_uri(query)}" if query else canonical)
