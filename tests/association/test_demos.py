"""Each organisation of the sources is its own demo: it loads, its menu and sitemap lead to pages,
and what it shows is what its seed says (names, goals, principles, bodies, territory)."""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import models

from association.demo import ASSOCIATIONS
from association.models import AssociationProfile, CharterGoal, GoverningBody, StrategicPrinciple
from bureau.models import Mandate
from members.models import Person
from tests.urlwalk import sitemap_text

SEEDS = Path(settings.BASE_DIR).parent.parent / "shared" / "seeds"
SEED_FILES = {"ampcp": "002_3645a366a02511d6.txt", "tanger-tetouan": "000_563c0486eaa49622.txt",
              "azemmour": "001_6320d3e29f07cc34.txt"}  # fmt: skip


def _seed(key):
    for root in (SEEDS, Path("/work/shared/seeds")):
        if (root / SEED_FILES[key]).exists():
            return (root / SEED_FILES[key]).read_text(encoding="utf-8")
    pytest.skip("the source documents (shared/seeds) are not on this machine")


def _plain(text):
    """Letters only: the sources' stray spaces, elongation strokes and punctuation do not count."""
    return re.sub(r"[\s\u0640.,:؛،\-–()…]+", "", text)


def test_the_three_organisations_are_offered_and_the_ampcp_is_the_default():
    assert ASSOCIATIONS == ["ampcp", "azemmour", "tanger-tetouan"]
    from association.management.commands.load_demo import Command

    parser = Command().create_parser("manage.py", "load_demo")
    assert parser.parse_args([]).association == "ampcp"


@pytest.mark.django_db
@pytest.mark.parametrize("key", ASSOCIATIONS)
def test_each_demo_loads_and_every_menu_and_sitemap_link_is_a_page(client, settings, key):
    settings.PAGE_CACHE = False
    call_command("load_demo", "--association", key, verbosity=0)
    assert AssociationProfile.get_solo().name_ar
    links = set()
    for language in ("ar", "fr"):
        home = client.get(f"/{language}/")
        assert home.status_code == 200
        links |= {href for href in re.findall(r'<a [^>]*href="(/[^"#?]*)', home.content.decode())}
    for address in re.findall(r"<loc>https?://[^/]+(/[^<]*)</loc>", sitemap_text(client)):
        links.add(address)
    broken = []
    for link in sorted(links):
        if "/admin/" in link or link.endswith((".ics", ".xml", ".json", ".csv", ".xlsx")):
            continue
        status = client.get(link).status_code
        if status not in (200, 302):
            broken.append((link, status))
    assert broken == []


