"""Organisers and partners of events point at the members app's organisations (issue 20).

The links to ``association.Partner`` are copied to organisations of the same names (one
organisation per partner, created when none has its Arabic name), then the old links go and
the new ones take their names.
"""

from django.db import migrations, models

# A partner's kind, where the organisation's list says it otherwise.
KINDS = {"civil_society": "association"}


def copy_partners(apps, schema_editor):
    Event = apps.get_model("events", "Event")
    Organisation = apps.get_model("members", "Organisation")
    organisations = {}

    def organisation(partner):
        if partner.pk not in organisations:
            found = Organisation.objects.filter(name_ar=partner.name_ar or partner.name).first()
            if found is None:
                found = Organisation.objects.create(
                    name=partner.name,
                    name_ar=partner.name_ar or partner.name,
                    name_fr=partner.name_fr or "",
                    kind=KINDS.get(partner.kind, partner.kind),
                    website=partner.website,
                    description=partner.description,
                    description_ar=partner.description_ar,
                    description_fr=partner.description_fr,
                )
            organisations[partner.pk] = found
        return organisations[partner.pk]

    for event in Event.objects.prefetch_related("organisers", "partners"):
        event.new_organisers.set([organisation(p) for p in event.organisers.all()])
        event.new_partners.set([organisation(p) for p in event.partners.all()])


class Migration(migrations.Migration):
    dependencies = [
        ("association", "0001_initial"),
        ("events", "0003_search_key"),
        ("members", "0008_organisations_networks"),
    ]

    operations = [
        migrations.AddField(
            model_name="event",
            name="new_organisers",
            field=models.ManyToManyField(blank=True, related_name="+", to="members.organisation"),
        ),
        migrations.AddField(
            model_name="event",
            name="new_partners",
            field=models.ManyToManyField(blank=True, related_name="+", to="members.organisation"),
        ),
        migrations.RunPython(copy_partners, migrations.RunPython.noop),
        migrations.RemoveField(model_name="event", name="organisers"),
        migrations.RemoveField(model_name="event", name="partners"),
        migrations.RenameField(model_name="event", old_name="new_organisers", new_name="organisers"),
        migrations.RenameField(model_name="event", old_name="new_partners", new_name="partners"),
        migrations.AlterField(
            model_name="event",
            name="organisers",
            field=models.ManyToManyField(
                blank=True,
                related_name="organised_events",
                to="members.organisation",
                verbose_name="organisers",
            ),
        ),
        migrations.AlterField(
            model_name="event",
            name="partners",
            field=models.ManyToManyField(
                blank=True,
                related_name="partnered_events",
                to="members.organisation",
                verbose_name="partners",
            ),
        ),
    ]
