"""The demo press releases and news: the sources' items, once each, with their own dates."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from press.models import PressRelease


def local_date(item):
    return timezone.localtime(item.publish_at).date() if item.publish_at else None


@pytest.mark.django_db
def test_ampcp_press_items_come_from_the_sources_with_their_dates(demo):
    items = {item.title_ar: item for item in PressRelease.objects.all()}
    assert len(items) == 16
    assert all(item.is_public for item in items.values())
    dates = {local_date(item) for item in items.values()}
    for day in [(2022, 10, 24), (2022, 10, 10), (2022, 9, 29), (2022, 9, 16), (2022, 6, 20), (2022, 4, 23),
                (2022, 4, 15), (2022, 3, 30), (2022, 3, 15), (2022, 1, 29), (2021, 2, 5), (2016, 4, 4)]:  # fmt: skip
        assert datetime.date(*day) in dates, day
    paris = PressRelease.objects.get(title_ar="بلاغ صحفي، باريس")
    assert paris.kind == "press_release" and local_date(paris) == datetime.date(2022, 6, 20)
    # The passages duplicated in the source appear once.
    assert PressRelease.objects.filter(title_ar__contains="الجمع العام العادي").count() == 1
    assert PressRelease.objects.filter(search_key__contains="باريس").count() >= 1
    assert all(item.slug and item.body_ar for item in items.values())
    for item in items.values():
        assert "<script" not in item.body_ar and "style=" not in item.body_ar
    # Items whose texts state no date are published without one, never with an invented date.
    undated = [item for item in items.values() if item.publish_at is None]
    assert {item.title_ar for item in undated} >= {"مؤسسة ازمور للتنمية المحلية"}


@pytest.mark.django_db
def test_loading_the_press_twice_changes_nothing(demo):
    before = list(PressRelease.objects.order_by("pk").values_list("pk", "slug", "title_ar", "publish_at"))
    call_command("load_demo", verbosity=0)
    after = list(PressRelease.objects.order_by("pk").values_list("pk", "slug", "title_ar", "publish_at"))
    assert before == after


@pytest.mark.django_db
def test_tangier_tetouan_gets_its_founding_press_release(db):
    call_command("load_demo", "--association", "tanger-tetouan", verbosity=0)
    item = PressRelease.objects.get(title_ar__startswith="بلاغ: تأسيس جمعية المنتخبين المحليين")
    assert "عبد الله الجوط" in item.body_ar and item.is_public
