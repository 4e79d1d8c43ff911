from django.db import migrations


def load_territory(apps, schema_editor):
    from members import territory

    territory.load(apps)


class Migration(migrations.Migration):
    dependencies = [("members", "0001_initial")]

    operations = [migrations.RunPython(load_territory, migrations.RunPython.noop)]
