from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("training", "0002_registration_status_before_cancel"),
    ]

    operations = [
        migrations.AddField(
            model_name="registration",
            name="participant_gender",
            field=models.CharField(
                blank=True,
                choices=[("m", "Male"), ("f", "Female")],
                help_text="For a council's staff member: the messages, e-mails and certificate agree with it.",
                max_length=1,
                verbose_name="participant's gender",
            ),
        ),
        migrations.AddConstraint(
            model_name="registration",
            constraint=models.CheckConstraint(
                condition=models.Q(("participant_gender__in", ["", "m", "f"])),
                name="training_registration_gender_known",
            ),
        ),
    ]
