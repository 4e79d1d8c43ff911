"""Mail that survives the mail server being down: django-mailer's queue in the database.

Every e-mail the portal sends (acknowledgements, waiting-list promotions, password resets,
contact messages) is stored by ``mailer.backend.DbBackend`` in the transaction of the action
that sends it, so that action completes whatever the mail server does, and a rolled-back action
sends nothing. Cron runs ``manage.py send_mail`` to hand the queue to the real transport
(``EMAIL_URL``) and ``manage.py retry_deferred`` to queue again what the server could not take.

django-mailer's own handler logs the exception's text, which names the addresses a server
refused; this one logs the message's number and the exception's class only (Law 09-08).
"""

import logging
import smtplib

from django.conf import settings
from django.core.mail import get_connection
from mailer.models import RESULT_FAILURE, MessageLog

logger = logging.getLogger("portal.mail")

TRANSIENT_ERRORS = (OSError, smtplib.SMTPException)


def transport(**kwargs):
    """The real mail transport (``EMAIL_URL``), past the queue: for senders that record each
    delivery themselves and resume on their own (the general assembly's convocations)."""
    return get_connection(settings.MAILER_EMAIL_BACKEND, fail_silently=False, **kwargs)


def defer_without_personal_data(connection, message, exc):
    """``MAILER_ERROR_HANDLER``: defer the message for ``retry_deferred``; drop the connection."""
    if not isinstance(exc, TRANSIENT_ERRORS):
        raise exc
    message.defer()
    MessageLog.objects.log(message, RESULT_FAILURE, log_message=type(exc).__name__)
    logger.warning("Mail server unavailable (%s); message %s deferred.", type(exc).__name__, message.pk)
    return None, "deferred"
