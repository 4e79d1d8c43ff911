from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("association", "0013_partner_names_on_the_organisation"),
        ("members", "0008_organisations_networks"),
    ]

    operations = [
        migrations.AddField(
            model_name="associationprofile",
            name="territory_communes",
            field=models.ManyToManyField(
                blank=True,
                help_text=(
                    "The communes of the territory as records of the HCP territory: the about page links each"
                    " to its council's page. The text above keeps the sources' wording."
                ),
                related_name="+",
                to="members.commune",
                verbose_name="communes of its territory",
            ),
        ),
    ]
