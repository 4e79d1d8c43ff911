# Files not for everyone move out of the public media, under random names (portal.private_media).

from django.db import migrations, models

import portal.private_media
import portal.validators

forwards, backwards = portal.private_media.file_moves(("members", "Person", "photo"))


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0009_names_pg_trgm"),
    ]

    operations = [
        migrations.AlterField(
            model_name="person",
            name="photo",
            field=models.ImageField(
                blank=True,
                max_length=255,
                storage=portal.private_media.private_storage,
                upload_to=portal.private_media.RandomName("people/", keep_name=False),
                validators=[portal.validators.ImageFileValidator()],
                verbose_name="photo",
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
