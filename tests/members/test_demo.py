import pytest

from members import demo
from members.models import Membership, Person


@pytest.mark.django_db
def test_ampcp_people_from_the_sources():
    assert demo.load("ampcp") == {"people": 32, "organisations": 3}
    assert Person.objects.count() == 32
    assert Person.objects.filter(gender="f").count() == 2
    assert Person.objects.get(name_ar="الوردي بوشرى").gender == "f"
    kassimi = Membership.objects.get(person__name_ar="محمد قاسمي")
    assert kassimi.holder == "council" and kassimi.council.name_ar == "المجلس الإقليمي لخريبكة"
    assert Membership.objects.get(person__name_ar="لحسن زلمط").council.province.code == "03.451"
    assert Membership.objects.filter(holder="council").count() == 2  # no invented council links
    assert not Person.objects.exclude(phone="").exists() and not Person.objects.exclude(email="").exists()
    demo.load("ampcp")
    assert Person.objects.count() == 32


@pytest.mark.django_db
def test_tangier_tetouan_bureau():
    demo.load("tanger-tetouan")
    assert Person.objects.count() == 15
    assert set(Person.objects.filter(gender="f").values_list("name_ar", flat=True)) == {
        "فاطمة الزهراء الشاوي",
        "آسية بوزكري",
        "فاطمة بودياب",
    }
