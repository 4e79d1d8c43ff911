"""The statutes' versions: each assembly records the version in force on its date and keeps the
rules it copied; an amendment the assembly adopts adds a version from a date; the admin in
Arabic and French (issue 23)."""

import datetime

import pytest
from django.utils import translation

from assembly import services
from assembly.models import AssemblyRules, Decision, ItemKind, StatutesVersion
from tests.assembly.conftest import make_assembly

pytestmark = pytest.mark.django_db


def sit(assembly):
    services.convene(assembly=assembly)
    for convocation in assembly.convocations.all():
        services.mark_present(convocation=convocation)
    services.open_sitting(assembly=assembly)


def set_rules(**values):
    rules = AssemblyRules.get_solo()
    for name, value in values.items():
        setattr(rules, name, value)
    rules.save()


def test_each_assembly_keeps_the_rules_of_the_version_in_force_on_its_date(assembly):
    founding = services.statutes_version_save(
        version=StatutesVersion(number=1, in_force_from=datetime.date(2019, 1, 28))
    )
    set_rules(max_proxies=1)
    founding.refresh_from_db()
    assert founding.rules["max_proxies"] == 1  # the settings are the latest version's rules
    # The assembly of the fixture was created before any version: it records none.
    assert assembly.statutes is None
    first = make_assembly(days_ahead=30)
    assert first.statutes == founding and first.rule.max_proxies == 1

    # The amendment is adopted at the first assembly, in force ten days after it.
    statutes = first.items.get(kind=ItemKind.STATUTES)
    statutes.statutes_in_force_from = first.date + datetime.timedelta(days=10)
    statutes.save()
    sit(first)
    services.record_decision(
        item=statutes, method=Decision.Method.COUNTS, votes_for=5, votes_against=0, abstentions=0
    )
    amended = StatutesVersion.objects.get(item=statutes)
    assert (amended.number, amended.adopted_by, amended.adopted_on) == (2, first, first.date)
    assert amended.in_force_from == first.date + datetime.timedelta(days=10)
    assert amended.document is None  # no draft was sent with the item: no text, the version all the same

    # The secretariat writes the amended rules into the settings: the new version follows them,
    # the founding version keeps its own.
    set_rules(max_proxies=3)
    amended.refresh_from_db()
    founding.refresh_from_db()
    assert amended.rules["max_proxies"] == 3 and founding.rules["max_proxies"] == 1

    before = make_assembly(days_ahead=35)  # before the amendment applies
    after = make_assembly(days_ahead=45)
    assert before.statutes == founding and before.rule.max_proxies == 1
    assert after.statutes == amended and after.rule.max_proxies == 3
    first.refresh_from_db()
    assert first.statutes == founding and first.rule.max_proxies == 1  # old assemblies keep theirs


def test_an_amendment_dated_before_the_version_in_force_is_refused_and_nothing_is_saved(assembly):
    later = services.statutes_version_save(
        version=StatutesVersion(number=1, in_force_from=assembly.date + datetime.timedelta(days=5))
    )
    statutes = assembly.items.get(kind=ItemKind.STATUTES)
    sit(assembly)
    with pytest.raises(services.AssemblyError) as error:
        services.record_decision(item=statutes, method="counts", votes_for=5, votes_against=0, abstentions=0)
    assert "1" in error.value.messages[0]
    assert not Decision.objects.filter(item=statutes).exists()  # the item stays open
    assert list(StatutesVersion.objects.all()) == [later]
    # Nor before the assembly that adopts it.
    later.delete()
    statutes.statutes_in_force_from = assembly.date - datetime.timedelta(days=1)
    statutes.save()
    with pytest.raises(services.AssemblyError):
        services.record_decision(item=statutes, method="counts", votes_for=5, votes_against=0, abstentions=0)
    assert not StatutesVersion.objects.exists() and not Decision.objects.filter(item=statutes).exists()


def test_a_second_convocation_keeps_the_first_ones_statutes(members):
    version = services.statutes_version_save(
        version=StatutesVersion(number=1, in_force_from=datetime.date(2019, 1, 28))
    )
    first = make_assembly(convene_regional=False, convene_communal=False)
    services.convene(assembly=first)
    services.open_sitting(assembly=first)  # nobody present: no quorum
    second = services.second_convocation(assembly=first, start_date=first.date + datetime.timedelta(days=15))
    assert second.statutes == version and second.rules == first.rules


@pytest.mark.parametrize(
    ("language", "title"), [("ar", "صيغ القانون الأساسي"), ("fr", "Versions des statuts")]
)
def test_the_versions_in_the_admin(admin_client, assembly, language, title):
    add = f"/{language}/admin/assembly/statutesversion/add/"
    page = admin_client.get(add).content.decode()
    assert title in page and 'value="1"' in page  # the next number offered
    response = admin_client.post(
        add,
        {
            "number": "1",
            "in_force_from": "2019-01-28",
            "adopted_on": "2019-01-28",
            "document": "",
            "note_ar": "القانون الأساسي عند التأسيس",
            "note_fr": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    version = StatutesVersion.objects.get()
    assert version.rules == AssemblyRules.get_solo().as_dict()  # the latest: the settings' rules
    # The rules' screen says which version they are the rules of.
    rules_page = admin_client.get(f"/{language}/admin/assembly/assemblyrules/").content.decode()
    with translation.override(language):
        assert str(version) in rules_page and "2019" in rules_page
    # Adopted after its entry into force: refused with a message, nothing saved.
    response = admin_client.post(
        add, {"number": "2", "in_force_from": "2020-01-01", "adopted_on": "2020-02-01", "note_ar": ""}
    )
    assert response.status_code == 200 and StatutesVersion.objects.count() == 1
    # A version adopted by an assembly: its date and number are read only.
    statutes = assembly.items.get(kind=ItemKind.STATUTES)
    sit(assembly)
    services.record_decision(item=statutes, method="unanimity")
    adopted = StatutesVersion.objects.get(item=statutes)
    page = admin_client.get(
        f"/{language}/admin/assembly/statutesversion/{adopted.pk}/change/"
    ).content.decode()
    assert 'name="in_force_from"' not in page and 'name="number"' not in page
    with translation.override(language):
        assert str(assembly) in page
    assembly_page = admin_client.get(f"/{language}/admin/assembly/assembly/{assembly.pk}/change/")
    assert assembly_page.status_code == 200
