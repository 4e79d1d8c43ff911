import datetime

import pytest
from django.utils import timezone

from assembly.models import Assembly, AssemblyRules, Item, ItemKind
from events.models import Event, EventKind
from members.models import Council, Membership, Person


def make_member(name, *, council=None, email=True, gender="m", status=Membership.Status.ACTIVE):
    person = Person.objects.create(
        name=name, name_ar=name, gender=gender, email=f"{abs(hash(name))}@example.org" if email else ""
    )
    Membership.objects.create(person=person, council=council, status=status)
    return person


def make_assembly(*, days_ahead=30, **rules):
    settings_row = AssemblyRules.get_solo()
    for name, value in rules.items():
        setattr(settings_row, name, value)
    settings_row.save()
    event = Event.objects.create(
        kind=EventKind.objects.get(slug="general-assembly"),
        title="الجمع العام العادي",
        title_ar="الجمع العام العادي",
        title_fr="Assemblée générale ordinaire",
        start_date=timezone.localdate() + datetime.timedelta(days=days_ahead),
        venue="مقر الجمعية",
        venue_ar="مقر الجمعية",
        city="الرباط",
        city_ar="الرباط",
        visibility=Event.Visibility.MEMBERS,
    )
    assembly = Assembly.objects.create(event=event)
    for order, (kind, title) in enumerate(
        [
            (ItemKind.REPORT, "المصادقة على التقرير الأدبي"),
            (ItemKind.ACCOUNTS, "المصادقة على التقرير المالي"),
            (ItemKind.STATUTES, "تعديل القانون الأساسي"),
            (ItemKind.ELECTION, "تجديد المكتب"),
        ]
    ):
        Item.objects.create(
            assembly=assembly, order=order, kind=kind, title=title, title_ar=title, title_fr=title
        )
    return assembly


@pytest.fixture
def councils(db):
    return {
        "provincial": Council.objects.filter(level="provincial").order_by("pk")[:6],
        "communal": Council.objects.filter(level="communal").order_by("pk")[:2],
        "regional": Council.objects.filter(level="regional").order_by("pk")[:1],
    }


@pytest.fixture
def members(councils):
    """Six members from provincial councils (one without e-mail), one from a commune, one
    suspended: the rules below convene provincial and prefectural councils only."""
    people = [
        make_member(name, council=council, email=index != 5, gender="f" if index % 2 else "m")
        for index, (name, council) in enumerate(
            zip(["أحمد", "فاطمة", "يوسف", "خديجة", "محمد", "زينب"], councils["provincial"], strict=True)
        )
    ]
    make_member("عمر", council=councils["communal"][0])
    make_member("سعاد", council=councils["provincial"][0], status=Membership.Status.SUSPENDED)
    return people


@pytest.fixture
def assembly(members):
    return make_assembly(convene_regional=False, convene_communal=False, max_proxies=1)
