"""Press and news moved from the association app to the press app (issue 18) without losing
anything: rows, translations, the content types that permissions, groups and the admin's log
point at. The database is taken back to the association's last migration with press models,
filled as it was then, and migrated forward."""

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from press.models import PressRelease

BEFORE = [("association", "0006_press_order_index"), ("press", None)]


def _migrate(targets):
    """Migrate to ``targets``; the models as they were at the first of them."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets[:1]).apps


@pytest.mark.django_db(transaction=True)
def test_press_items_permissions_and_history_survive_the_move(django_user_model):
    ContentType.objects.filter(app_label="press").delete()  # an existing database had none
    ContentType.objects.clear_cache()
    old = _migrate(BEFORE)
    OldContentType = old.get_model("contenttypes", "ContentType")
    OldPermission = old.get_model("auth", "Permission")
    OldGroup = old.get_model("auth", "Group")
    OldRelease = old.get_model("association", "PressRelease")
    item = OldRelease.objects.create(
        title="بلاغ",
        title_ar="بلاغ المكتب",
        title_fr="Communiqué du bureau",
        slug="بلاغ-المكتب",
        status="published",
    )
    content_type, _created = OldContentType.objects.get_or_create(
        app_label="association", model="pressrelease"
    )
    permission, _created = OldPermission.objects.get_or_create(
        content_type=content_type, codename="change_pressrelease", defaults={"name": "Can change"}
    )
    OldGroup.objects.create(name="Editors").permissions.add(permission)
    editor = django_user_model.objects.create_user("editor", "editor@example.ma", "a-long-password")
    LogEntry.objects.create(
        user_id=editor.pk,
        content_type_id=content_type.pk,
        object_id=str(item.pk),
        object_repr="x",
        action_flag=CHANGE,
    )

    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()

    moved = PressRelease.objects.get(pk=item.pk)
    assert (moved.title_ar, moved.title_fr) == ("بلاغ المكتب", "Communiqué du bureau")
    assert PressRelease._meta.db_table == "press_pressrelease"
    assert ContentType.objects.get(pk=content_type.pk).app_label == "press"
    editor.groups.add(Group.objects.get(name="Editors"))
    assert django_user_model.objects.get(pk=editor.pk).has_perm("press.change_pressrelease")
    assert LogEntry.objects.get(user=editor).get_edited_object() == moved
    assert not ContentType.objects.filter(app_label="association", model="pressrelease").exists()
