"""A decision's note is written per language (note_ar, note_fr) and each language's minutes read
their own. A note kept only in the untranslated column (written without a language) is copied
into the Arabic one, the default language, so that the Arabic minutes keep it. A note already
written in French only stays French: copied into the Arabic column it would be printed in the
Arabic minutes as if it were Arabic; they show it marked as French instead."""

from django.db import migrations
from django.db.models import F, Q


def copy_to_arabic(apps, schema_editor):
    Decision = apps.get_model("assembly", "Decision")
    empty_ar = Q(note_ar__isnull=True) | Q(note_ar="")
    empty_fr = Q(note_fr__isnull=True) | Q(note_fr="")
    Decision.objects.filter(empty_ar & empty_fr).exclude(note="").update(note_ar=F("note"))


class Migration(migrations.Migration):
    dependencies = [
        ("assembly", "0004_vote_counting_rules"),
    ]

    operations = [
        migrations.RunPython(copy_to_arabic, migrations.RunPython.noop),
    ]
