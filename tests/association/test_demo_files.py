"""The demo content is data: every file loads and is checked, and a bad value says where it is."""

import importlib
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from association.demo import ASSOCIATIONS
from portal.demodata import DemoDataError, read

DEMO_PACKAGES = ["association.demo", "press.demo", "members.demo", "events.demo", "bureau.demo",
                 "training.demo"]  # fmt: skip


def test_every_association_has_data_files():
    assert ASSOCIATIONS == ["ampcp", "azemmour", "tanger-tetouan"]


@pytest.mark.django_db
@pytest.mark.parametrize("association", ["ampcp", "azemmour", "tanger-tetouan"])
def test_every_data_file_loads_and_every_field_is_read(association):
    """``load_demo`` reads every record through the checks: an unknown field would be refused."""
    call_command("load_demo", "--association", association, verbosity=0)


@pytest.fixture
def events_copy(tmp_path):
    """A copy of events/demo with its loader, so that a test can break a file."""
    package = Path(importlib.import_module("events.demo").__file__).parent
    copy = tmp_path / "demo"
    shutil.copytree(package, copy)
    return copy


def _break(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.django_db
def test_a_malformed_date_names_file_record_and_field(events_copy, monkeypatch):
    _break(events_copy / "ampcp.yaml", "start_date: 2022-03-17", "start_date: 2022-02-30")
    monkeypatch.setattr("events.demo.__file__", str(events_copy / "__init__.py"))
    with pytest.raises(DemoDataError) as caught:
        importlib.import_module("events.demo").load("ampcp")
    message = str(caught.value)
    assert "ampcp.yaml" in message and "lines #2" in message and "'start_date'" in message
    assert "expected a date (YYYY-MM-DD)" in message and "2022-02-30" in message


@pytest.mark.django_db
def test_a_misspelt_field_is_refused_not_ignored(events_copy, monkeypatch):
    _break(events_copy / "ampcp.yaml", "  status: held\n", "  statut: held\n")
    monkeypatch.setattr("events.demo.__file__", str(events_copy / "__init__.py"))
    with pytest.raises(DemoDataError, match=r"events #\d+ \(.+\), field 'statut': unknown field"):
        importlib.import_module("events.demo").load("ampcp")


def test_a_wrong_choice_and_a_missing_language_pair_are_explained(tmp_path):
    (tmp_path / "x.yaml").write_text("people:\n- name: Ahmed\n  gender: x\n", encoding="utf-8")
    people = read(tmp_path / "__init__.py", "x").records("people")
    with pytest.raises(
        DemoDataError, match=r"x.yaml, record people #1 \(Ahmed\), field 'name': expected Arabic and French"
    ):
        people[0].text("name")
    with pytest.raises(DemoDataError, match=r"field 'gender': expected one of m, f, got 'x'"):
        people[0].choice("gender", ["m", "f"])
    assert read(tmp_path / "__init__.py", "missing") is None


def test_every_demo_function_is_short():
    """No function of 441 lines again: the loaders stay readable (≤ 80 lines each)."""
    import ast

    for name in [*DEMO_PACKAGES, "portal.demodata"]:
        path = Path(importlib.import_module(name).__file__)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                assert node.end_lineno - node.lineno + 1 <= 80, f"{path}:{node.lineno} {node.name}"