@pytest.mark.django_db
def test_azemmour_demo_transcribes_its_seed():
    seed = _seed("azemmour")
    plain_seed = _plain(seed)
    call_command("load_demo", "--association", "azemmour", verbosity=0)
    profile = AssociationProfile.get_solo()
    assert profile.name_ar == "مؤسسة ازمور للتنمية المحلية"
    assert profile.founded_on is None and not profile.seat_ar and not profile.email  # none in the seed
    # Reasons for founding: the three paragraphs under "دواعي التاسيس", word for word.
    reasons = [p for p in profile.founding_reasons_ar.split("\n\n") if p]
    assert len(reasons) == 3 and all(_plain(p) in plain_seed for p in reasons)
    assert reasons[0].startswith("إن دائرة ازمور") and reasons[2].endswith("التضامن والتعاون")
    # Nine strategic principles and six major goals, in the seed's order.
    principles = list(StrategicPrinciple.objects.values_list("text_ar", flat=True))
    goals = list(CharterGoal.objects.values_list("text_ar", flat=True))
    assert len(principles) == 9 and len(goals) == 6
    positions = [plain_seed.index(_plain(text)) for text in principles + goals]
    assert positions == sorted(positions)
    assert principles[0] == "التخليق كمدخل أساسي للإصلاح." and goals[-1] == "توحيد جهود الجماعات المجاورة."
    assert all(StrategicPrinciple.objects.values_list("text_fr", flat=True))  # translated
    # Its three bodies: executive bureau, administrative council, advisory council of civic competences.
    bodies = list(GoverningBody.objects.values_list("kind", "name_ar"))
    assert bodies == [
        ("executive_bureau", "المكتب التنفيذي"),
        ("administrative_council", "المجلس الإداري"),
        ("advisory_council", "المجلس الاستشاري للكفاءات المدنية"),
    ]
    assert "مكتب تنفيذي" in seed and "مجلس اداري" in seed and "مجلس استشاري للكفاءات المدنية" in seed
    # The elected bureau, as the seed lists it; the councils have no named member.
    mandate = Mandate.objects.current()
    seats = [(seat.office, seat.person.name_ar) for seat in mandate.seats.select_related("person")]
    assert seats == [
        ("president", "سعيد الخاتيري"),
        ("secretary_general", "عبد اللطيف البقالي"),
        ("treasurer", "محمد حكوشي"),
        ("councillor", "عديل ابوزيد"),
        ("councillor", "ضحى جوان"),
    ]
    for _office, name in seats:
        assert _plain(name) in plain_seed
    assert mandate.start is None and mandate.assembly_date is None  # the seed says "recently"
    assert not Mandate.objects.exclude(body="executive_bureau").exists()
    assert Person.objects.count() == 5
    # Its territory: the urban commune of Azemmour and four rural communes.
    places = profile.territory_lines()
    first_sentence = seed.split("دواعي التاسيس")[0]
    assert places[0] == "الجماعة الحضرية لازمور" and "الجماعة الحضرية لازمور" in first_sentence
    rural = [place.removeprefix("الجماعة القروية ") for place in places[1:]]
    assert rural == ["سيدي علي بن حمدوش", "هشتوكة", "اولاد رحمون", "الحوزية"]
    assert all(name in first_sentence for name in rural)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "fr"])
def test_azemmour_pages_show_the_foundation(client, language):
    call_command("load_demo", "--association", "azemmour", verbosity=0)
    about = client.get(f"/{language}/about/").content.decode()
    expected = {
        "ar": ["دواعي التأسيس", "مجال التدخل", "الجماعة القروية هشتوكة", "المجلس الاستشاري للكفاءات المدنية",
               "التخليق كمدخل أساسي للإصلاح."],
        "fr": ["Raisons de la fondation", "Territoire", "Commune rurale de Chtouka",
               "Conseil consultatif des compétences civiles", "La moralisation, porte d&#x27;entrée de la réforme."],
    }[language]  # fmt: skip
    for text in expected:
        assert text in about
    bodies = client.get(f"/{language}/bureau/bodies/").content.decode()
    assert "سعيد الخاتيري" in bodies and "ضحى جوان" in bodies
    assert ("مستشارة" if language == "ar" else "Conseillère") in bodies


# How a file of the sources is named to a developer: the folder, or a file's name.
SOURCE_FILE = re.compile(r"shared/seeds|seeds/|\.txt\b|\b\d{3}_[0-9a-f]{16}\b")


@pytest.mark.django_db
@pytest.mark.parametrize("key", ASSOCIATIONS)
def test_no_demo_names_a_file_of_the_sources_to_anyone(key):
    """What the demo writes reaches the pages and the admin: it cites a source document by its
    title (the seeds' README), never by the path or name of our copy of it."""
    call_command("load_demo", "--association", key, verbosity=0)
    found = []
    for model in apps.get_models():
        fields = [
            field.attname
            for field in model._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField)
        ]
        for row in model._default_manager.values_list(*fields) if fields else []:
            found += [(model.__name__, value) for value in row if value and SOURCE_FILE.search(str(value))]
    assert found == []
    # The mandate told by the source cites it by title.
    assert Mandate.objects.current().note.startswith("المصدر: ")
