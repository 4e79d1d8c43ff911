"""How votes are counted is a rule of the statutes, set in the admin and copied into each
assembly: whether abstentions are votes cast (for a simple and a two-thirds majority), and
whether abstentions leave a unanimity intact. The minutes say which rule judged each result."""

import html
import re

import pytest

from assembly import services
from assembly.models import AssemblyRules, ItemKind, Majority
from tests.assembly.conftest import make_assembly

pytestmark = pytest.mark.django_db

EXCLUDED, CAST = False, True
STRICT, TOLERANT = False, True


@pytest.mark.parametrize(
    ("majority", "votes", "abstentions_are_cast", "tolerates", "approved"),
    [
        # Simple, 3 for, 2 against, 2 abstaining: 3 of 5 votes cast; 3 of 7 when abstentions count.
        (Majority.SIMPLE, (3, 2, 2), EXCLUDED, STRICT, True),
        (Majority.SIMPLE, (3, 2, 2), EXCLUDED, TOLERANT, True),
        (Majority.SIMPLE, (3, 2, 2), CAST, STRICT, False),
        (Majority.SIMPLE, (3, 2, 2), CAST, TOLERANT, False),
        # Half is not a majority, whichever way.
        (Majority.SIMPLE, (2, 2, 0), EXCLUDED, STRICT, False),
        (Majority.SIMPLE, (2, 2, 0), CAST, STRICT, False),
        (Majority.SIMPLE, (4, 0, 3), CAST, STRICT, True),
        # Two thirds, 4 for, 2 against, 1 abstaining: 4 of 6 (two thirds); 4 of 7 when counted.
        (Majority.TWO_THIRDS, (4, 2, 1), EXCLUDED, STRICT, True),
        (Majority.TWO_THIRDS, (4, 2, 1), EXCLUDED, TOLERANT, True),
        (Majority.TWO_THIRDS, (4, 2, 1), CAST, STRICT, False),
        (Majority.TWO_THIRDS, (4, 2, 1), CAST, TOLERANT, False),
        (Majority.TWO_THIRDS, (4, 2, 0), CAST, STRICT, True),
        (Majority.TWO_THIRDS, (0, 0, 4), EXCLUDED, STRICT, False),
        # Unanimity, 5 for and 1 abstaining: broken when strict, whether abstentions are cast or not.
        (Majority.UNANIMITY, (5, 0, 1), EXCLUDED, STRICT, False),
        (Majority.UNANIMITY, (5, 0, 1), CAST, STRICT, False),
        (Majority.UNANIMITY, (5, 0, 1), EXCLUDED, TOLERANT, True),
        (Majority.UNANIMITY, (5, 0, 1), CAST, TOLERANT, True),
        # A vote against breaks it under either rule; nobody for is no unanimity.
        (Majority.UNANIMITY, (5, 1, 0), EXCLUDED, TOLERANT, False),
        (Majority.UNANIMITY, (5, 1, 0), CAST, TOLERANT, False),
        (Majority.UNANIMITY, (0, 0, 6), EXCLUDED, TOLERANT, False),
        (Majority.UNANIMITY, (6, 0, 0), CAST, STRICT, True),
    ],
)
def test_each_counting_rule_on_each_majority(majority, votes, abstentions_are_cast, tolerates, approved):
    votes_for, votes_against, abstentions = votes
    reached = services.majority_reached(
        majority,
        votes_for=votes_for,
        votes_against=votes_against,
        abstentions=abstentions,
        abstentions_are_cast=abstentions_are_cast,
        unanimity_tolerates_abstentions=tolerates,
    )
    assert reached is approved


def test_the_defaults_exclude_abstentions_and_read_unanimity_strictly():
    rules = AssemblyRules.get_solo()
    assert rules.abstentions_are_cast is False
    assert rules.unanimity_tolerates_abstentions is False
    assert services.majority_reached(Majority.TWO_THIRDS, votes_for=4, votes_against=2, abstentions=1)
    assert not services.majority_reached(Majority.UNANIMITY, votes_for=5, votes_against=0, abstentions=1)


