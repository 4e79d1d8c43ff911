"""Trigram indexes on the people's and councils' search keys, on PostgreSQL only.

The directory, the admin and the portal search match name words inside ``search_key``
(``LIKE 'term%' OR LIKE '% term%'``); a GIN index with ``gin_trgm_ops`` serves both on
PostgreSQL. SQLite has no such index and runs the same queries without it.
"""

from django.db import migrations

INDEXES = [
    ("members_person", "search_key", "person_search_key_trgm"),
    ("members_council", "search_key", "council_search_key_trgm"),
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


class Migration(migrations.Migration):
    # The pg_trgm extension is created by association's search migration.
    dependencies = [("members", "0003_person_name_order"), ("association", "0004_search_indexes")]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
