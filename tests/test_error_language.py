"""The server-error page speaks the language of the address it failed on."""

import pytest
from django.conf.urls.i18n import i18n_patterns
from django.test import Client
from django.urls import path

from config.urls import urlpatterns as portal_urlpatterns


def _fail(request):
    raise RuntimeError("a bug")


urlpatterns = i18n_patterns(path("failing/", _fail)) + portal_urlpatterns


@pytest.mark.django_db
@pytest.mark.urls("tests.test_error_language")
@pytest.mark.parametrize(
    ("language", "title", "body"),
    [
        ("fr", "Erreur du serveur", "Un problème est survenu de notre côté"),
        ("ar", "خطأ", "حدث"),
    ],
)
def test_the_500_page_is_in_the_language_of_the_address(language, title, body):
    response = Client(raise_request_exception=False).get(f"/{language}/failing/")
    assert response.status_code == 500
    page = response.content.decode()
    assert f'lang="{language}"' in page
    assert title in page and body in page, page
    assert f'href="/{language}/"' in page  # home in the same language: "/" opens Arabic
