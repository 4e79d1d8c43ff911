"""Two rows of one file that give the same e-mail address: one person, or a clear error."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from members.models import CouncilSeat, Person
from tests.members.test_import import _file

pytestmark = pytest.mark.django_db


def _import(tmp_path, rows):
    err = io.StringIO()
    call_command("import_members", str(_file(tmp_path, rows)), stdout=io.StringIO(), stderr=err)
    return err.getvalue()


def test_two_new_people_with_one_address_fail_the_import_naming_row_and_column(tmp_path, settings):
    settings.LANGUAGE_CODE = "en"
    translation.activate("en")
    rows = [
        ["محمد قاسمي", "Mohamed Kassimi", "ذكر", "05.311", "عضو", "", "", "shared@example.org"],
        ["سعيد الناصري", "Said Naciri", "ذكر", "05.311", "عضو", "", "", "Shared@Example.org"],
    ]
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_members", str(_file(tmp_path, rows)), stdout=io.StringIO(), stderr=err)
    message = err.getvalue()
    assert "row 2" in message and "البريد الإلكتروني" in message and "row 1" in message, message
    assert not Person.objects.exists()


def test_one_person_on_two_rows_with_one_address_is_one_person(tmp_path):
    rows = [
        ["محمد قاسمي", "Mohamed Kassimi", "ذكر", "05.311", "عضو", "", "", "kassimi@example.org"],
        [
            "محمد قاسمي",
            "Mohamed Kassimi",
            "ذكر",
            "Conseil provincial de Sefrou",
            "رئيس",
            "",
            "",
            "kassimi@example.org",
        ],
    ]
    _import(tmp_path, rows)
    assert Person.objects.count() == 1
    assert CouncilSeat.objects.filter(person__email="kassimi@example.org").count() == 2


def test_one_name_and_council_with_two_addresses_fail_the_import(tmp_path, settings):
    settings.LANGUAGE_CODE = "en"
    translation.activate("en")
    rows = [
        ["محمد قاسمي", "Mohamed Kassimi", "ذكر", "05.311", "عضو", "", "", "one@example.org"],
        ["محمد قاسمي", "", "ذكر", "05.311", "عضو", "", "", "two@example.org"],
    ]
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_members", str(_file(tmp_path, rows)), stdout=io.StringIO(), stderr=err)
    message = err.getvalue()
    assert "row 2" in message and "one@example.org" in message, message
    assert not Person.objects.exists()
