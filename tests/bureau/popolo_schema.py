"""A strict JSON Schema (draft 2020-12) of the Popolo subset the bureau export publishes.

The official schemas (``popolo_schemas/``, checked in ``test_popolo.py``) allow any extra
property; this profile allows none.

Written for this project from the Popolo data specification (https://www.popoloproject.com/specs/):
the same property names, types and date format (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), with
``additionalProperties: false`` so that nothing else (no contact details, e-mail or address)
can slip into the export unnoticed.
"""

DATE = {"type": "string", "pattern": r"^[0-9]{4}((-[0-9]{2}){1,2})?$"}
ID = {"type": "string", "minLength": 1}
TEXT = {"type": "string", "minLength": 1}

PERSON = {
    "type": "object",
    "required": ["id", "name"],
    "additionalProperties": False,
    "properties": {
        "id": ID,
        "name": TEXT,
        "other_names": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name"],
                "additionalProperties": False,
                "properties": {"name": TEXT, "note": {"type": "string"}},
            },
        },
        "gender": {"type": ["string", "null"], "enum": ["male", "female", None]},
        "image": {"type": "string", "format": "uri"},
        "links": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["url"],
                "additionalProperties": False,
                "properties": {"url": {"type": "string", "format": "uri"}, "note": {"type": "string"}},
            },
        },
    },
}

ORGANIZATION = {
    "type": "object",
    "required": ["id", "name"],
    "additionalProperties": False,
    "properties": {
        "id": ID,
        "name": TEXT,
        "classification": {"type": "string"},
        "parent_id": {"type": ["string", "null"]},
        "area_id": {"type": ["string", "null"]},
        "summary": {"type": "string"},
        "founding_date": {"anyOf": [DATE, {"type": "null"}]},
        "dissolution_date": {"anyOf": [DATE, {"type": "null"}]},
    },
}

POST = {
    "type": "object",
    "required": ["id", "label", "organization_id"],
    "additionalProperties": False,
    "properties": {"id": ID, "label": TEXT, "role": {"type": "string"}, "organization_id": ID},
}

MEMBERSHIP = {
    "type": "object",
    "required": ["person_id", "organization_id"],
    "additionalProperties": False,
    "properties": {
        "person_id": ID,
        "organization_id": ID,
        "post_id": ID,
        "on_behalf_of_id": ID,
        "role": {"type": "string"},
        "label": {"type": "string"},
        "start_date": DATE,
        "end_date": DATE,
    },
}

AREA = {
    "type": "object",
    "required": ["id", "name"],
    "additionalProperties": False,
    "properties": {
        "id": ID,
        "name": TEXT,
        "identifier": {"type": "string"},
        "classification": {"type": "string"},
    },
}

EXPORT = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["persons", "organizations", "posts", "memberships", "areas"],
    "additionalProperties": False,
    "properties": {
        "persons": {"type": "array", "items": PERSON},
        "organizations": {"type": "array", "items": ORGANIZATION},
        "posts": {"type": "array", "items": POST},
        "memberships": {"type": "array", "items": MEMBERSHIP},
        "areas": {"type": "array", "items": AREA},
    },
}
