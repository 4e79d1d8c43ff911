"""Settings for the test suite: production settings with a fast password hasher, and values
derived from the data computed on every page.

Tests create and log in hundreds of accounts; PBKDF2's deliberate slowness (a good part of a
second a hash on these machines) would be much of the suite's time and proves nothing about the
portal. Django's own hashers stay listed after it, so a hash made by a process running
``config.settings`` (tests that start a real server) still verifies here.
"""

import os
from urllib.parse import urlsplit, urlunsplit

from django.conf.global_settings import PASSWORD_HASHERS as PRODUCTION_HASHERS

from config.settings import *  # noqa: F403
from config.settings import CACHES, REDIS_URL

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PRODUCTION_HASHERS]

# Values derived from the data are computed on every page (portal.content_version.per_version),
# with Redis as without: the query counts the tests pin are then the cost of building the page,
# the same on SQLite and on PostgreSQL with Redis. The tests of keeping them turn it back on.
CONTENT_DATA_CACHE = False

# Under pytest-xdist every worker gets a Redis database of its own: the suite empties the cache
# around each test (FLUSHDB), which would otherwise empty the other workers' cache mid-test.
# Tests that start processes of their own read REDIS_URL from the environment, so it is set too.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if REDIS_URL and _worker.startswith("gw"):
    _url = urlsplit(REDIS_URL)
    _database = int(_url.path.strip("/") or 0)
    REDIS_URL = urlunsplit(_url._replace(path=f"/{(_database - int(_worker[2:])) % 16}"))
    os.environ["REDIS_URL"] = REDIS_URL
    for _alias in ("default", "ratelimit"):
        CACHES[_alias]["LOCATION"] = REDIS_URL
