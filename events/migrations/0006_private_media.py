# Files not for everyone move out of the public media, under random names (portal.private_media).

from django.db import migrations, models

import portal.private_media
import portal.validators

forwards, backwards = portal.private_media.file_moves(("events", "EventDocument", "file"))


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0005_merge_20261203_1418"),
    ]

    operations = [
        migrations.AlterField(
            model_name="eventdocument",
            name="file",
            field=models.FileField(
                blank=True,
                max_length=255,
                storage=portal.private_media.private_storage,
                upload_to=portal.private_media.RandomName("events/documents/%Y/"),
                validators=[portal.validators.DocumentFileValidator()],
                verbose_name="file",
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