def sitting(**rules):
    """An assembly whose six members are all present, sitting, under the given rules."""
    assembly = make_assembly(convene_regional=False, convene_communal=False, **rules)
    services.convene(assembly=assembly)
    for convocation in assembly.convocations.all():
        services.mark_present(convocation=convocation)
    services.open_sitting(assembly=assembly)
    return assembly


BASIS = {
    # (majority, abstentions are cast, unanimity tolerates abstentions): Arabic, French
    (Majority.SIMPLE, False, False): (
        "الأغلبية المطلوبة: الأغلبية البسيطة للأصوات المعبر عنها، دون احتساب الامتناع عن التصويت.",
        "Majorité requise : la majorité simple des suffrages exprimés, abstentions non comptées.",
    ),
    (Majority.SIMPLE, True, False): (
        "الأغلبية المطلوبة: الأغلبية البسيطة للأصوات، مع احتساب الامتناع عن التصويت ضمن الأصوات المعبر عنها.",
        "Majorité requise : la majorité simple des voix, abstentions comptées comme suffrages exprimés.",
    ),
    (Majority.TWO_THIRDS, False, False): (
        "الأغلبية المطلوبة: ثلثا الأصوات المعبر عنها، دون احتساب الامتناع عن التصويت.",
        "Majorité requise : les deux tiers des suffrages exprimés, abstentions non comptées.",
    ),
    (Majority.TWO_THIRDS, True, False): (
        "الأغلبية المطلوبة: ثلثا الأصوات، مع احتساب الامتناع عن التصويت ضمن الأصوات المعبر عنها.",
        "Majorité requise : les deux tiers des voix, abstentions comptées comme suffrages exprimés.",
    ),
    (Majority.UNANIMITY, False, False): (
        "الأغلبية المطلوبة: الإجماع، ويخل به الامتناع عن التصويت.",
        "Majorité requise : l'unanimité, qu'une abstention rompt.",
    ),
    (Majority.UNANIMITY, False, True): (
        "الأغلبية المطلوبة: إجماع الأصوات المعبر عنها، ولا يخل به الامتناع عن التصويت.",
        "Majorité requise : l'unanimité des suffrages exprimés, que les abstentions ne rompent pas.",
    ),
}


@pytest.mark.parametrize("abstentions_are_cast", [False, True])
@pytest.mark.parametrize("tolerates", [False, True])
def test_decisions_and_minutes_follow_the_assemblys_counting_rules(members, abstentions_are_cast, tolerates):
    """End to end: the report (simple), the statutes (two thirds) and the accounts (here
    unanimity) decided with abstentions; each result follows the rules copied into the assembly,
    and the minutes, in Arabic and French, say the result and the rule that judged it."""
    assembly = sitting(
        majority_accounts=Majority.UNANIMITY,
        abstentions_are_cast=abstentions_are_cast,
        unanimity_tolerates_abstentions=tolerates,
    )
    report = assembly.items.get(kind=ItemKind.REPORT)
    statutes = assembly.items.get(kind=ItemKind.STATUTES)
    accounts = assembly.items.get(kind=ItemKind.ACCOUNTS)
    simple = services.record_decision(
        item=report, method="counts", votes_for=3, votes_against=1, abstentions=2
    )
    two_thirds = services.record_decision(
        item=statutes, method="counts", votes_for=3, votes_against=1, abstentions=2
    )
    unanimity = services.record_decision(
        item=accounts, method="counts", votes_for=5, votes_against=0, abstentions=1
    )
    # 3 of 4 votes cast is a majority and two thirds; 3 of 6 (abstentions cast) is neither.
    assert simple.approved is not abstentions_are_cast
    assert two_thirds.approved is not abstentions_are_cast
    assert unanimity.approved is tolerates
    minutes = services.generate_minutes(assembly=assembly)
    for majority in (Majority.SIMPLE, Majority.TWO_THIRDS, Majority.UNANIMITY):
        if majority == Majority.UNANIMITY:
            key = (majority, False, tolerates)
        else:
            key = (majority, abstentions_are_cast, False)
        arabic, french = BASIS[key]
        assert arabic in minutes.text_ar
        assert french in minutes.text_fr
    # The accounts' line: the verdict, the counts and the rule, in that order, in each language.
    verdict_ar = "صودق عليها." if tolerates else "رُفضت."
    verdict_fr = "Approuvé." if tolerates else "Rejeté."
    line_ar = next(line for line in minutes.text_ar.splitlines() if "إجماع" in line)
    line_fr = next(line for line in minutes.text_fr.splitlines() if "unanimité" in line)
    assert line_ar.strip().startswith(f"{verdict_ar} موافق: 5، معارض: 0، ممتنع: 1.")
    assert line_fr.strip().startswith(f"{verdict_fr} Pour : 5, contre : 0, abstentions : 1.")


