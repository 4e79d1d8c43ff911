import os

import pytest
from django.core.cache import cache
from django.utils import translation

from portal.cache import forget_failures

# Playwright's sync API runs an event loop in the test thread; Django's ORM then refuses to
# run unless told that this is deliberate (tests only).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _isolation(settings, tmp_path):
    """Each test gets its own media folders (public and private), an empty cache, a Redis that counts as answering
    (portal.cache) and the default language."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private_media"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    forget_failures()
    cache.clear()
    yield
    cache.clear()
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.org", "a-long-test-password")


@pytest.fixture
def admin_client(client, superuser):
    from tests.auth import force_login_verified

    return force_login_verified(client, superuser)


@pytest.fixture
def demo(db):
    from django.core.management import call_command

    call_command("load_demo", verbosity=0)


@pytest.fixture(autouse=True)
def _reference_data(request):
    """Transactional tests (browser tests on a live server, concurrency tests) start from a
    database that an earlier one flushed, data migrations included: reload the territory, kinds
    of activity and admin roles those migrations put there (``tests.reference``)."""
    marker = request.node.get_closest_marker("django_db")
    transactional = "live_server" in request.fixturenames or "transactional_db" in request.fixturenames
    if marker is not None and marker.kwargs.get("transaction"):
        transactional = True
    if not transactional:
        return
    request.getfixturevalue("transactional_db")
    from tests.reference import restore_reference_data

    restore_reference_data()
