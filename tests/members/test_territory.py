"""HCP territory: loaded by a migration, reloadable without losing edits or links."""

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction

from members import territory
from members.models import Commune, Council, Province, Region


@pytest.mark.django_db
def test_migrations_load_the_whole_territory_with_one_council_each():
    assert Region.objects.count() == 12
    assert Province.objects.count() == 75  # the 8 Casablanca préfectures d'arrondissements are left out
    assert Province.objects.filter(kind="prefecture").count() == 13
    assert Commune.objects.count() == 1503
    assert Council.objects.count() == 12 + 75 + 1503
    khouribga = Council.objects.get(province__code="05.311")
    assert khouribga.name_ar == "المجلس الإقليمي لخريبكة"
    assert khouribga.level == "provincial"
    assert khouribga.area_region.code == "05"
    assert Region.objects.get(code="01").name_ar == "طنجة-تطوان-الحسيمة"
    assert Commune.objects.filter(code__startswith="0").exists()  # codes kept as text


@pytest.mark.django_db
def test_reloading_changes_nothing_and_keeps_edited_names():
    region = Region.objects.get(code="01")
    region.name_fr = "Tanger-Tétouan-Al Hoceïma (corrigé)"
    region.save()
    call_command("load_territory", verbosity=0)
    region.refresh_from_db()
    assert region.name_fr == "Tanger-Tétouan-Al Hoceïma (corrigé)"
    assert Council.objects.count() == 1590


@pytest.mark.django_db
def test_a_later_vintage_updates_untouched_names_only_and_keeps_links():
    from tests.members.factories import MembershipFactory

    membership = MembershipFactory(council=Council.objects.get(province__code="05.311"))
    edited = Province.objects.get(code="03.451")
    edited.name_ar = "صفرو (معدل)"
    edited.save()
    regions, provinces, communes = territory.source_rows()
    for row in provinces:
        if row["code"] in {"05.311", "03.451"}:
            row["name_ar"] += " الجديدة"
    communes.append(
        {"code": "99.999.99.99", "name_ar": "جماعة جديدة", "name_fr": "Nouvelle", "province": "05.311"}
    )
    territory.load(territory.current_apps(), data=(regions, provinces, communes), vintage="RGPH 2034")
    khouribga = Province.objects.get(code="05.311")
    assert khouribga.name_ar == "خريبكة الجديدة" and khouribga.source_name_ar == "خريبكة الجديدة"
    assert khouribga.vintage == "RGPH 2034"
    sefrou = Province.objects.get(code="03.451")
    assert sefrou.name_ar == "صفرو (معدل)" and sefrou.source_name_ar == "صفرو الجديدة"
    membership.refresh_from_db()
    assert membership.council.province_id == khouribga.pk
    assert Council.objects.get(commune__code="99.999.99.99").area_province_id == khouribga.pk


@pytest.mark.django_db
@pytest.mark.parametrize(
    "fields",
    [
        {"level": "regional"},  # no territory
        {"level": "regional", "province_code": "05.311"},  # wrong level
        {"level": "communal", "region_code": "01", "province_code": "05.311"},  # two territories
    ],
)
def test_the_database_ties_each_council_to_one_territory_of_its_level(fields):
    council = Council(
        level=fields["level"], name_ar="مجلس", name_fr="Conseil", area_region=Region.objects.first()
    )
    if "region_code" in fields:
        council.region = Region.objects.get(code=fields["region_code"])
    if "province_code" in fields:
        council.province = Province.objects.get(code=fields["province_code"])
    with pytest.raises(IntegrityError), transaction.atomic():
        Council.objects.bulk_create([council])
