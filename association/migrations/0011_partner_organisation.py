"""A partner points at the organisation that says who it is (filled by 0012)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("association", "0010_merge_20261203_1426"),
        ("members", "0008_organisations_networks"),
    ]

    operations = [
        migrations.AddField(
            model_name="partner",
            name="organisation",
            field=models.OneToOneField(
                null=True,
                on_delete=models.PROTECT,
                related_name="partnership",
                to="members.organisation",
                verbose_name="organisation",
            ),
        ),
    ]
