"""Demo content for the association app, read from ``<association>.yaml`` beside this file.

Three organisations can be loaded: the AMPCP (``ampcp.yaml``, source ``002_...``, the default),
the Tangier-Tetouan regional association of local elected officials (``tanger-tetouan.yaml``,
source ``000_...``) and the Azemmour foundation for local development (``azemmour.yaml``, source
``001_...``: its reasons for founding, principles, goals, three bodies and territory). Only facts stated in the sources are used: no invented phone numbers,
e-mails or addresses. French texts are translations of the Arabic sources.
"""

from pathlib import Path

from association.models import (
    AssociationProfile,
    CharterGoal,
    GoverningBody,
    Partner,
    PartnershipAgreement,
    StrategicPrinciple,
)
from portal.demodata import read

# One data file per association: its name is the ``--association`` choice of ``load_demo``.
ASSOCIATIONS = sorted(path.stem for path in Path(__file__).parent.glob("*.yaml"))

PROFILE_TEXTS = ("name", "acronym", "tagline", "introduction", "seat", "address")
OPTIONAL_PROFILE_TEXTS = ("founding_reasons", "territory")  # only where the source tells them


def _profile(record):
    profile = AssociationProfile.get_solo()
    for field in PROFILE_TEXTS + OPTIONAL_PROFILE_TEXTS:
        ar, fr = record.text(field, {}) if field in OPTIONAL_PROFILE_TEXTS else record.text(field)
        setattr(profile, f"{field}_ar", ar)
        setattr(profile, f"{field}_fr", fr)
    profile.founded_on = record.date("founded_on")
    profile.website = record.string("website")
    codes = record.strings("territory_communes", [])
    commune = AssociationProfile.territory_communes.field.related_model  # members' HCP records
    communes = list(commune.objects.filter(code__in=codes))
    if len(communes) != len(set(codes)):
        missing = sorted(set(codes) - {commune.code for commune in communes})
        record.fail("territory_communes", "HCP codes of communes", missing)
    record.done()
    profile.save()
    profile.territory_communes.set(communes)


def _replace_ordered(model, records):
    """Make the ordered list exactly ``records`` (Arabic, French), updating rows in place."""
    for order, record in enumerate(records, start=1):
        text_ar, text_fr = record.string("ar"), record.string("fr")
        record.done()
        model.objects.update_or_create(order=order, defaults={"text_ar": text_ar, "text_fr": text_fr})
    model.objects.filter(order__gt=len(records)).delete()


def _bodies(records):
    kinds = []
    for order, record in enumerate(records, start=1):
        kind = record.choice("kind", GoverningBody.Kind.values)
        name_ar, name_fr = record.text("name")
        description_ar, description_fr = record.text("description")
        record.done()
        GoverningBody.objects.update_or_create(
            kind=kind,
            defaults={
                "order": order,
                "name_ar": name_ar,
                "name_fr": name_fr,
                "description_ar": description_ar,
                "description_fr": description_fr,
            },
        )
        kinds.append(kind)
    GoverningBody.objects.exclude(kind__in=kinds).delete()


def _partners(records):
    organisation_model = Partner.organisation.field.related_model  # members.Organisation
    for order, record in enumerate(records, start=1):
        name_ar, name_fr = record.text("name")
        # Who the partner is: the organisation of that name, the one the calendar and the press
        # name too (members app); the partnership only adds its place and agreements.
        organisation = organisation_model.objects.filter(name_ar=name_ar).order_by("pk").first()
        organisation = organisation or organisation_model(name=name_ar, name_ar=name_ar)
        organisation.name_fr = name_fr
        organisation.kind = record.choice("kind", organisation_model.Kind.values)
        organisation.save()
        partner, _created = Partner.objects.update_or_create(
            organisation=organisation, defaults={"order": order}
        )
        for agreement in record.records("agreements"):
            subject_ar, subject_fr = agreement.text("subject")
            PartnershipAgreement.objects.update_or_create(
                partner=partner,
                subject_ar=subject_ar,
                defaults={"signed_on": agreement.date("signed_on", None), "subject_fr": subject_fr},
            )
            agreement.done()
        record.done()


def load(key="ampcp"):
    data = read(__file__, key)
    _profile(data.record("profile"))
    goals = data.records("goals")
    _replace_ordered(CharterGoal, goals)
    _replace_ordered(StrategicPrinciple, data.records("principles"))
    _bodies(data.records("bodies"))
    partners = data.records("partners")
    _partners(partners)
    data.done()
    return {"goals": len(goals), "partners": len(partners)}
