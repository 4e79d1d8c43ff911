"""Partners became organisations (issue 20): the database is taken back to the association's
last migration where a partner had its own names, filled as it was then (a university typed
both as a partner and as an organisation, twice as a partner), and migrated forward; then back
again. Nothing the partner recorded is lost, and one record says who each body is."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from association.models import Partner, PartnershipAgreement
from members.models import Organisation

BEFORE = [("association", "0010_merge_20261203_1426")]
UNIVERSITY = "جامعة الأخوين بإفران"


def _migrate(targets):
    """Migrate to ``targets``; the models as they were then, the members app's (organisations)
    as they are now."""
    executor = MigrationExecutor(connection)
    members = [node for node in executor.loader.graph.leaf_nodes() if node[0] == "members"]
    executor.migrate(targets + members)
    return executor.loader.project_state(targets + members).apps


def _latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_partners_point_at_one_organisation_each_and_keep_their_data():
    old = _migrate(BEFORE)
    OldPartner = old.get_model("association", "Partner")
    OldAgreement = old.get_model("association", "PartnershipAgreement")
    OldOrganisation = old.get_model("members", "Organisation")
    # What the calendar's migration and the training demo made: the university as an organisation.
    university = OldOrganisation.objects.create(
        name=UNIVERSITY, name_ar=UNIVERSITY, name_fr="", kind="academic"
    )
    partner = OldPartner.objects.create(
        name=UNIVERSITY,
        name_ar=UNIVERSITY,
        name_fr="Université Al Akhawayn d'Ifrane",
        kind="academic",
        website="https://www.aui.ma/",
        description_ar="جامعة عمومية مستقلة",
        logo="partners/aui.png",
        order=3,
    )
    OldAgreement.objects.create(partner=partner, subject="اتفاقية التكوين", subject_ar="اتفاقية التكوين")
    twice = OldPartner.objects.create(name=UNIVERSITY, name_ar=UNIVERSITY, kind="academic", order=9)
    OldAgreement.objects.create(partner=twice, subject="ملحق", subject_ar="ملحق")
    OldPartner.objects.create(
        name="جمعية الجسر",
        name_ar="جمعية الجسر",
        name_fr="Association Al Jisr",
        kind="civil_society",
        order=1,
    )
    OldPartner.objects.create(
        name="المؤسسة المغربية للطالب", name_ar="المؤسسة المغربية للطالب", kind="civil_society", order=2
    )
    OldPartner.objects.create(name="وزارة الداخلية", name_ar="وزارة الداخلية", kind="government", order=4)

    _migrate(_latest())

    assert Partner.objects.count() == 4  # the university's two partnerships are one
    kept = Partner.objects.get(pk=partner.pk)
    assert kept.organisation_id == university.pk  # the organisation already on file, not a copy
    assert Organisation.objects.filter(name_ar=UNIVERSITY).count() == 1
    organisation = kept.organisation
    assert organisation.name_fr == "Université Al Akhawayn d'Ifrane"
    assert (
        organisation.website == "https://www.aui.ma/" and organisation.description_ar == "جامعة عمومية مستقلة"
    )
    assert (kept.logo.name, kept.order) == ("partners/aui.png", 3)
    assert set(PartnershipAgreement.objects.filter(partner=kept).values_list("subject_ar", flat=True)) == {
        "اتفاقية التكوين",
        "ملحق",
    }
    kinds = dict(Partner.objects.values_list("organisation__name_ar", "organisation__kind"))
    assert kinds == {
        UNIVERSITY: "academic",
        "جمعية الجسر": "association",
        "المؤسسة المغربية للطالب": "foundation",
        "وزارة الداخلية": "government",
    }
    assert Organisation.objects.get(name_ar="جمعية الجسر").name_fr == "Association Al Jisr"

    # And back: each partner has its names again.
    old = _migrate(BEFORE)
    names = dict(old.get_model("association", "Partner").objects.values_list("name_ar", "name_fr"))
    assert (
        names[UNIVERSITY] == "Université Al Akhawayn d'Ifrane"
        and names["جمعية الجسر"] == "Association Al Jisr"
    )
    _migrate(_latest())