def test_a_simple_majority_with_abstentions_counted_is_rejected_and_said_so(members):
    assembly = sitting(abstentions_are_cast=True)
    report = assembly.items.get(kind=ItemKind.REPORT)
    decision = services.record_decision(
        item=report, method="counts", votes_for=3, votes_against=1, abstentions=2
    )
    assert decision.approved is False  # 3 of 6 votes cast is not more than half
    minutes = services.generate_minutes(assembly=assembly)
    assert "رُفضت. موافق: 3، معارض: 1، ممتنع: 2." in minutes.text_ar
    assert BASIS[(Majority.SIMPLE, True, False)][0] in minutes.text_ar


def test_the_counting_rules_are_copied_and_a_later_change_rewords_nothing(members):
    assembly = sitting(unanimity_tolerates_abstentions=True, majority_accounts=Majority.UNANIMITY)
    accounts = assembly.items.get(kind=ItemKind.ACCOUNTS)
    assert services.record_decision(
        item=accounts, method="counts", votes_for=5, votes_against=0, abstentions=1
    ).approved
    rules = AssemblyRules.get_solo()
    rules.unanimity_tolerates_abstentions = False
    rules.abstentions_are_cast = True
    rules.save()
    assembly.refresh_from_db()
    assert assembly.rule.unanimity_tolerates_abstentions is True
    assert assembly.rule.abstentions_are_cast is False
    minutes = services.generate_minutes(assembly=assembly)
    assert BASIS[(Majority.UNANIMITY, False, True)][0] in minutes.text_ar
    # A copy made before these rules existed reads them as they were then: both off.
    assembly.rules = {
        k: v
        for k, v in assembly.rules.items()
        if k not in ("abstentions_are_cast", "unanimity_tolerates_abstentions")
    }
    assert assembly.rule.abstentions_are_cast is False
    assert assembly.rule.unanimity_tolerates_abstentions is False


@pytest.mark.parametrize(
    ("language", "labels"),
    [
        (
            "ar",
            [
                "احتساب الامتناع عن التصويت ضمن الأصوات المعبر عنها",
                "الإجماع لا يخل به الامتناع عن التصويت",
                "دون تأشير: تحتسب الأغلبية البسيطة وأغلبية الثلثين",
                "دون تأشير: يخل الامتناع عن التصويت بالإجماع",
            ],
        ),
        (
            "fr",
            [
                "Abstentions comptées comme suffrages exprimés",
                "Unanimité compatible avec des abstentions",
                "Décoché : la majorité simple et celle des deux tiers se calculent",
                "Décoché : une abstention rompt l'unanimité",
            ],
        ),
    ],
)
def test_the_admin_shows_the_counting_rules_with_their_help(admin_client, language, labels):
    page = admin_client.get(f"/{language}/admin/assembly/assemblyrules/").content.decode()
    assert 'name="abstentions_are_cast"' in page
    assert 'name="unanimity_tolerates_abstentions"' in page
    text = re.sub(r"\s+", " ", html.unescape(page))
    for label in labels:
        assert label in text, label
    response = admin_client.post(
        f"/{language}/admin/assembly/assemblyrules/",
        {
            **{
                name: value
                for name, value in AssemblyRules.get_solo().as_dict().items()
                if not isinstance(value, bool)
            },
            "convene_provincial": "on",
            "proxies_allowed": "on",
            "unanimity_tolerates_abstentions": "on",
            "_save": "1",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    rules = AssemblyRules.get_solo()
    assert rules.unanimity_tolerates_abstentions is True and rules.abstentions_are_cast is False
