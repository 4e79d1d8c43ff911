from django.db import migrations

# The kinds of activity seen in the sources (DOMAIN.md), each with a calendar colour on which
# white text reaches the WCAG AA contrast ratio (4.5:1); the secretariat can add more.
KINDS = [
    ("executive-bureau", "اجتماع المكتب التنفيذي", "Réunion du bureau exécutif", "#0b5d3b"),
    ("general-assembly", "الجمع العام", "Assemblée générale", "#7a1f5c"),
    ("training", "دورة للتكوين المستمر", "Session de formation continue", "#1d4ed8"),
    ("seminar", "ندوة علمية", "Séminaire", "#6d28d9"),
    ("study-day", "يوم دراسي", "Journée d'étude", "#0f766e"),
    ("round-table", "مائدة مستديرة", "Table ronde", "#9a3412"),
    ("consultation", "لقاء تشاوري أو تنسيقي", "Réunion de concertation ou de coordination", "#92400e"),
    ("conference", "مؤتمر", "Conférence", "#be123c"),
    ("mission", "مهمة أو زيارة", "Mission ou visite", "#4338ca"),
    ("partnership-signing", "توقيع اتفاقية شراكة", "Signature d'une convention de partenariat", "#166534"),
    ("exhibition", "رواق في معرض", "Stand dans un salon", "#86198f"),
    ("remote-meeting", "لقاء عن بعد", "Réunion à distance", "#374151"),
]


def seed_kinds(apps, schema_editor):
    EventKind = apps.get_model("events", "EventKind")
    for order, (slug, name_ar, name_fr, colour) in enumerate(KINDS, start=1):
        EventKind.objects.update_or_create(
            slug=slug,
            defaults={"name": name_ar, "name_ar": name_ar, "name_fr": name_fr, "colour": colour, "order": order * 10},
        )


def remove_kinds(apps, schema_editor):
    apps.get_model("events", "EventKind").objects.filter(slug__in=[k[0] for k in KINDS], events=None).delete()


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial")]

    operations = [migrations.RunPython(seed_kinds, remove_kinds)]
