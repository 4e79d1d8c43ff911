"""What kind of process loaded the settings: one that serves web requests, or another.

The settings ask it twice: production refuses to serve with a development secret key, and the
statement timeout that keeps a hung database from hanging every request must not cut a long
migration or backup short. Anything that is not a known management command (gunicorn, uWSGI,
an ASGI server, a script) counts as serving, so that an unforeseen server is covered too.
"""

import sys
from pathlib import Path

# Management commands that serve requests themselves.
SERVING_COMMANDS = {"runserver", "testserver"}


def management_command(argv=None):
    """The command of ``manage.py``, ``django-admin`` or ``python -m django``, else None."""
    argv = sys.argv if argv is None else argv
    if len(argv) < 2:
        return None
    program = Path(argv[0])
    if program.name in {"manage.py", "django-admin", "django-admin.py"} or (
        program.name == "__main__.py" and program.parent.name == "django"
    ):
        return argv[1]
    return None


def serves_requests(argv=None):
    command = management_command(argv)
    return command is None or command in SERVING_COMMANDS


def running_tests():
    """The test suite (pytest, in this process), whose settings stay the development ones."""
    return "pytest" in sys.modules
