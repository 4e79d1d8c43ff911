"""Writes with side effects for the association app."""

import logging

from django.core.mail import EmailMessage
from django.utils import translation
from django.utils.translation import gettext as _

from association.models import AssociationProfile, ContactMessage

logger = logging.getLogger(__name__)


def contact_message_receive(*, form, language):
    """Store a contact message, then forward it to the association's e-mail.

    The message is saved first, so a mail server that is down loses nothing: the
    secretariat still finds it in the admin, marked as not forwarded.
    """
    message: ContactMessage = form.save(commit=False)
    message.language = language
    message.save()
    profile = AssociationProfile.get_solo()
    if not profile.email:
        return message
    with translation.override(language):
        subject = _("Contact form: %(subject)s") % {"subject": message.subject}
    mail = EmailMessage(
        subject=subject,
        body=f"{message.name} <{message.email}>\n\n{message.message}",
        to=[profile.email],
        reply_to=[message.email],
    )
    try:
        mail.send()
    except Exception:  # any transport failure: the stored message is the record
        logger.exception("Contact message %s could not be forwarded", message.pk)
    else:
        ContactMessage.objects.filter(pk=message.pk).update(mailed=True)
        message.mailed = True
    return message
