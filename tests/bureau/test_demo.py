"""The demo rosters are the sources' rosters, with the sources' own titles."""

import pytest
from django.core.management import call_command

from bureau import versions
from bureau.models import Committee, Mandate

AMPCP_TITLES = [
    ("عبد العزيز الدرويش", "الرئيس"),
    ("نور الدين الأزرق", "النائب الأول للرئيس"),
    ("محمد جلول", "النائب العاشر للرئيس"),
    ("اعتماد الزهيدي", "النائبة الحادية عشرة للرئيس"),
    ("عبد الله كاريم", "النائب الثاني عشر للرئيس"),
    ("حمزة اد موسى", "كاتب عام الجمعية"),
    ("ابراهيم بنصبيح", "نائب كاتب عام الجمعية"),
    ("عبد الواحد خلوقي", "أمين المال"),
    ("الوردي بوشرى", "نائبة أمين المال"),
]


@pytest.mark.django_db
def test_ampcp_bureau_of_17_and_15_committees_with_the_sources_titles(client):
    call_command("load_demo", verbosity=0)
    mandate = Mandate.objects.current()
    assert mandate.assembly_date.isoformat() == "2022-01-29"
    assert mandate.assembly.start_date == mandate.assembly_date  # the calendar's general assembly
    assert mandate.assembly.kind.slug == "general-assembly"
    assert mandate.seats.count() == 17
    # The note cites the source document by title and date, never by a file path.
    assert "الجمع العام العادي لجمعية رؤساء مجالس العمالات والأقاليم" in mandate.note
    assert "29 يناير 2022" in mandate.note and "/" not in mandate.note and ".txt" not in mandate.note
    assert Committee.objects.filter(mandate=mandate).count() == 15
    titles = {seat.person.name_ar: seat.title("ar") for seat in mandate.seats.select_related("person")}
    for name, title in AMPCP_TITLES:
        assert titles[name] == title
    html = client.get("/ar/bureau/").content.decode()
    assert f'href="{mandate.assembly.get_absolute_url()}"' in html
    for name, title in AMPCP_TITLES:
        assert name in html and title in html
    committees = client.get("/ar/bureau/committees/").content.decode()
    assert "لجنة الصحة" in committees and "احمد خيار" in committees
    assert "Président de la commission de la santé" in client.get("/fr/bureau/committees/").content.decode()
    assert "محمد قاسمي" in html and "المجلس الإقليمي لخريبكة" in html


@pytest.mark.django_db
def test_tangier_tetouan_bureau_of_15_with_two_third_vice_presidents(client):
    call_command("load_demo", "--association", "tanger-tetouan", verbosity=0)
    mandate = Mandate.objects.current()
    assert mandate.seats.count() == 15 and mandate.start is None
    assert "بلاغ تأسيس" in mandate.note and "/" not in mandate.note
    titles = [(seat.person.name_ar, seat.title("ar")) for seat in mandate.seats.select_related("person")]
    assert titles[:5] == [
        ("عبد الله الجوط", "الرئيس"),
        ("مصطفى البكوري", "النائب الأول"),
        ("فاطمة الزهراء الشاوي", "النائبة الثانية"),
        ("عادل بنونة", "النائب الثالث"),
        ("آسية بوزكري", "النائبة الثالثة"),
    ]
    assert [t for n, t in titles].count("مستشار") == 5 and ("فاطمة بودياب", "مستشارة") in titles
    html = client.get("/ar/bureau/").content.decode()
    assert "المكتب الإداري" in html and "النائبة الثانية" in html and "للرئيس" not in html


@pytest.mark.django_db
def test_a_database_loaded_with_the_old_path_note_gets_the_citation_without_a_second_mandate():
    call_command("load_demo", verbosity=0)
    mandate = Mandate.objects.current()
    mandate.note = "Source: shared/seeds/002_3645a366a02511d6.txt"
    mandate.save()  # as an earlier demo loader wrote it, its history too
    call_command("load_demo", verbosity=0)
    assert Mandate.objects.count() == 1
    assert Mandate.objects.get().note.startswith("المصدر: ")
    # The mandate's history shows no path either.
    assert not mandate.history.filter(note__contains="seeds").exists()
    changes = [change for entry in versions.detail_changes(mandate) for change in entry["changes"]]
    assert not [change for change in changes if "seeds" in str(change)]
