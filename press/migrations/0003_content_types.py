"""The content types of the moved models change app, from association to press.

Permissions, the admin's log entries and the roles' groups point at content types: moving the
rows (rather than letting Django create new ones for "press") keeps every permission a group or
a user held, and the history of every item, pointing at the same models. On a new database
there are no content types yet at this point and nothing happens.
"""

from django.db import migrations

MODELS = ["category", "pressrelease", "pressimage", "pressattachment"]


def move(apps, schema_editor, old, new):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    for model in MODELS:
        if ContentType.objects.using(db).filter(app_label=new, model=model).exists():
            continue  # created by an earlier run: leave both as they are
        ContentType.objects.using(db).filter(app_label=old, model=model).update(app_label=new)


def forwards(apps, schema_editor):
    move(apps, schema_editor, "association", "press")


def backwards(apps, schema_editor):
    move(apps, schema_editor, "press", "association")


class Migration(migrations.Migration):
    dependencies = [
        ("press", "0002_tables"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
