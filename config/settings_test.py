"""Settings for the test suite: production settings with a fast password hasher.

Tests create and log in hundreds of accounts; PBKDF2's deliberate slowness (a good part of a
second a hash on these machines) would be much of the suite's time and proves nothing about the
portal. Django's own hashers stay listed after it, so a hash made by a process running
``config.settings`` (tests that start a real server) still verifies here.
"""

from django.conf.global_settings import PASSWORD_HASHERS as PRODUCTION_HASHERS

from config.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PRODUCTION_HASHERS]
