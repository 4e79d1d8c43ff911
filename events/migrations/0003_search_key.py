"""Search keys for events (kept on save), filled for existing events, with a trigram index on
PostgreSQL like the association's (``association/migrations/0004_search_indexes.py``)."""

from django.db import migrations, models

FIELDS = ("title", "summary", "body", "venue", "city")


def fill_keys(apps, schema_editor):
    from django.conf import settings

    from portal.text import search_key

    Event = apps.get_model("events", "Event")

    def values(event, name):
        found = [getattr(event, f"{name}_{code}", "") or "" for code, _label in settings.LANGUAGES]
        return [value for value in found if value] or [getattr(event, name, "") or ""]

    for event in Event.objects.all():
        event.search_title = search_key(" ".join(values(event, "title")))
        event.search_key = search_key(" ".join(text for name in FIELDS for text in values(event, name)))
        event.save(update_fields=["search_key", "search_title"])


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS event_search_key_trgm ON events_event USING gin (search_key gin_trgm_ops)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS event_search_key_trgm")


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_event_kinds"),
        ("association", "0004_search_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="event",
            name="search_key",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.AddField(
            model_name="event",
            name="search_title",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(fill_keys, migrations.RunPython.noop),
        migrations.RunPython(create_index, drop_index),
    ]
