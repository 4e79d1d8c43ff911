"""The bureau's open-data export against the official Popolo JSON schemas.

The schemas are vendored in ``popolo_schemas/`` (CC BY 4.0, see its LICENSE.md) so the check runs
offline. They are draft 03 and permissive (any other property is allowed), so the project's own
stricter profile in ``popolo_schema.py`` still guards against private fields; this file proves
the export is Popolo, that one proves it is nothing more.
"""

import json
import pathlib

import pytest
from jsonschema import Draft3Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT3

from tests.bureau.factories import SeatFactory
from tests.bureau.test_public import _roster, _roster_with_a_published_photo

SCHEMAS = pathlib.Path(__file__).parent / "popolo_schemas"
BASE = "http://www.popoloproject.com/schemas/"
# Which schema each list of the export is made of.
COLLECTIONS = {
    "persons": "person.json",
    "organizations": "organization.json",
    "posts": "post.json",
    "memberships": "membership.json",
    "areas": "area.json",
}


def _registry():
    resources = []
    for path in sorted(SCHEMAS.glob("*.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((BASE + path.name, Resource.from_contents(contents, default_specification=DRAFT3)))
    return Registry().with_resources(resources)


REGISTRY = _registry()


def _validator(name):
    schema = REGISTRY.contents(BASE + name)
    return Draft3Validator(schema, registry=REGISTRY, format_checker=Draft3Validator.FORMAT_CHECKER)


def _errors(data):
    """Every error of the export, named by collection, index and property path."""
    found = []
    for collection, name in COLLECTIONS.items():
        validator = _validator(name)
        for index, item in enumerate(data[collection]):
            for error in validator.iter_errors(item):
                found.append(f"{collection}[{index}].{'.'.join(map(str, error.path))}: {error.message}")
    return found


def _refs(node):
    if isinstance(node, dict):
        if "$ref" in node:
            yield node["$ref"]
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def test_the_vendored_schemas_are_complete_and_draft_3():
    names = {path.name for path in SCHEMAS.glob("*.json")}
    assert set(COLLECTIONS.values()) <= names
    for name in names:
        schema = REGISTRY.contents(BASE + name)
        assert schema["$schema"] == "http://json-schema.org/draft-03/schema#"
        assert schema["id"] == f"{BASE}{name}#"
        Draft3Validator.check_schema(schema)
        for ref in _refs(schema):
            assert ref.startswith(BASE) and ref.removeprefix(BASE).removesuffix("#") in names, ref
    assert "Creative Commons Attribution 4.0" in (SCHEMAS / "LICENSE.md").read_text(encoding="utf-8")


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "fr"])
def test_open_data_validates_against_the_official_popolo_schemas(client, language):
    _roster_with_a_published_photo()
    data = json.loads(client.get(f"/{language}/bureau/open-data/bureau.json").content)
    assert all(data[collection] for collection in COLLECTIONS)
    assert _errors(data) == []
    assert any(person.get("image", "").startswith("http") for person in data["persons"])


@pytest.mark.django_db
def test_the_official_schemas_catch_what_popolo_forbids(client):
    SeatFactory(mandate=_roster(1), office="member")
    data = json.loads(client.get("/fr/bureau/open-data/bureau.json").content)
    data["memberships"][0]["start_date"] = "29/01/2022"
    data["persons"][0]["name"] = 42
    data["organizations"][0]["founding_date"] = "janvier 2022"
    data["persons"][0]["links"] = [{"note": "no url"}]
    errors = _errors(data)
    assert len(errors) == 4
    assert any(error.startswith("memberships[0].start_date") for error in errors)
    assert any(error.startswith("persons[0].links.0") for error in errors)
