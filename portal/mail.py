"""Mail that survives the mail server being down.

Every e-mail the portal sends (acknowledgements, waiting-list promotions, password resets,
contact messages) goes through ``SpoolingEmailBackend``: it hands each message to the real
transport (``EMAIL_URL``); when the server cannot be reached, the message is written to the
spool folder (``MAIL_SPOOL_DIR``) and a warning is logged, so the action that sent it (a
registration, a form) completes. ``manage.py retry_mail``, run every few minutes by cron or a
systemd timer, sends what the spool holds and removes each message once it is accepted.
"""

import logging
import pickle
import smtplib
import uuid
from pathlib import Path

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend

logger = logging.getLogger("portal.mail")

TRANSIENT_ERRORS = (OSError, smtplib.SMTPException)


def spool_dir():
    path = Path(settings.MAIL_SPOOL_DIR)
    path.mkdir(parents=True, exist_ok=True)
    return path


def transport(**kwargs):
    return get_connection(settings.MAIL_TRANSPORT_BACKEND, fail_silently=False, **kwargs)


class SpoolingEmailBackend(BaseEmailBackend):
    def __init__(self, fail_silently=False, **kwargs):
        super().__init__(fail_silently=fail_silently)
        self.transport = transport(**kwargs)

    def send_messages(self, email_messages):
        accepted = 0
        for message in email_messages:
            try:
                accepted += self.transport.send_messages([message]) or 0
            except TRANSIENT_ERRORS as error:
                name = spool(message)
                # No addresses in the log (Law 09-08): the spooled file name identifies the message.
                logger.warning(
                    "Mail server unavailable (%s); message %s kept for retry.", type(error).__name__, name
                )
                accepted += 1
        return accepted


def spool(message):
    message.connection = None
    name = f"{uuid.uuid4().hex}.pickle"
    target = spool_dir() / name
    partial = target.with_suffix(".tmp")
    partial.write_bytes(pickle.dumps(message))
    partial.rename(target)  # atomic: retry_mail never reads half a file
    return name


def spooled():
    return sorted(spool_dir().glob("*.pickle"), key=lambda path: path.stat().st_mtime)


def retry():
    """Send the spooled messages, oldest first; stop at the first failure. Returns (sent, left)."""
    files = spooled()
    sent = 0
    if not files:
        return 0, 0
    connection = transport()
    for path in files:
        message = pickle.loads(path.read_bytes())
        try:
            connection.send_messages([message])
        except TRANSIENT_ERRORS as error:
            logger.warning(
                "Mail server still unavailable (%s); %d message(s) wait.",
                type(error).__name__,
                len(files) - sent,
            )
            break
        path.unlink()
        sent += 1
    return sent, len(files) - sent
