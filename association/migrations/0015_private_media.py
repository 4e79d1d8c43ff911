# Files not for everyone move out of the public media, under random names (portal.private_media).

from django.db import migrations, models

import portal.private_media
import portal.validators

forwards, backwards = portal.private_media.file_moves(("association", "Document", "file"))


class Migration(migrations.Migration):
    dependencies = [
        ("association", "0014_profile_territory_communes"),
    ]

    operations = [
        migrations.AlterField(
            model_name="document",
            name="file",
            field=models.FileField(
                max_length=255,
                storage=portal.private_media.private_storage,
                upload_to=portal.private_media.RandomName("documents/%Y/"),
                validators=[portal.validators.DocumentFileValidator()],
                verbose_name="file",
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
