"""A partner is an organisation (issue 20): ``Partner`` keeps the partnership (logo, order,
agreements) and points at the ``members.Organisation`` that says who the partner is.

Each partner is matched to the organisation of the same Arabic name (the calendar's migration
``events.0004_event_organisations`` and the training demo made one for every partner they
named: a university was both), or gets a new one. Nothing the partner recorded is lost: an
organisation's empty French name, website or description takes the partner's; two partners of
one organisation become one, with all their agreements. Reversible: the names go back on the
partners. The column comes in the migration before, the link becomes required and the partner's own
names go in the next one: on PostgreSQL a table cannot be altered in the transaction that
wrote rows with deferred key checks.
"""

from django.db import migrations

# A partner's kind, where the organisation's list says it otherwise.
KINDS = {"civil_society": "association"}
FOUNDATION_PREFIXES = ("مؤسسة", "المؤسسة", "Fondation")


def _kind(partner):
    if partner.kind == "civil_society" and any(
        (name or "").startswith(FOUNDATION_PREFIXES) for name in (partner.name_ar, partner.name_fr)
    ):
        return "foundation"
    return KINDS.get(partner.kind, partner.kind)


def partners_to_organisations(apps, schema_editor):
    Partner = apps.get_model("association", "Partner")
    PartnershipAgreement = apps.get_model("association", "PartnershipAgreement")
    Organisation = apps.get_model("members", "Organisation")
    kept = {}  # organisation pk -> the partner that keeps the partnership
    for partner in Partner.objects.order_by("order", "pk"):
        name_ar = partner.name_ar or partner.name
        organisation = Organisation.objects.filter(name_ar=name_ar).order_by("pk").first()
        if organisation is None:
            organisation = Organisation.objects.create(
                name=name_ar,
                name_ar=name_ar,
                name_fr=partner.name_fr or "",
                kind=_kind(partner),
                website=partner.website,
                description=partner.description_ar or partner.description or "",
                description_ar=partner.description_ar or partner.description or "",
                description_fr=partner.description_fr or "",
            )
        else:
            changed = False
            for field, value in (
                ("name_fr", partner.name_fr),
                ("website", partner.website),
                ("description", partner.description_ar or partner.description),
                ("description_ar", partner.description_ar or partner.description),
                ("description_fr", partner.description_fr),
            ):
                if value and not getattr(organisation, field):
                    setattr(organisation, field, value)
                    changed = True
            if changed:
                organisation.save()
        first = kept.get(organisation.pk)
        if first is None:
            partner.organisation = organisation
            partner.save(update_fields=["organisation"])
            kept[organisation.pk] = partner
        else:  # a second partner for the same body: one partnership, every agreement kept
            PartnershipAgreement.objects.filter(partner=partner).update(partner=first)
            if partner.logo and not first.logo:
                first.logo = partner.logo
                first.save(update_fields=["logo"])
            partner.delete()


def organisations_to_partners(apps, schema_editor):
    Partner = apps.get_model("association", "Partner")
    kinds = {"association": "civil_society", "foundation": "civil_society", "network": "territorial"}
    for partner in Partner.objects.select_related("organisation"):
        organisation = partner.organisation
        # update(), not save(): the partner's key is not written again (PostgreSQL would then
        # refuse to drop the column in this transaction, its deferred check pending).
        Partner.objects.filter(pk=partner.pk).update(
            name=organisation.name_ar or organisation.name,
            name_ar=organisation.name_ar,
            name_fr=organisation.name_fr,
            kind=kinds.get(organisation.kind, organisation.kind),
            website=organisation.website,
            description=organisation.description,
            description_ar=organisation.description_ar,
            description_fr=organisation.description_fr,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("association", "0011_partner_organisation"),
        # The calendar's move of its organisers and partners reads the partners' names: before.
        ("events", "0004_event_organisations"),
    ]

    operations = [
        migrations.RunPython(partners_to_organisations, organisations_to_partners),
    ]
