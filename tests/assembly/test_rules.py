"""Every rule of the general assembly: notice period, who is convened, proxies, quorum at the
first and second convocation, majorities, closed items, the election and the minutes."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from assembly import services
from assembly.models import Assembly, Attendance, Candidate, Decision, Item, ItemKind, Majority
from bureau.models import Mandate, Seat
from tests.assembly.conftest import make_assembly

pytestmark = pytest.mark.django_db


def convened(assembly):
    services.convene(assembly=assembly)
    return {c.person.name: c for c in assembly.convocations.select_related("person")}


def test_the_notice_period_is_checked_before_convening(members):
    late = make_assembly(days_ahead=10, notice_days=15)
    with pytest.raises(services.AssemblyError, match="15"):
        services.convene(assembly=late)
    assert not late.convocations.exists()  # nothing half-saved
    on_time = make_assembly(days_ahead=15, notice_days=15)
    assert services.convene(assembly=on_time) > 0


def test_only_active_members_of_the_convened_council_levels_are_convened(assembly):
    people = convened(assembly)
    assert sorted(people) == sorted(
        ["أحمد", "فاطمة", "يوسف", "خديجة", "محمد", "زينب"]
    )  # no commune, no suspended
    assert people["زينب"].delivery == "post"  # no e-mail: listed for post
    assert list(assembly.convocations.for_post()) == [people["زينب"]]
    # Convening again adds nobody twice.
    assert services.convene(assembly=assembly) == 0


def test_rules_are_copied_into_the_assembly(assembly):
    from assembly.models import AssemblyRules

    rules = AssemblyRules.get_solo()
    rules.max_proxies = 5
    rules.save()
    assembly.refresh_from_db()
    assert assembly.rule.max_proxies == 1


def test_proxy_limit_self_and_chains_are_refused(assembly):
    people = convened(assembly)
    ahmed, fatima, youssef, khadija = (people[name] for name in ["أحمد", "فاطمة", "يوسف", "خديجة"])
    services.give_proxy(convocation=fatima, holder=ahmed)
    with pytest.raises(services.AssemblyError, match=r"لدى .* توكيل واحد،"):
        services.give_proxy(convocation=youssef, holder=ahmed)  # limit of one
    with pytest.raises(services.AssemblyError):
        services.give_proxy(convocation=youssef, holder=youssef)
    with pytest.raises(services.AssemblyError):
        services.give_proxy(convocation=khadija, holder=fatima)  # fatima gave hers: no chain
    with pytest.raises(services.AssemblyError):
        services.give_proxy(convocation=ahmed, holder=khadija)  # ahmed holds one: no chain
    assert Attendance.objects.filter(status="represented").count() == 1


def test_a_proxy_to_a_member_of_another_assembly_is_refused(assembly, members):
    people = convened(assembly)
    other = make_assembly()
    services.convene(assembly=other)
    with pytest.raises(services.AssemblyError):
        services.give_proxy(convocation=people["أحمد"], holder=other.convocations.first())


def test_the_database_refuses_a_proxy_to_oneself_and_a_slot_taken_twice(assembly):
    people = convened(assembly)
    ahmed, fatima, youssef = people["أحمد"], people["فاطمة"], people["يوسف"]
    with pytest.raises(IntegrityError), transaction.atomic():
        Attendance.objects.create(convocation=ahmed, status="represented", proxy_holder=ahmed, proxy_slot=1)
    Attendance.objects.create(convocation=fatima, status="represented", proxy_holder=ahmed, proxy_slot=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Attendance.objects.create(convocation=youssef, status="represented", proxy_holder=ahmed, proxy_slot=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Attendance.objects.create(convocation=youssef, status="present", proxy_holder=ahmed, proxy_slot=2)


def test_quorum_counts_present_and_represented_by_present_holders(assembly):
    people = convened(assembly)  # 6 convened, 50%: 3 required
    services.mark_present(convocation=people["أحمد"])
    services.give_proxy(convocation=people["فاطمة"], holder=people["أحمد"])
    services.give_proxy(convocation=people["خديجة"], holder=people["يوسف"])  # holder absent: not counted
    figures = services.figures(assembly)
    assert (figures["present"], figures["represented"], figures["required"], figures["reached"]) == (
        1,
        1,
        3,
        False,
    )
    services.mark_present(convocation=people["يوسف"])
    assert services.figures(assembly)["reached"] is True
    # Marking present twice counts once.
    services.mark_present(convocation=people["يوسف"])
    assert services.figures(assembly)["present"] == 2


def test_quorum_failing_calls_a_second_convocation_that_sits_with_its_own_quorum(assembly):
    people = convened(assembly)
    services.mark_present(convocation=people["أحمد"])
    result = services.open_sitting(assembly=assembly)
    assert result["reached"] is False
    assembly.refresh_from_db()
    assert assembly.status == Assembly.Status.NO_QUORUM
    with pytest.raises(services.AssemblyError):
        services.mark_present(convocation=people["فاطمة"])  # the first sitting is over
    day = assembly.date + datetime.timedelta(days=7)
    second = services.second_convocation(assembly=assembly, start_date=day)
    assert second.convocation_number == 2 and second.first_convocation == assembly
    assert second.event.start_date == day and second.event_id != assembly.event_id
    assert [i.title for i in second.items.all()] == [i.title for i in assembly.items.all()]
    assert second.convocations.count() == 6
    assert second.convocations.for_post().count() == 1
    assert not set(second.convocations.values_list("token", flat=True)) & set(
        assembly.convocations.values_list("token", flat=True)
    )
    services.mark_present(convocation=second.convocations.first())  # quorum 0%: whoever attends
    assert services.open_sitting(assembly=second)["reached"] is True


def sitting(assembly, present=4):
    people = convened(assembly)
    for convocation in list(people.values())[:present]:
        services.mark_present(convocation=convocation)
    services.open_sitting(assembly=assembly)
    return people


@pytest.mark.parametrize(
    ("majority", "votes", "approved"),
    [
        # Simple: more for than against; abstentions are not votes cast.
        (Majority.SIMPLE, (2, 1, 1), True),
        (Majority.SIMPLE, (1, 1, 2), False),
        (Majority.SIMPLE, (3, 2, 10), True),
        (Majority.SIMPLE, (0, 0, 5), False),
        # Two-thirds of the votes cast (for and against): 4 of 6 cast is two thirds, whatever
        # the 3 abstentions (counted as cast, 4 of 9 would fail).
        (Majority.TWO_THIRDS, (2, 1, 1), True),
        (Majority.TWO_THIRDS, (4, 2, 3), True),
        (Majority.TWO_THIRDS, (6, 0, 20), True),
        (Majority.TWO_THIRDS, (3, 2, 0), False),
        (Majority.TWO_THIRDS, (5, 3, 0), False),
        (Majority.TWO_THIRDS, (0, 0, 4), False),
        # Unanimity: everybody voting is for; an abstention breaks it as an against does.
        (Majority.UNANIMITY, (4, 0, 0), True),
        (Majority.UNANIMITY, (3, 0, 1), False),
        (Majority.UNANIMITY, (3, 1, 0), False),
    ],
)
def test_majorities(majority, votes, approved):
    assert (
        services.majority_reached(majority, votes_for=votes[0], votes_against=votes[1], abstentions=votes[2])
        is approved
    )


def test_abstentions_do_not_defeat_a_two_thirds_amendment(assembly):
    """The statutes' rule end to end: 3 for, 1 against, 2 abstaining adopts the amendment (3 of
    the 4 votes cast); abstentions counted as votes, it would have failed (3 of 6)."""
    people = convened(assembly)
    for convocation in people.values():
        services.mark_present(convocation=convocation)
    services.open_sitting(assembly=assembly)
    statutes = assembly.items.get(kind=ItemKind.STATUTES)
    decision = services.record_decision(
        item=statutes, method="counts", votes_for=3, votes_against=1, abstentions=2
    )
    assert decision.approved is True
    report = assembly.items.get(kind=ItemKind.REPORT)
    rejected = services.record_decision(
        item=report, method="counts", votes_for=2, votes_against=2, abstentions=2
    )
    assert rejected.approved is False


def test_statutes_amendment_needs_two_thirds_and_a_show_of_hands_does_not_show_it(assembly):
    sitting(assembly)
    statutes = assembly.items.get(kind=ItemKind.STATUTES)
    with pytest.raises(services.AssemblyError):
        services.record_decision(item=statutes, method=Decision.Method.SHOW_OF_HANDS)
    decision = services.record_decision(
        item=statutes, method="counts", votes_for=2, votes_against=2, abstentions=0
    )
    assert decision.approved is False
    report = assembly.items.get(kind=ItemKind.REPORT)
    assert services.record_decision(item=report, method=Decision.Method.SHOW_OF_HANDS).approved


def test_more_votes_than_voters_and_a_closed_item_are_refused(assembly):
    sitting(assembly, present=3)
    report = assembly.items.get(kind=ItemKind.REPORT)
    with pytest.raises(services.AssemblyError, match="3"):
        services.record_decision(item=report, method="counts", votes_for=3, votes_against=1, abstentions=0)
    assert not Decision.objects.exists()
    services.record_decision(item=report, method=Decision.Method.UNANIMITY)
    with pytest.raises(services.AssemblyError):
        services.record_decision(item=report, method="counts", votes_for=1, votes_against=0, abstentions=0)
    with pytest.raises(IntegrityError), transaction.atomic():
        Decision.objects.create(item=report, method="unanimity", approved=True)


def test_decisions_wait_for_the_sitting(assembly):
    convened(assembly)
    with pytest.raises(services.AssemblyError):
        services.record_decision(item=assembly.items.first(), method=Decision.Method.UNANIMITY)


def test_the_election_creates_the_new_mandate_through_the_renewal_service(assembly, members):
    old = Mandate.objects.create(start=datetime.date(2019, 1, 28), is_current=True)
    sitting(assembly)
    election = assembly.items.get(kind=ItemKind.ELECTION)
    Candidate.objects.create(item=election, person=members[0], office="president", votes=4, elected=True)
    Candidate.objects.create(
        item=election, person=members[1], office="vice_president", rank=1, votes=4, elected=True
    )
    Candidate.objects.create(item=election, person=members[2], office="treasurer", votes=1, elected=False)
    with pytest.raises(services.AssemblyError):
        services.elect_bureau(item=election)  # no result recorded yet
    services.record_decision(item=election, method=Decision.Method.UNANIMITY)
    mandate = services.elect_bureau(item=election)
    old.refresh_from_db()
    assert old.is_current is False and old.end == assembly.date - datetime.timedelta(days=1)
    assert (
        mandate.is_current and mandate.assembly == assembly.event and mandate.assembly_date == assembly.date
    )
    assert list(Seat.objects.filter(mandate=mandate).values_list("person__name", "office")) == [
        ("أحمد", "president"),
        ("فاطمة", "vice_president"),
    ]
    with pytest.raises(services.AssemblyError):
        services.elect_bureau(item=election)


def test_minutes_are_generated_from_the_record_then_approved_and_frozen(assembly, admin_user):
    sitting(assembly)
    for item in assembly.items.all():
        services.record_decision(item=item, method=Decision.Method.UNANIMITY)
    minutes = services.generate_minutes(assembly=assembly)
    assert "4" in minutes.text_ar and "6" in minutes.text_ar
    assert "بالإجماع" in minutes.text_ar
    assert "unanimité" in minutes.text_fr
    agenda = Item.objects.filter(assembly=assembly)
    assert all(item.title in minutes.text_ar for item in agenda)
    services.approve_minutes(minutes=minutes, by=admin_user)
    with pytest.raises(services.AssemblyError):
        services.generate_minutes(assembly=assembly)
    assembly.refresh_from_db()
    assert assembly.status == Assembly.Status.CLOSED
    assert assembly.history.count() >= 2  # every change is in the history
