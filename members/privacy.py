"""A person's rights under Law 09-08: access to everything held about them, and erasure.

``person_export`` gathers the person's record and every row of every model that points at it
(council seats, memberships and their history, applications, bureau and committee seats,
training registrations, whatever app adds a link later), found through the model relations
rather than listed by hand, so that a new app's data is not forgotten.

``person_anonymise`` erases who the person is while keeping the association's records
coherent: the rows stay (a past bureau still shows a seat, a training session still counts
its participants), but they point at "Former member N" with no contact, photo or account.
The gender is kept, as the titles of the seats they held are worded by it.
"""

import datetime
import decimal
import uuid

from django.db import models, transaction
from django.utils import timezone

from members.models import MembershipApplication, Person

ANONYMOUS_NAMES = {"ar": "عضو سابق", "fr": "Ancien membre"}


def _value(obj, field):
    value = getattr(obj, field.attname if isinstance(field, models.ForeignKey) else field.name)
    if isinstance(field, models.ForeignKey) and value is not None:
        return {"id": value, "label": str(getattr(obj, field.name))}
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return value.isoformat()
    if isinstance(value, (decimal.Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or ""
    if hasattr(value, "as_e164"):  # phone numbers
        return value.as_e164
    return value


def _row(obj):
    return {
        field.name: _value(obj, field)
        for field in obj._meta.concrete_fields
        if field.name not in {"search_key"} and not field.name.endswith("_key")
    }


def person_export(person):
    """Everything held about ``person``, as plain data (for a JSON download)."""
    data = {
        "generated_at": timezone.now().isoformat(),
        "person": _row(person),
        "account": None,
        "related": {},
    }
    if person.user_id:
        user = person.user
        data["account"] = {
            "username": user.username,
            "email": user.email,
            "is_active": user.is_active,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        }
    for relation in Person._meta.related_objects:
        model = relation.related_model
        rows = model._default_manager.filter(**{relation.field.name: person})
        data["related"][model._meta.label] = [_row(obj) for obj in rows]
    if person.email:
        data["related"].setdefault(MembershipApplication._meta.label, [])
        known = {row["id"] for row in data["related"][MembershipApplication._meta.label]}
        data["related"][MembershipApplication._meta.label] += [
            _row(app)
            for app in MembershipApplication.objects.filter(email__iexact=person.email)
            if app.pk not in known
        ]
    return data


@transaction.atomic
def person_anonymise(person):
    """Erase who ``person`` is; keep their seats, memberships and registrations, anonymised."""
    if person.photo:
        person.photo.delete(save=False)
    email = person.email
    for code, name in ANONYMOUS_NAMES.items():
        if hasattr(person, f"name_{code}"):
            setattr(person, f"name_{code}", f"{name} {person.pk}")
    person.name = f"{ANONYMOUS_NAMES['ar']} {person.pk}"
    person.photo = ""
    person.photo_consent = False
    person.phone = ""
    person.email = ""
    person.address = ""
    user = person.user
    person.user = None
    person.save()
    if user is not None:
        user.username = f"erased-{uuid.uuid4().hex[:12]}"
        user.email = ""
        user.first_name = user.last_name = ""
        user.is_active = False
        user.set_unusable_password()
        user.save()
    applications = MembershipApplication.objects.filter(person=person)
    if email:
        applications = applications | MembershipApplication.objects.filter(email__iexact=email)
    for application in applications.distinct():
        _anonymise_row(application)
    return person


def _anonymise_row(obj):
    """Blank the personal fields of a row that stays (e.g. an application already decided)."""
    for field in obj._meta.concrete_fields:
        name = field.name
        if name.startswith("name"):
            setattr(obj, field.attname, f"{ANONYMOUS_NAMES['ar']} {obj.pk}")
        elif name in {"phone", "email", "address", "message", "motivation"} or name.startswith(
            ("phone", "email", "address")
        ):
            setattr(obj, field.attname, "" if not field.null else None)
    obj.save()
