"""The database keeps the rules: one current mandate per body, dates in order, ranks positive."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from bureau.models import Mandate, OfficeKind, OfficeWording, Seat
from tests.bureau.factories import CommitteeSeatFactory, MandateFactory, SeatFactory
from tests.members.factories import PersonFactory


@pytest.mark.django_db
def test_only_one_current_mandate_per_body():
    MandateFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        MandateFactory()
    MandateFactory(is_current=False, start=datetime.date(2019, 1, 28), end=datetime.date(2022, 1, 28))
    assert Mandate.objects.count() == 2
    assert Mandate.objects.current().start == datetime.date(2022, 1, 29)
    assert list(Mandate.objects.past().values_list("start", flat=True)) == [datetime.date(2019, 1, 28)]


@pytest.mark.django_db
def test_mandate_and_seat_cannot_end_before_they_start():
    with pytest.raises(IntegrityError), transaction.atomic():
        MandateFactory(start=datetime.date(2022, 1, 29), end=datetime.date(2021, 1, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        SeatFactory(start=datetime.date(2022, 3, 1), end=datetime.date(2022, 2, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        SeatFactory(office=OfficeKind.VICE_PRESIDENT, rank=0)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("office", "rank", "gender", "ar", "fr"),
    [
        ("vice_president", 11, "f", "النائبة الحادية عشرة للرئيس", "11e vice-présidente"),
        ("vice_president", 12, "m", "النائب الثاني عشر للرئيس", "12e vice-président"),
        ("vice_president", 1, "f", "النائبة الأولى للرئيس", "1re vice-présidente"),
        ("secretary_general", None, "f", "الكاتبة العامة", "Secrétaire générale"),
        ("deputy_treasurer", None, "f", "نائبة أمين المال", "Trésorière adjointe"),
        ("councillor", None, "f", "مستشارة", "Conseillère"),
    ],
)
def test_seat_title_follows_office_rank_and_the_holders_gender(office, rank, gender, ar, fr):
    seat = SeatFactory(office=office, rank=rank, person=PersonFactory(gender=gender))
    assert seat.title("ar") == ar
    assert seat.title("fr") == fr


@pytest.mark.django_db
def test_the_associations_wording_changes_titles_without_code():
    seat = SeatFactory(office="vice_president", rank=2, person=PersonFactory(gender="f"))
    OfficeWording.objects.create(
        office="vice_president",
        ar_male="النائب {ordinal}",
        ar_female="النائبة {ordinal}",
        fr_male="{ordinal} vice-président",
        fr_female="{ordinal} vice-présidente",
    )
    assert seat.title("ar") == "النائبة الثانية"


def test_wording_must_keep_its_placeholders():
    wording = OfficeWording(office="vice_president", ar_male="النائب", ar_female="النائبة {rank}",
                            fr_male="{ordinal} vice-président", fr_female="{ordinal} vice-présidente")  # fmt: skip
    with pytest.raises(ValidationError) as error:
        wording.clean()
    assert set(error.value.message_dict) == {"ar_male", "ar_female"}


@pytest.mark.django_db
def test_committee_seat_title_names_the_committee():
    seat = CommitteeSeatFactory(
        committee__name_ar="لجنة الصحة",
        committee__name_fr="commission de la santé",
        person=PersonFactory(gender="f"),
    )
    assert seat.title("ar") == "رئيسة لجنة الصحة"
    assert seat.title("fr") == "Présidente de la commission de la santé"


@pytest.mark.django_db
def test_every_change_is_kept_in_the_history():
    seat = SeatFactory(office="vice_president", rank=1)
    seat.rank = 2
    seat.save()
    assert [h.rank for h in seat.history.order_by("history_date")] == [1, 2]
    committee = CommitteeSeatFactory(committee__mandate=seat.mandate).committee
    committee.name_fr = "commission renommée"
    committee.save()
    assert committee.history.latest().name_fr == "commission renommée"
    assert Seat.history.count() == 2
