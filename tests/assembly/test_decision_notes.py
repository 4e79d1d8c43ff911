"""A decision's note is written in Arabic, French or both (tabs in the admin, each in its own
direction); the Arabic minutes read the Arabic note and the French minutes the French one. A
note written in one language only shows in the other's minutes marked as such: named in the
text, isolated with its language on the page. Never passed off as the other language's."""

import importlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import translation

from assembly import services
from assembly.models import Decision, ItemKind

pytestmark = pytest.mark.django_db

FRENCH_NOTE = "Le rapport a été discuté longuement."
ARABIC_NOTE = "نوقش التقرير مطولا."


def sitting(assembly):
    services.convene(assembly=assembly)
    for convocation in assembly.convocations.all():
        services.mark_present(convocation=convocation)
    services.open_sitting(assembly=assembly)


def decide_in_the_admin(admin_client, language, item, **notes):
    data = {
        "item": item.pk,
        "method": "counts",
        "votes_for": 4,
        "votes_against": 1,
        "abstentions": 1,
        "note_ar": "",
        "note_fr": "",
        "_save": "1",
        **notes,
    }
    response = admin_client.post(f"/{language}/admin/assembly/decision/add/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return Decision.objects.get(item=item)


def published(assembly, admin_user):
    minutes = services.generate_minutes(assembly=assembly)
    services.approve_minutes(minutes=minutes, by=admin_user)
    minutes.refresh_from_db()
    minutes.public = True
    minutes.save()
    return minutes


def test_the_admin_offers_the_note_in_each_language_in_its_direction(admin_client, assembly):
    page = admin_client.get("/fr/admin/assembly/decision/add/").content.decode()
    assert 'name="note_ar"' in page and 'name="note_fr"' in page
    assert 'dir="rtl" lang="ar" id="id_note_ar"' in page
    assert 'dir="ltr" lang="fr" id="id_note_fr"' in page


def test_a_note_typed_in_french_is_marked_french_in_the_arabic_minutes(
    admin_client, admin_user, client, assembly
):
    sitting(assembly)
    report = assembly.items.get(kind=ItemKind.REPORT)
    decision = decide_in_the_admin(admin_client, "fr", report, note_fr=FRENCH_NOTE)
    assert (decision.note_ar or "", decision.note_fr) == ("", FRENCH_NOTE)
    minutes = published(assembly, admin_user)
    # The text: the French minutes say it plainly; the Arabic ones say it is written in French.
    assert f"Note : {FRENCH_NOTE}" in minutes.text_fr
    assert f"ملاحظة مدونة بالفرنسية: «{FRENCH_NOTE}»" in minutes.text_ar
    assert f"ملاحظة: {FRENCH_NOTE}" not in minutes.text_ar
    # The page: isolated with its language in Arabic, plain in French.
    arabic = client.get(f"/ar/assembly/minutes/{minutes.pk}/").content.decode()
    assert f'<bdi lang="fr">{FRENCH_NOTE}</bdi>' in arabic.replace("&#x27;", "'")
    french = client.get(f"/fr/assembly/minutes/{minutes.pk}/").content.decode()
    assert f'<p class="document-list__meta">{FRENCH_NOTE}</p>' in french.replace("&#x27;", "'")


def test_each_language_reads_its_own_note(admin_client, admin_user, client, assembly):
    sitting(assembly)
    report = assembly.items.get(kind=ItemKind.REPORT)
    accounts = assembly.items.get(kind=ItemKind.ACCOUNTS)
    decide_in_the_admin(admin_client, "ar", report, note_ar=ARABIC_NOTE, note_fr=FRENCH_NOTE)
    decide_in_the_admin(admin_client, "ar", accounts, note_ar="الحسابات سليمة.")
    minutes = published(assembly, admin_user)
    assert f"ملاحظة: {ARABIC_NOTE}" in minutes.text_ar and FRENCH_NOTE not in minutes.text_ar
    assert f"Note : {FRENCH_NOTE}" in minutes.text_fr and ARABIC_NOTE not in minutes.text_fr
    # Arabic only: the French minutes name it as Arabic.
    assert "Note rédigée en arabe : « الحسابات سليمة. »" in minutes.text_fr
    arabic = client.get(f"/ar/assembly/minutes/{minutes.pk}/").content.decode()
    assert f'<p class="document-list__meta">{ARABIC_NOTE}</p>' in arabic
    assert FRENCH_NOTE not in arabic.replace("&#x27;", "'")
    french = client.get(f"/fr/assembly/minutes/{minutes.pk}/").content.decode()
    assert '<bdi lang="ar">الحسابات سليمة.</bdi>' in french
    assert ARABIC_NOTE not in french


def test_a_note_given_without_a_language_is_in_the_language_of_the_screen(assembly):
    sitting(assembly)
    report, accounts = assembly.items.order_by("order")[:2]
    with translation.override("fr"):
        french = services.record_decision(item=report, method=Decision.Method.UNANIMITY, note=FRENCH_NOTE)
    with translation.override("ar"):
        arabic = services.record_decision(item=accounts, method=Decision.Method.UNANIMITY, note=ARABIC_NOTE)
    french.refresh_from_db()
    arabic.refresh_from_db()
    assert (french.note_ar, french.note_fr) == ("", FRENCH_NOTE)
    assert (arabic.note_ar, arabic.note_fr) == (ARABIC_NOTE, "")
    assert services.decision_note(french, "ar") == (FRENCH_NOTE, "fr")
    assert services.decision_note(arabic, "ar") == (ARABIC_NOTE, "ar")
    assert services.decision_note(arabic, "fr") == (ARABIC_NOTE, "ar")


def test_the_migration_keeps_a_note_written_without_a_language_in_arabic(assembly):
    """Notes kept only in the untranslated column are copied into the Arabic one; a note already
    written in French only is left French (the Arabic minutes mark it), not copied as Arabic."""
    items = list(assembly.items.order_by("order"))
    decisions = [
        Decision.objects.create(item=item, method=Decision.Method.UNANIMITY, approved=True)
        for item in items[:3]
    ]
    migration = importlib.import_module("assembly.migrations.0005_decision_notes_in_arabic")
    apps = MigrationExecutor(connection).loader.project_state(("assembly", "0004_vote_counting_rules")).apps
    Old = apps.get_model("assembly", "Decision")
    Old.objects.filter(pk=decisions[0].pk).update(note="ملاحظة قديمة", note_ar=None, note_fr=None)
    Old.objects.filter(pk=decisions[1].pk).update(note=FRENCH_NOTE, note_ar=None, note_fr=FRENCH_NOTE)
    Old.objects.filter(pk=decisions[2].pk).update(note="", note_ar=None, note_fr=None)

    migration.copy_to_arabic(apps, None)

    rows = {row["pk"]: row for row in Old.objects.values("pk", "note", "note_ar", "note_fr")}
    assert rows[decisions[0].pk]["note_ar"] == "ملاحظة قديمة"
    assert rows[decisions[1].pk]["note_ar"] is None and rows[decisions[1].pk]["note_fr"] == FRENCH_NOTE
    assert rows[decisions[2].pk]["note_ar"] is None
    kept = Decision.objects.get(pk=decisions[0].pk)
    assert services.decision_note(kept, "ar") == ("ملاحظة قديمة", "ar")
