"""E-mail addresses unique, whatever their case: one per person and one per login account.

The account table belongs to django.contrib.auth, so its index is created here by hand
(``user_unique_email``); both databases the portal runs on (PostgreSQL, SQLite) take a
partial index on an expression. Addresses are first trimmed and lower-cased; if two people or
two accounts still share one, the migration stops and names it, for the secretariat to decide
whose it is (merging records or accounts is not a migration's call).
"""

import django.db.models.functions.text
from django.conf import settings
from django.db import migrations, models
from django.db.models import Count
from django.db.models.functions import Lower


def normalise_and_check(apps, schema_editor):
    Person = apps.get_model("members", "Person")
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    clashes = []
    for model in (Person, User):
        for row in model.objects.exclude(email="").only("pk", "email"):
            email = row.email.strip().lower() if model is Person else row.email.strip()
            if email != row.email:
                model.objects.filter(pk=row.pk).update(email=email)
        clashes += [
            f"{model._meta.label}: {row['lower_email']} ({row['n']})"
            for row in model.objects.exclude(email="")
            .values(lower_email=Lower("email"))
            .annotate(n=Count("pk"))
            .filter(n__gt=1)
        ]
    if clashes:
        raise RuntimeError(
            "These e-mail addresses are used more than once; give each to one record only, then "
            "migrate again:\n  " + "\n  ".join(clashes)
        )


def user_table(apps):
    return apps.get_model(*settings.AUTH_USER_MODEL.split("."))._meta.db_table


def create_user_index(apps, schema_editor):
    quote = schema_editor.quote_name
    schema_editor.execute(
        f"CREATE UNIQUE INDEX {quote('user_unique_email')} ON {quote(user_table(apps))} "
        f"(LOWER({quote('email')})) WHERE {quote('email')} <> ''"
    )


def drop_user_index(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX {schema_editor.quote_name('user_unique_email')}")


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0004_search_key_trigram"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(normalise_and_check, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="person",
            constraint=models.UniqueConstraint(
                django.db.models.functions.text.Lower("email"),
                condition=models.Q(("email", ""), _negated=True),
                name="person_unique_email",
                violation_error_message="Another person already has this e-mail address.",
            ),
        ),
        migrations.RunPython(create_user_index, drop_user_index),
    ]
