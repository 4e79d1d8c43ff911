from django.shortcuts import render


def rate_limited(request, exception):
    """Too many form submissions from one address: a translated page, status 429."""
    return render(request, "429.html", status=429)
