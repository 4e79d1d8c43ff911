from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache


def rate_limited(request, exception):
    """Too many form submissions from one address: a translated page, status 429."""
    return render(request, "429.html", status=429)


@never_cache
def csrf_failure(request, reason=""):
    """``CSRF_FAILURE_VIEW``: a form sent without a valid token, in the portal's layout, status 403.

    What a visitor meets after leaving a form open past the token's life or with cookies off:
    it says to reload the form and send it again, with a link to the page the form came from
    (the referring page when it is one of the portal's, else the address it was sent to).
    """
    back = request.headers.get("Referer", "")
    if not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = request.get_full_path()
    return render(request, "403_csrf.html", {"form_url": back}, status=403)
