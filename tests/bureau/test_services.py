"""Renewal keeps history, replacement keeps both people, ranks follow drag and drop, warnings."""

import datetime

import pytest
from django.utils.translation import override

from bureau import services
from bureau.models import Mandate
from tests.bureau.factories import CommitteeSeatFactory, MandateFactory, SeatFactory
from tests.members.factories import PersonFactory

D = datetime.date


@pytest.mark.django_db
def test_renewing_keeps_the_old_mandate_as_history_and_copies_the_roster():
    old = MandateFactory()
    president = SeatFactory(mandate=old, office="president")
    SeatFactory(mandate=old, office="councillor", end=D(2023, 1, 1))  # replaced: not copied
    chair = CommitteeSeatFactory(committee__mandate=old)
    new = services.mandate_renew(mandate=old, start=D(2025, 2, 1), assembly_date=D(2025, 1, 31))
    old.refresh_from_db()
    assert (old.is_current, old.end) == (False, D(2025, 1, 31))
    assert Mandate.objects.current() == new and new.assembly_date == D(2025, 1, 31)
    assert [(s.office, s.person_id) for s in new.seats.all()] == [("president", president.person_id)]
    assert old.seats.count() == 2  # untouched
    copied = new.committees.get()
    assert copied.pk != chair.committee.pk and copied.name_ar == chair.committee.name_ar
    assert copied.seats.get().person_id == chair.person_id
    assert chair.committee.mandate_id == old.pk


@pytest.mark.django_db
def test_a_new_mandate_cannot_start_before_the_current_one():
    with pytest.raises(ValueError):
        services.mandate_renew(mandate=MandateFactory(), start=D(2021, 1, 1))
    assert Mandate.objects.current().start == D(2022, 1, 29)


@pytest.mark.django_db
def test_replacement_keeps_both_people_with_their_dates():
    seat = SeatFactory(office="councillor", order=7)
    newcomer = PersonFactory(name_ar="فاطمة بودياب", gender="f")
    new = services.replace_seat(seat=seat, person=newcomer, on=D(2023, 6, 1))
    seat.refresh_from_db()
    assert seat.end == D(2023, 5, 31) and new.start == D(2023, 6, 1)
    assert (new.office, new.order, new.mandate_id) == ("councillor", 7, seat.mandate_id)
    assert list(seat.mandate.seats.held()) == [new]
    assert new.title("ar") == "مستشارة"


@pytest.mark.django_db
def test_dragging_vice_presidents_hands_their_ranks_out_again():
    mandate = MandateFactory()
    first = SeatFactory(mandate=mandate, office="vice_president", rank=1, order=2)
    second = SeatFactory(mandate=mandate, office="vice_president", rank=2, order=1)  # dragged above
    third_a = SeatFactory(mandate=mandate, office="vice_president", rank=3, order=3)
    third_b = SeatFactory(mandate=mandate, office="vice_president", rank=3, order=4)
    services.align_ranks_with_order(mandate=mandate)
    ranks = {s.pk: s.rank for s in mandate.seats.all()}
    assert ranks == {second.pk: 1, first.pk: 2, third_a.pk: 3, third_b.pk: 3}


@pytest.mark.django_db
def test_typed_ranks_reorder_the_roster():
    mandate = MandateFactory()
    a = SeatFactory(mandate=mandate, office="vice_president", rank=2, order=1)
    b = SeatFactory(mandate=mandate, office="vice_president", rank=1, order=2)
    services.align_ranks_with_order(mandate=mandate, ranks_edited=True)
    a.refresh_from_db(), b.refresh_from_db()
    assert (b.order, a.order) == (1, 2) and (b.rank, a.rank) == (1, 2)


@pytest.mark.django_db
def test_warnings_for_what_looks_wrong():
    mandate = MandateFactory(end=D(2025, 1, 28))
    person = PersonFactory(name_ar="آسية بوزكري", name_fr="Assia Bouzekri", gender="f")
    SeatFactory(mandate=mandate, office="vice_president", rank=3)
    SeatFactory(mandate=mandate, office="vice_president", rank=3, person=person)
    SeatFactory(mandate=mandate, office="councillor", person=person)
    SeatFactory(mandate=mandate, office="councillor", start=D(2021, 1, 1))
    with override("fr"):
        warnings = services.roster_warnings(mandate)
    assert warnings[:3] == [
        "Personne n'occupe la fonction « Président ».",
        "Personne n'occupe la fonction « Secrétaire général ».",
        "Personne n'occupe la fonction « Trésorier ».",
    ]  # expected offices left empty
    warnings = warnings[3:]
    assert len(warnings) == 3
    assert "2" in warnings[0] and "3" in warnings[0]
    assert "Assia Bouzekri" in warnings[1]
    assert any("hors du mandat" in w for w in warnings)
    assert services.roster_warnings(MandateFactory(is_current=False)) == []
    # About a person, in her or his gender (issue 22): تشغل for a woman, يشغل for a man.
    with override("ar"):
        assert "آسية بوزكري تشغل أكثر من مهمة في هذا المكتب." in services.roster_warnings(mandate)
    person.gender = "m"
    person.save()
    with override("ar"):
        assert "آسية بوزكري يشغل أكثر من مهمة في هذا المكتب." in services.roster_warnings(mandate)


@pytest.mark.django_db
def test_committee_warnings_for_what_looks_wrong():
    from tests.bureau.factories import CommitteeFactory

    committee = CommitteeFactory(
        mandate=MandateFactory(start=D(2022, 1, 29), end=D(2025, 1, 28)), name_fr="commission des finances"
    )
    person = PersonFactory(name_ar="آسية بوزكري", name_fr="Assia Bouzekri")
    CommitteeSeatFactory(committee=committee, role="committee_member", person=person)
    CommitteeSeatFactory(committee=committee, role="committee_rapporteur", person=person)
    CommitteeSeatFactory(committee=committee, role="committee_member", end=D(2026, 1, 1))
    with override("fr"):
        warnings = services.committee_warnings(committee)
    assert warnings[0] == "La commission « commission des finances » n'a pas de président."
    assert "Assia Bouzekri" in warnings[1]
    assert "hors du mandat" in warnings[2] and len(warnings) == 3
    CommitteeSeatFactory(committee=committee, role="committee_chair")
    with override("fr"):
        assert services.committee_warnings(committee) == warnings[1:]  # one chair: as it should be
    assert services.committee_warnings(CommitteeFactory(mandate=committee.mandate)) == []  # nothing yet
