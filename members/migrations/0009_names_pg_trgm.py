"""pg_trgm for the close spellings of names, on PostgreSQL only.

A name word found nowhere is replaced by its close spellings (``portal.search.close_words_in``):
on PostgreSQL, pg_trgm's word-similarity operator ``%>`` over the trigram GIN indexes of
migration 0004 and its ``similarity()``. The extension was created by association's search
migration; the members app needs it for itself, so it asks for it here too. Nothing happens on
SQLite, which computes the same similarity in Python; going back leaves the extension, which the
other apps' indexes use.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class NamesTrigramExtension(TrigramExtension):
    """``CREATE EXTENSION IF NOT EXISTS pg_trgm`` on PostgreSQL; nothing elsewhere, either way."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        pass

    def describe(self):
        return "Creates the pg_trgm extension on PostgreSQL (close spellings of names)"


class Migration(migrations.Migration):
    dependencies = [("members", "0008_organisations_networks")]

    operations = [NamesTrigramExtension()]
