"""The portal's search: Arabic and French normalisation, ranking, groups, and only public content.

The table of queries runs on whichever database the suite uses (SQLite by default, PostgreSQL
with ``DATABASE_URL``), so both give the same results.
"""

import datetime
import re
from urllib.parse import quote

import pytest
from django.utils import timezone

from portal import search
from tests.events.factories import EventFactory
from tests.factories import DocumentFactory
from tests.members.factories import MembershipFactory, PersonFactory
from tests.press.factories import PressReleaseFactory

CORPUS = {
    "provinces": ("لقاء رؤساء مجالس العمالات والأقاليم", "<p>اجتمع رؤساء المجالس.</p>"),
    "region": ("اجتماع تشاوري", "<p>عقد الاجتماع بالجهة بحضور المنتخبين.</p>"),
    "tetouan": ("جمعية المنتخبين", "<p>مقرها بتطوان.</p>"),
    "unesco": ("لقاء مع اللجنة الوطنية لليونسكو", "<p>شراكة للتربية والعلوم والثقافة.</p>"),
    "bureau": ("اجتمـــاعُ المكتبِ التّنفيذيّ", "<p>صادق المكتب على البرنامج.</p>"),
    "africa": ("مؤتمر أبيدجان", "<p>المدن والحكومات المحلية في إفريقيا.</p>"),
    "planning": ("لجنة التعمير", "<p>التخطيط الحضري وإعداد التراب.</p>"),
}
FRENCH = {
    "tetouan": "Association des élus de Tétouan",
    "planning": "Commission de l'urbanisme et de l'aménagement",
}

# query -> the corpus items it must find (and nothing else)
TABLE = [
    ("الاقاليم", {"provinces"}),  # أ in the text, none in the query, و attached
    ("والأقاليم", {"provinces"}),
    ("الجهه", {"region"}),  # ة typed as ه, ب attached in the text
    ("بالجهة", {"region"}),
    ("تطوان", {"tetouan"}),
    ("Tetouan", {"tetouan"}),  # French: accents and case ignored
    ("TÉTOUAN", {"tetouan"}),
    ("اليونسكو", {"unesco"}),  # لل in the text
    ("المكتب التنفيذي", {"bureau"}),  # diacritics and tatweel in the text
    ("المكتـب التَّنفيذيّ", {"bureau"}),  # ...or in the query
    ("افريقيا", {"africa"}),  # إ in the text
    ("ابيدجان", {"africa"}),
    ("amenagement urbanisme", {"planning"}),  # every word, in any order
    ("التعمير الحضري", {"planning"}),
    ("التعمير تطوان", {"planning", "tetouan"}),  # a result need not hold every word
    ("دايجون", set()),
]


@pytest.fixture
def corpus(db):
    items = {}
    for n, (key, (title, body)) in enumerate(CORPUS.items()):
        items[key] = PressReleaseFactory(
            title_ar=title,
            body_ar=body,
            title_fr=FRENCH.get(key, f"Actualité {key}"),
            summary_fr="",
            publish_at=timezone.make_aware(datetime.datetime(2022, 1, 1 + n)),
        )
    return items


def found_titles(client, query, language="ar", extra=""):
    response = client.get(f"/{language}/search/?q={quote(query)}{extra}")
    assert response.status_code == 200
    html = response.content.decode()
    found = re.findall(r'class="search-result__title" href="([^"]+)"[^>]*>(.*?)</a>', html)
    return html, [(url, re.sub(r"<[^>]+>", "", title)) for url, title in found]


@pytest.mark.django_db
@pytest.mark.parametrize(("query", "expected"), TABLE)
def test_search_table(client, corpus, query, expected):
    _html, results = found_titles(client, query)
    urls = {url for url, _title in results}
    assert urls == {corpus[key].get_absolute_url() for key in expected}


@pytest.mark.django_db
def test_search_finds_the_french_text_on_the_french_page(client, corpus):
    _html, results = found_titles(client, "l'amenagement", language="fr")
    assert [title for _url, title in results] == ["Commission de l&#x27;urbanisme et de l&#x27;aménagement"]


