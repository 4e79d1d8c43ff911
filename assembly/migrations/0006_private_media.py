# Files not for everyone move out of the public media, under random names (portal.private_media).

from django.db import migrations, models

import portal.private_media
import portal.validators

forwards, backwards = portal.private_media.file_moves(
    ("assembly", "ItemDocument", "file"), ("assembly", "Minutes", "signed_pdf", "HistoricalMinutes")
)


class Migration(migrations.Migration):
    dependencies = [
        ("assembly", "0005_decision_notes_in_arabic"),
    ]

    operations = [
        migrations.AlterField(
            model_name="historicalminutes",
            name="signed_pdf",
            field=models.TextField(
                blank=True,
                help_text="The scan signed by the president and the secretary-general.",
                max_length=255,
                validators=[portal.validators.DocumentFileValidator()],
                verbose_name="signed copy",
            ),
        ),
        migrations.AlterField(
            model_name="itemdocument",
            name="file",
            field=models.FileField(
                max_length=255,
                storage=portal.private_media.private_storage,
                upload_to=portal.private_media.RandomName("assembly/documents/%Y/"),
                validators=[portal.validators.DocumentFileValidator()],
                verbose_name="file",
            ),
        ),
        migrations.AlterField(
            model_name="minutes",
            name="signed_pdf",
            field=models.FileField(
                blank=True,
                help_text="The scan signed by the president and the secretary-general.",
                max_length=255,
                storage=portal.private_media.private_storage,
                upload_to=portal.private_media.RandomName("assembly/minutes/%Y/"),
                validators=[portal.validators.DocumentFileValidator()],
                verbose_name="signed copy",
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
