"""The demo loader transcribes the sources and is idempotent."""

import pytest
from django.apps import apps
from django.core import serializers
from django.core.management import call_command

from association.models import AssociationProfile, CharterGoal, GoverningBody, Partner, PartnershipAgreement


def snapshot():
    """Every row of every portal model, serialised: equal snapshots mean nothing changed."""
    data = {}
    for model in apps.get_models():
        if model._meta.app_label in {"association", "members", "bureau", "events", "training"}:
            rows = model._default_manager.order_by("pk")
            data[model._meta.label] = serializers.serialize("json", rows)
    return data


@pytest.mark.django_db
def test_loading_twice_changes_nothing():
    call_command("load_demo", verbosity=0)
    first = snapshot()
    call_command("load_demo", verbosity=0)
    assert snapshot() == first


@pytest.mark.django_db
def test_ampcp_is_the_default_association():
    call_command("load_demo", verbosity=0)
    profile = AssociationProfile.get_solo()
    assert profile.name_ar == "الجمعية المغربية لرؤساء مجالس العمالات والأقاليم"
    assert profile.acronym == "AMPCP"
    assert profile.founded_on.isoformat() == "2019-01-28"
    assert not profile.phone and not profile.email and not profile.address  # none in the sources
    assert CharterGoal.objects.count() == 4
    assert PartnershipAgreement.objects.get(signed_on="2022-04-15").partner.organisation.name_ar == (
        "اللجنة الوطنية للتربية والعلوم والثقافة"
    )


@pytest.mark.django_db
def test_tangier_tetouan_association_can_be_chosen():
    call_command("load_demo", "--association", "tanger-tetouan", verbosity=0)
    profile = AssociationProfile.get_solo()
    assert profile.name_ar == "جمعية المنتخبين المحليين بجهة طنجة تطوان"
    assert profile.seat_ar == "تطوان (بصفة مؤقتة)"
    goals = list(CharterGoal.objects.values_list("text_ar", flat=True))
    assert len(goals) == 6
    assert goals[-1] == "الاهتمام بالجوانب الاجتماعية المختلفة للمنتخبين والمنتخبات."
    assert GoverningBody.objects.get().name_ar == "المكتب الإداري"
    assert Partner.objects.count() == 0