@pytest.mark.django_db
def test_title_matches_rank_first(client):
    in_body = PressReleaseFactory(
        title_ar="اجتماع المكتب", body_ar="<p>ناقش المكتب وضعية الأقاليم.</p>", publish_at=timezone.now()
    )
    in_title = PressReleaseFactory(
        title_ar="الأقاليم الجنوبية",
        body_ar="<p>نص.</p>",
        publish_at=timezone.now() - datetime.timedelta(days=300),
    )
    exact = PressReleaseFactory(
        title_ar="رؤساء الأقاليم والعمالات",
        body_ar="<p>نص.</p>",
        publish_at=timezone.now() - datetime.timedelta(days=600),
    )
    _html, results = found_titles(client, "رؤساء الاقاليم")
    # Every item holds a word of the query; the one holding both comes first.
    assert results[0][0] == exact.get_absolute_url()
    _html, results = found_titles(client, "الاقاليم")
    # Title matches before a body match, newest first among equals.
    assert [url for url, _title in results] == [
        in_title.get_absolute_url(),
        exact.get_absolute_url(),
        in_body.get_absolute_url(),
    ]


@pytest.mark.django_db
def test_results_are_grouped_by_type_and_only_public(client, django_user_model):
    PressReleaseFactory(title_ar="اجتماع رؤساء الأقاليم")
    PressReleaseFactory(title_ar="مسودة حول الأقاليم", status="draft", publish_at=None)
    PressReleaseFactory(title_ar="بلاغ مسحوب حول الأقاليم", status="withdrawn")
    PressReleaseFactory(
        title_ar="بلاغ مقبل حول الأقاليم",
        status="scheduled",
        publish_at=timezone.now() + datetime.timedelta(days=1),
    )
    from events.models import Event

    EventFactory(title_ar="لقاء رؤساء مجالس الأقاليم")
    EventFactory(title_ar="اجتماع داخلي للأقاليم", visibility=Event.Visibility.MEMBERS)
    DocumentFactory(title_ar="التقرير السنوي للأقاليم")
    DocumentFactory(title_ar="محضر داخلي للأقاليم", visibility="members")
    html, results = found_titles(client, "الاقاليم")
    titles = [title for _url, title in results]
    assert titles == ["اجتماع رؤساء الأقاليم", "لقاء رؤساء مجالس الأقاليم", "التقرير السنوي للأقاليم"]
    headings = re.findall(r'<h2 id="group-(\w+)">([^<]+)<span class="search-group__count">\((\d+)\)', html)
    assert [(key, label.strip(), count) for key, label, count in headings] == [
        ("press", "البلاغات والأخبار", "1"),
        ("events", "الأنشطة", "1"),
        ("documents", "الوثائق", "1"),
    ]
    assert "3 نتائج لـ«<bdi>الاقاليم</bdi>»." in html
    for hidden in ["مسودة", "مسحوب", "مقبل", "داخلي"]:
        assert hidden not in html
    # A member sees the members-only document and event too; never the unpublished press.
    user = django_user_model.objects.create_user("member", password="x" * 12)
    MembershipFactory(person=PersonFactory(user=user))
    client.force_login(user)
    html, results = found_titles(client, "الاقاليم")
    titles = [title for _url, title in results]
    assert "محضر داخلي للأقاليم" in titles and "اجتماع داخلي للأقاليم" in titles
    assert not any(word in html for word in ["مسودة", "مسحوب", "مقبل"])


@pytest.mark.django_db
def test_people_and_councils_are_found_without_private_data(client):
    person = PersonFactory(name_ar="عبد الله الجوط", name_fr="Abdellah Lajouad")
    MembershipFactory(person=person)
    html, results = found_titles(client, "الجوط")
    assert "عبد الله الجوط" in [title for _url, title in results]
    assert 'id="group-members"' in html
    assert "@" not in html.split('<main id="main"', 1)[1].split("</main>", 1)[0]


@pytest.mark.django_db
def test_every_registered_provider_is_asked_and_empty_groups_are_left_out(client, corpus):
    keys = [provider.key for provider in search.search_providers()]
    assert keys[0] == "press" and {"events", "members", "documents"} <= set(keys)
    groups = search.search("تطوان", language="ar", user=None)
    assert [group.key for group in groups] == ["press"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("ب", "المرجو كتابة كلمة واحدة على الأقل من حرفين أو أكثر."),
        ("؟!", "المرجو كتابة كلمة واحدة على الأقل من حرفين أو أكثر."),
        ("لاشيءهنا", "لم يُعثر على أي نتيجة لـ«<bdi>لاشيءهنا</bdi>»."),
    ],
)
def test_short_or_empty_queries_get_a_clear_answer(client, query, message):
    html, results = found_titles(client, query)
    assert results == [] and message in html
    assert f'value="{query}"' in html  # the query stays in the box


