"""Every partner has its organisation (0012): the link is required, and the partner's own names,
kind, website and description, now the organisation's, go."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("association", "0012_partner_is_an_organisation"),
    ]

    operations = [
        migrations.AlterField(
            model_name="partner",
            name="organisation",
            field=models.OneToOneField(
                help_text="Who the partner is: its names, kind, website and description are kept there.",
                on_delete=models.PROTECT,
                related_name="partnership",
                to="members.organisation",
                verbose_name="organisation",
            ),
        ),
        # Given a default first, so that going back re-adds the column to rows that exist.
        migrations.AlterField(
            model_name="partner",
            name="name",
            field=models.CharField(default="", max_length=255, verbose_name="name"),
        ),
        migrations.RemoveField(model_name="partner", name="name"),
        migrations.RemoveField(model_name="partner", name="name_ar"),
        migrations.RemoveField(model_name="partner", name="name_fr"),
        migrations.RemoveField(model_name="partner", name="kind"),
        migrations.RemoveField(model_name="partner", name="description"),
        migrations.RemoveField(model_name="partner", name="description_ar"),
        migrations.RemoveField(model_name="partner", name="description_fr"),
        migrations.RemoveField(model_name="partner", name="website"),
    ]
