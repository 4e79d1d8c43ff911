"""Search keys for existing documents, and trigram indexes for the portal's search on PostgreSQL.

The search matches every normalised term inside ``search_key`` (``LIKE '%term%'``); a GIN
index with ``gin_trgm_ops`` serves those matches on PostgreSQL. SQLite has no such index and
runs the same query without it, so these steps do nothing there.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEXES = [
    ("association_pressrelease", "search_key", "press_search_key_trgm"),
    ("association_document", "search_key", "document_search_key_trgm"),
]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, column, name in INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({column} gin_trgm_ops)"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for _table, _column, name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


def fill_document_keys(apps, schema_editor):
    from django.conf import settings

    from portal.text import search_key

    Document = apps.get_model("association", "Document")
    for document in Document.objects.all():
        titles = [getattr(document, f"title_{code}", None) for code, _name in settings.LANGUAGES]
        document.search_key = search_key(" ".join(t for t in titles if t) or document.title)
        document.save(update_fields=["search_key"])


class Migration(migrations.Migration):
    dependencies = [("association", "0003_press")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create_indexes, drop_indexes),
        migrations.RunPython(fill_document_keys, migrations.RunPython.noop),
    ]