@pytest.mark.django_db
def test_a_very_long_or_hostile_query_is_harmless(client, corpus):
    html, _results = found_titles(client, "<script>alert(1)</script> " + "تطوان " * 500)
    assert "<script>alert(1)</script>" not in html
    assert client.get("/ar/search/?q=%25%27%22").status_code == 200
    assert client.get("/ar/search/").status_code == 200


@pytest.mark.django_db
def test_arabic_text_shown_on_a_french_page_keeps_its_direction(client):
    PressReleaseFactory(title_ar="لقاء رؤساء الأقاليم", title_fr="", summary_fr="", body_ar="<p>نص عربي.</p>")
    html = client.get(f"/fr/search/?q={quote('الاقاليم')}").content.decode()
    assert 'lang="ar" dir="rtl"><bdi>لقاء رؤساء <mark>الأقاليم</mark></bdi></a>' in html
    assert '<p class="search-result__summary" lang="ar" dir="rtl"><bdi>نص عربي.</bdi></p>' in html
    assert "1 résultat pour « <bdi>الاقاليم</bdi> »." in html


@pytest.mark.django_db
def test_a_type_with_more_results_than_shown_links_to_all_of_them(client):
    for n in range(23):
        PressReleaseFactory(title_ar=f"اجتماع الأقاليم رقم {n}")
    html, results = found_titles(client, "الاقاليم")
    assert len(results) == search.GROUP_LIMIT
    assert f'href="?q={quote("الاقاليم")}&amp;type=press"' in html
    assert "عرض كل النتائج الـ23: البلاغات والأخبار" in html
    # One type, a page at a time, with the counts of every type and year.
    html, results = found_titles(client, "الاقاليم", extra="&type=press")
    assert len(results) == search.PAGE_SIZE and "search-group__more" not in html
    assert 'rel="next"' in html
    html, results = found_titles(client, "الاقاليم", extra="&type=press&page=2")
    assert len(results) == 23 - search.PAGE_SIZE and 'rel="prev"' in html
    # An unknown type, page or year is ignored rather than an error.
    _html, results = found_titles(client, "الاقاليم", extra="&type=nothing&page=x&year=abc")
    assert len(results) == search.GROUP_LIMIT


@pytest.mark.django_db
def test_each_facet_counts_within_the_other_choice_and_an_empty_choice_says_so(client):
    """Years offered within the chosen type, types within the chosen year: every link leads to
    results; a year typed in the address that holds none still gives the page and a message."""
    for year in (2019, 2022):
        PressReleaseFactory(
            title_ar=f"لقاء الجماعات الترابية {year}",
            publish_at=timezone.make_aware(datetime.datetime(year, 3, 1)),
        )
    EventFactory(title_ar="لقاء الجماعات الترابية بالرباط", start_date=datetime.date(2021, 5, 4))

    def facet_years(html):
        return sorted(int(y) for y in re.findall(r"[?&;]year=(\d{4})", html))

    html, results = found_titles(client, "الجماعات")
    assert len(results) == 3
    assert set(facet_years(html)) == {2019, 2021, 2022}
    # Press chosen: only press years are offered, each with press results.
    html, _results = found_titles(client, "الجماعات", extra="&type=press")
    assert set(facet_years(html)) == {2019, 2022}
    html, results = found_titles(client, "الجماعات", extra="&type=press&year=2019")
    assert [title for _url, title in results] == ["لقاء الجماعات الترابية 2019"]
    assert "نتيجة واحدة" in html.split('role="status"')[1][:80]  # the count announced is what is listed
    # 2021 chosen: the types offered are those with 2021 results, and the years stay offered.
    html, results = found_titles(client, "الجماعات", extra="&year=2021")
    assert len(results) == 1 and "type=press" not in html.split("search-facets")[1].split("</p>")[0]
    assert {2019, 2022} <= set(facet_years(html))
    # A type and a year with nothing between them: the page says so, the facets stay.
    html, results = found_titles(client, "الجماعات", extra="&type=press&year=2021")
    assert results == []
    assert "لا توجد نتيجة من هذا النوع في هذه السنة." in html
    assert "search-facets" in html and "لم يُعثر" not in html
