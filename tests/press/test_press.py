"""Press releases and news: workflow, addresses, pages, feeds, sitemap, sharing and metadata."""

import datetime
import json
import re
from urllib.parse import quote, unquote
from xml.etree import ElementTree

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags

from portal.content_version import content_changed
from press.models import PressRelease, unicode_slug
from tests.events.factories import EventFactory
from tests.members.factories import MembershipFactory, PersonFactory
from tests.press.factories import CategoryFactory, PressImageFactory, PressReleaseFactory
from tests.urlwalk import sitemap_pages

NOW = timezone.now


def ar(name, **kwargs):
    with translation.override("ar"):
        return reverse(name, kwargs=kwargs)


def fr(name, **kwargs):
    with translation.override("fr"):
        return reverse(name, kwargs=kwargs)


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


# Workflow --------------------------------------------------------------------------------------


def hidden_items():
    """One item in each state the public must not see."""
    return [
        PressReleaseFactory(
            title_ar="مسودة سرية", title_fr="Brouillon secret", status="draft", publish_at=None
        ),
        PressReleaseFactory(title_ar="بلاغ مسحوب", title_fr="Communiqué retiré", status="withdrawn"),
        PressReleaseFactory(
            title_ar="بلاغ مبرمج لاحقا",
            title_fr="Communiqué programmé",
            status="scheduled",
            publish_at=NOW() + datetime.timedelta(hours=2),
        ),
    ]


PUBLIC_PAGES = [
    "/ar/",
    "/fr/",
    "/ar/press/",
    "/fr/press/",
    "/ar/press/feed/rss/",
    "/fr/press/feed/rss/",
    "/ar/press/feed/atom/",
    "/fr/press/feed/atom/",
    "/sitemap-press.xml",
]


@pytest.mark.django_db
def test_nothing_unpublished_is_visible_to_the_public(client):
    visible = PressReleaseFactory(title_ar="بلاغ منشور", title_fr="Communiqué publié")
    hidden = hidden_items()
    for url in PUBLIC_PAGES:
        page = unquote(html(client, url))
        if url != "/sitemap-press.xml":
            assert visible.title_ar in page or visible.title_fr in page, url
        assert visible.slug in page or visible.latin_slug in page, url  # /fr/: the Latin address
        for item in hidden:
            assert item.title_ar not in page and item.title_fr not in page, url
            assert item.slug not in page, url
    for item in hidden:
        assert client.get(item.get_absolute_url()).status_code == 404
    for query in ["مسودة", "مسحوب", "مبرمج", "brouillon", "retire", "programme"]:
        page = html(client, f"/ar/search/?q={quote(query)}")
        assert "search-result__title" not in page, query


@pytest.mark.django_db
def test_a_scheduled_item_appears_at_its_time_without_a_cron_job(client):
    item = PressReleaseFactory(
        title_ar="لقاء تشاوري بطنجة", status="scheduled", publish_at=NOW() + datetime.timedelta(minutes=5)
    )
    assert client.get(item.get_absolute_url()).status_code == 404
    assert item.title_ar not in html(client, "/ar/press/")
    # Time passes: the stored status still says "scheduled", and nothing ran.
    PressRelease.objects.filter(pk=item.pk).update(publish_at=NOW() - datetime.timedelta(seconds=1))
    content_changed()  # moving the time by update() sends no signal; the clock's own move does
    assert PressRelease.objects.get(pk=item.pk).status == "scheduled"
    assert client.get(item.get_absolute_url()).status_code == 200
    assert item.title_ar in html(client, "/ar/press/")
    assert item.title_ar in html(client, "/ar/press/feed/rss/")
    assert item.title_ar in html(client, "/ar/")
    # The search marks the matching word (issue 21): the title is read without its <mark> tags.
    assert item.title_ar in strip_tags(html(client, f"/ar/search/?q={quote('طنجة')}"))
    # The command only brings the stored status up to date afterwards.
    call_command("publish_scheduled", verbosity=0)
    assert PressRelease.objects.get(pk=item.pk).status == "published"


@pytest.mark.django_db
def test_publish_and_withdraw():
    item = PressReleaseFactory(status="draft", publish_at=None)
    later = NOW() + datetime.timedelta(days=1)
    item.publish(at=later)
    assert (item.status, item.publish_at) == ("scheduled", later)
    assert not item.is_public
    item.publish()
    assert item.status == "published" and item.is_public
    item.withdraw()
    item.refresh_from_db()
    assert item.status == "withdrawn" and not PressRelease.objects.published().filter(pk=item.pk).exists()


@pytest.mark.django_db
def test_a_scheduled_item_needs_a_date():
    from django.core.exceptions import ValidationError

    item = PressReleaseFactory.build(status="scheduled", publish_at=None, category=None)
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert "publish_at" in error.value.message_dict


@pytest.mark.django_db
def test_editors_preview_drafts_and_nobody_else(client, django_user_model):
    draft = PressReleaseFactory(title_ar="مسودة البلاغ", status="draft", publish_at=None)
    url = draft.get_preview_url()
    assert client.get(url).status_code == 302  # to the login page
    visitor = django_user_model.objects.create_user("visitor", password="x" * 12)
    client.force_login(visitor)
    assert client.get(url).status_code == 403
    editor = django_user_model.objects.create_user("editor", password="x" * 12, is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="change_pressrelease"))
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert "مسودة البلاغ" in page and 'class="preview-banner"' in page
    assert "لا يراه العموم." in page
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Cache-Control"] == "private, no-store"
    # Previewing does not publish.
    client.logout()
    assert client.get(draft.get_absolute_url()).status_code == 404


# Addresses -------------------------------------------------------------------------------------


def test_unicode_slug_keeps_arabic_without_diacritics_or_tatweel():
    assert unicode_slug("بلاغ صحفيّ، باريس") == "بلاغ-صحفي-باريس"
    assert unicode_slug("اجتمـــاع المكتـب التنفيذيّ") == "اجتماع-المكتب-التنفيذي"
    assert unicode_slug("Réunion à Tétouan") == "réunion-à-tétouan"
    assert unicode_slug("!!!") == ""


@pytest.mark.django_db
def test_arabic_addresses_route_and_stay_unique(client):
    first = PressReleaseFactory(title_ar="اجتمـــاعُ المكتبِ التنفيذيّ", title_fr="Bureau exécutif")
    second = PressReleaseFactory(title_ar="اجتماع المكتب التنفيذي", title_fr="Bureau exécutif")
    assert first.slug == "اجتماع-المكتب-التنفيذي"
    assert second.slug == "اجتماع-المكتب-التنفيذي-2"
    url = first.get_absolute_url()
    assert url == "/ar/press/" + quote("اجتماع-المكتب-التنفيذي") + "/"
    assert client.get(url).status_code == 200
    # In French the address is in Latin letters; the Arabic one redirects there (issue 20).
    moved = client.get(fr("press:detail", slug=second.slug))
    assert moved.status_code == 301 and moved["Location"] == "/fr/press/bureau-executif-2/"
    assert client.get(fr("press:detail", slug=second.latin_slug)).status_code == 200
    assert client.get("/ar/press/" + quote("لا-يوجد") + "/").status_code == 404
    assert client.get("/ar/press/bad%20slug/").status_code == 404


@pytest.mark.django_db
def test_a_title_without_letters_still_gets_an_address():
    item = PressReleaseFactory(title_ar="؟؟؟", title_fr="???")
    assert item.slug == "press"


# Rich text -------------------------------------------------------------------------------------

WORD_PASTE = """<!--[if gte mso 9]><xml><o:OfficeDocumentSettings></o:OfficeDocumentSettings></xml><![endif]-->
<p class="MsoNormal" dir="RTL" style="mso-margin-top-alt:auto;text-align:right"><b><span lang="AR-MA"
style="font-family:'Simplified Arabic'">عقد المكتب التنفيذي اجتماعه</span></b><o:p></o:p></p>
<p class="MsoNormal">&nbsp;</p>
<script>alert(1)</script>
<p onclick="steal()">نص <a href="javascript:alert(2)">رابط</a> <a href="https://ampcp.ma/">الموقع</a>
<img src="x" onerror="alert(3)"></p>"""


@pytest.mark.django_db
def test_rich_text_is_sanitised_on_save_and_on_display(client):
    item = PressReleaseFactory(body_ar=WORD_PASTE)
    stored = item.body_ar
    for forbidden in ["<script", "alert", "onclick", "onerror", "javascript:", "mso-", "MsoNormal", "<o:p", "<img",
                      "<span", "style=", "[if"]:  # fmt: skip
        assert forbidden not in stored, forbidden
    assert '<p dir="rtl"><b>عقد المكتب التنفيذي اجتماعه</b></p>' in stored
    assert '<a href="https://ampcp.ma/" rel="noopener noreferrer">الموقع</a>' in stored
    assert '<a rel="noopener noreferrer">رابط</a>' in stored  # the javascript: address is gone
    # Even HTML written behind the model's back is sanitised on the way out.
    PressRelease.objects.filter(pk=item.pk).update(
        body_ar='<p onmouseover="x()">نص</p><script>alert(4)</script>'
    )
    page = html(client, item.get_absolute_url())
    body = page.split('press-article__body">', 1)[1].split("</div>", 1)[0]
    assert body == "<p>نص</p>"


# Admin -----------------------------------------------------------------------------------------


def admin_form(**values):
    data = {
        "kind": "press_release",
        "title_ar": "بلاغ صحفي حول لقاء باريس",
        "title_fr": "",
        "summary_ar": "",
        "summary_fr": "",
        "body_ar": WORD_PASTE,
        "body_fr": "",
        "status": "draft",
        "publish_at_0": "",
        "publish_at_1": "",
        "slug": "",
        "cover_alt_ar": "",
        "cover_alt_fr": "",
        "category": "",
        "images-TOTAL_FORMS": "0",
        "images-INITIAL_FORMS": "0",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
    }
    data.update(values)
    return data


@pytest.mark.django_db
def test_admin_edits_rich_text_right_to_left(admin_client):
    page = html(admin_client, "/ar/admin/press/pressrelease/add/")
    textarea = re.search(r"<textarea[^>]*name=\"body_ar\"[^>]*>", page).group(0)
    assert (
        'dir="rtl"' in textarea and 'lang="ar"' in textarea and "data-django-prose-editor-portal" in textarea
    )
    assert re.search(
        r'<textarea[^>]*name="body_fr"[^>]*dir="ltr"|<textarea[^>]*dir="ltr"[^>]*name="body_fr"', page
    )
    assert '<script src="/static/js/prose-editor.js" type="module">' in page
    assert "django_prose_editor/editor.css" in page
    assert '<script type="importmap"' not in page  # no inline script (CSP)


@pytest.mark.django_db
def test_admin_saves_pasted_word_text_sanitised(admin_client):
    response = admin_client.post("/ar/admin/press/pressrelease/add/", admin_form())
    assert response.status_code == 302, response.content.decode()[:2000]
    item = PressRelease.objects.get()
    assert item.slug == "بلاغ-صحفي-حول-لقاء-باريس"
    assert "عقد المكتب التنفيذي اجتماعه" in item.body_ar
    assert "script" not in item.body_ar and "javascript:" not in item.body_ar
    assert item.author.username == "admin" and item.status == "draft"


@pytest.mark.django_db
def test_admin_scheduled_without_date_is_refused_and_keeps_the_text(admin_client):
    response = admin_client.post("/ar/admin/press/pressrelease/add/", admin_form(status="scheduled"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "errorlist" in page and "بلاغ صحفي حول لقاء باريس" in page
    assert PressRelease.objects.count() == 0


def png_bytes(width=1200, height=800):
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (width, height), (11, 93, 59)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.django_db
def test_admin_requires_a_description_with_the_cover_image(admin_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    cover = SimpleUploadedFile("cover.png", png_bytes(), content_type="image/png")
    response = admin_client.post("/ar/admin/press/pressrelease/add/", admin_form(cover_image=cover))
    assert response.status_code == 200
    assert PressRelease.objects.count() == 0
    assert "صف الصورة" in response.content.decode() or "errorlist" in response.content.decode()
    cover = SimpleUploadedFile("cover.png", png_bytes(), content_type="image/png")
    response = admin_client.post(
        "/ar/admin/press/pressrelease/add/",
        admin_form(cover_image=cover, cover_alt_ar="أعضاء المكتب التنفيذي حول الطاولة"),
    )
    assert response.status_code == 302
    assert PressRelease.objects.get().cover_width == 1200


@pytest.mark.django_db
def test_admin_refuses_a_file_that_is_not_an_image(admin_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("cover.png", b"<?php echo 1; ?>", content_type="image/png")
    response = admin_client.post(
        "/ar/admin/press/pressrelease/add/",
        admin_form(cover_image=fake, cover_alt_ar="صورة"),
    )
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert "بلاغ صحفي حول لقاء باريس" in response.content.decode()
    assert PressRelease.objects.count() == 0


@pytest.mark.django_db
def test_photos_need_a_description():
    from django.core.exceptions import ValidationError

    photo = PressImageFactory.build(press_release=PressReleaseFactory(), alt_ar="", alt="")
    with pytest.raises(ValidationError) as error:
        photo.full_clean()
    assert any(field.startswith("alt") for field in error.value.message_dict)


# Images ----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_images_are_served_as_webp_thumbnails_with_srcset(client):
    from django.core.files.base import ContentFile

    item = PressReleaseFactory(cover_alt_ar="المشاركون في اللقاء")
    item.cover_image.save("cover.png", ContentFile(png_bytes(2000, 1000)), save=False)
    item.save()
    PressImageFactory(press_release=item, alt_ar="صورة جماعية للمشاركين")
    page = html(client, item.get_absolute_url())
    cover = re.search(r'<figure class="press-article__cover">\s*(<img[^>]*>)', page).group(1)
    assert 'alt="المشاركون في اللقاء"' in cover
    srcset = re.search(r'srcset="([^"]*)"', cover).group(1)
    candidates = [part.strip().split(" ") for part in srcset.split(",")]
    assert [width for _url, width in candidates] == ["480w", "960w", "1440w"]
    assert all(url.endswith(".webp") for url, _width in candidates)
    assert 'width="1440" height="720"' in cover
    assert 'alt="صورة جماعية للمشاركين"' in page
    # The thumbnails exist: their addresses serve real WebP files from the media folder.
    from django.conf import settings
    from PIL import Image

    for url, width in candidates:
        path = settings.MEDIA_ROOT / unquote(url).removeprefix(settings.MEDIA_URL)
        with Image.open(path) as thumbnail:
            assert thumbnail.format == "WEBP" and f"{thumbnail.width}w" == width
    # The list shows the cover too, and the share image is the large thumbnail.
    assert "srcset=" in html(client, "/ar/press/")
    assert re.search(r'<meta property="og:image" content="http://testserver/media/[^"]+\.webp">', page)


# List ------------------------------------------------------------------------------------------


def aware(*args):
    return timezone.make_aware(datetime.datetime(*args))


@pytest.mark.django_db
def test_list_is_paginated_and_filtered_by_year_and_category(client):
    meetings, international = CategoryFactory(name_ar="اجتماعات"), CategoryFactory(name_ar="التعاون الدولي")
    for day in range(14):
        PressReleaseFactory(title_ar=f"اجتماع {day}", category=meetings, publish_at=aware(2022, 3, day + 1))
    PressReleaseFactory(title_ar="مؤتمر دايجون", category=international, publish_at=aware(2022, 10, 10))
    PressReleaseFactory(title_ar="لقاء اليونسكو", category=international, publish_at=aware(2021, 11, 3))
    hidden_items()
    page = html(client, "/ar/press/")
    assert page.count('class="press-card"') == 12
    assert "مؤتمر دايجون" in page and "لقاء اليونسكو" not in page  # newest first
    assert "الصفحة 1 من 2" in page or "Page 1 of 2" in page
    second = html(client, "/ar/press/?page=2")
    assert second.count('class="press-card"') == 4 and "لقاء اليونسكو" in second
    assert client.get("/ar/press/?page=3").status_code == 404
    years = html(client, "/ar/press/?year=2021")
    assert years.count('class="press-card"') == 1 and "لقاء اليونسكو" in years
    assert "?year=2022" in years and "?year=2021" in years
    by_category = html(client, f"/ar/press/?category={quote(international.slug)}")
    assert by_category.count('class="press-card"') == 2
    both = html(client, f"/ar/press/?category={quote(international.slug)}&year=2022")
    assert both.count('class="press-card"') == 1 and "مؤتمر دايجون" in both
    # Pages keep the filter.
    filtered = html(client, f"/ar/press/?category={quote(meetings.slug)}&year=2022")
    assert f"?page=2&amp;year=2022&amp;category={meetings.slug}" in filtered
    # Bad input is a clean 404, never an error.
    for bad in ["?year=abc", "?year=99999", "?category=nothing", "?page=x"]:
        assert client.get("/ar/press/" + bad).status_code == 404, bad


@pytest.mark.django_db
def test_list_dates_use_moroccan_month_names(client):
    PressReleaseFactory(title_ar="اجتماع لجنة التعمير", publish_at=aware(2022, 9, 16, 10))
    assert "16 شتنبر 2022" in html(client, "/ar/press/")
    assert "16 septembre 2022" in html(client, "/fr/press/")


@pytest.mark.django_db
def test_french_falls_back_to_arabic_marked_as_arabic(client):
    item = PressReleaseFactory(title_ar="بلاغ بالعربية فقط", title_fr="", summary_fr="", body_ar="<p>نص.</p>")
    page = html(client, fr("press:detail", slug=item.slug))
    assert '<h1 lang="ar" dir="rtl">بلاغ بالعربية فقط</h1>' in page
    assert '<div class="prose press-article__body" lang="ar" dir="rtl"><p>نص.</p></div>' in page
    assert 'lang="ar" dir="rtl">بلاغ بالعربية فقط</a>' in html(client, "/fr/press/")
    translated = PressReleaseFactory(
        title_ar="بلاغ مترجم", title_fr="Communiqué traduit", body_fr="<p>Texte.</p>"
    )
    page = html(client, fr("press:detail", slug=translated.latin_slug))
    assert "<h1>Communiqué traduit</h1>" in page
    assert '<div class="prose press-article__body"><p>Texte.</p></div>' in page
    # On the Arabic page nothing is marked: the text is in the page's language.
    page = html(client, ar("press:detail", slug=translated.slug))
    assert "<h1>بلاغ مترجم</h1>" in page


# Detail ----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_detail_has_share_links_and_no_third_party_script(client):
    item = PressReleaseFactory(title_ar="لقاء باريس")
    page = html(client, item.get_absolute_url())
    absolute = quote(f"http://testserver{item.get_absolute_url()}", safe="")
    assert f'href="https://wa.me/?text={quote("لقاء باريس", safe="")}%20{absolute}"' in page
    assert f'href="https://www.facebook.com/sharer/sharer.php?u={absolute}"' in page
    assert f'href="https://x.com/intent/post?url={absolute}&amp;text=' in page
    assert not re.search(r"<script[^>]+src=\"(?!/static/)", page)  # the portal's own script only
    assert not re.search(r"<iframe", page)


@pytest.mark.django_db
def test_detail_links_previous_and_next_published_items(client):
    older = PressReleaseFactory(title_ar="الأقدم", publish_at=aware(2022, 1, 1))
    PressReleaseFactory(title_ar="مسودة بينهما", status="draft", publish_at=aware(2022, 2, 1))
    middle = PressReleaseFactory(title_ar="الأوسط", publish_at=aware(2022, 3, 1))
    newer = PressReleaseFactory(title_ar="الأحدث", publish_at=aware(2022, 4, 1))
    undated = PressReleaseFactory(title_ar="بلا تاريخ", publish_at=None)
    page = html(client, middle.get_absolute_url())
    assert f'href="{older.get_absolute_url()}" rel="prev"' in page
    assert f'href="{newer.get_absolute_url()}" rel="next"' in page
    assert "مسودة بينهما" not in page
    first = html(client, newer.get_absolute_url())
    assert 'rel="next"' not in first and f'href="{middle.get_absolute_url()}" rel="prev"' in first
    last = html(client, undated.get_absolute_url())
    assert 'rel="prev"' not in last and f'href="{older.get_absolute_url()}" rel="next"' in last
    assert f'href="{undated.get_absolute_url()}" rel="prev"' in html(client, older.get_absolute_url())


@pytest.mark.django_db
def test_detail_links_related_activities_the_visitor_may_see(client, django_user_model):
    from events.models import Event

    item = PressReleaseFactory(title_ar="اجتماع المكتب التنفيذي")
    public = EventFactory(title_ar="اجتماع المكتب التنفيذي بالرباط")
    internal = EventFactory(title_ar="لقاء داخلي للأعضاء", visibility=Event.Visibility.MEMBERS)
    item.related_events.add(public, internal)
    page = html(client, item.get_absolute_url())
    assert "أنشطة ذات صلة" in page
    assert f'href="{public.get_absolute_url()}"' in page and "لقاء داخلي للأعضاء" not in page
    user = django_user_model.objects.create_user("member", password="x" * 12)
    MembershipFactory(person=PersonFactory(user=user))
    client.force_login(user)
    assert "لقاء داخلي للأعضاء" in html(client, item.get_absolute_url())
    assert "أنشطة ذات صلة" not in html(client, PressReleaseFactory().get_absolute_url())


def test_print_stylesheet_hides_navigation_and_sharing():
    from django.conf import settings

    css = (settings.BASE_DIR / "static/css/portal.css").read_text()
    blocks = re.findall(r"@media print \{(.*?)\n\}", css, re.S)
    printed = "".join(blocks)
    for selector in [".site-header", ".site-footer", ".share-links", ".press-neighbours", ".press-filters"]:
        assert selector in printed


@pytest.mark.django_db
def test_detail_metadata_opengraph_twitter_and_json_ld(client):
    from association.models import AssociationProfile

    profile = AssociationProfile.get_solo()
    profile.name_ar = "الجمعية المغربية لرؤساء مجالس العمالات والأقاليم"
    profile.save()
    category = CategoryFactory(name_ar="التعاون الدولي")
    item = PressReleaseFactory(
        title_ar='مؤتمر "المدن" </script> بدايجون',
        summary_ar="شاركت الجمعية في مؤتمر المنظمة العالمية للمدن والحكومات المحلية المتحدة.",
        body_fr="<p>Traduit : la page française est une alternative déclarée.</p>",
        category=category,
        publish_at=aware(2022, 10, 10, 9),
    )
    page = html(client, item.get_absolute_url())
    url = f"http://testserver{item.get_absolute_url()}"
    assert '<meta property="og:type" content="article">' in page
    assert '<meta property="og:locale" content="ar_MA">' in page
    assert '<meta property="og:locale:alternate" content="fr_MA">' in page
    assert f'<meta property="og:url" content="{url}">' in page
    assert '<meta property="og:title" content="مؤتمر &quot;المدن&quot; &lt;/script&gt; بدايجون">' in page
    # Without a cover, the association's card (its name and logo, association.identity) is the image.
    assert '<meta property="og:image" content="http://testserver/ar/social-card.png">' in page
    assert '<meta name="twitter:card" content="summary_large_image">' in page
    assert '<meta property="og:description" content="شاركت الجمعية' in page
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert len(scripts) == 1
    data = json.loads(scripts[0])
    assert data["@type"] == "NewsArticle" and data["@context"] == "https://schema.org"
    assert data["headline"] == 'مؤتمر "المدن" </script> بدايجون'
    assert data["url"] == url and data["inLanguage"] == "ar"
    assert data["datePublished"].startswith("2022-10-10")
    assert data["articleSection"] == "التعاون الدولي"
    assert data["publisher"]["name"] == "الجمعية المغربية لرؤساء مجالس العمالات والأقاليم"
    # Neither a cover nor a logo: the social card (a PNG of the name) is the image and the logo.
    assert data["image"] == ["http://testserver/ar/social-card.png"]
    assert data["publisher"]["logo"]["url"] == "http://testserver/ar/social-card.png"
    # Without a cover, the association's logo stands for the article's image.
    from django.core.files.base import ContentFile

    profile.logo.save("logo.png", ContentFile(png_bytes(240, 240)))
    data = json.loads(
        re.findall(
            r'<script type="application/ld\+json">(.*?)</script>', html(client, item.get_absolute_url()), re.S
        )[0]
    )
    assert data["publisher"]["logo"]["url"].startswith("http://testserver/media/")
    assert data["image"] == [data["publisher"]["logo"]["url"]]
    # An SVG logo is no logo for search engines: the social card stands in.
    profile.logo.save(
        "logo.svg", ContentFile(b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"/>')
    )
    data = json.loads(
        re.findall(
            r'<script type="application/ld\+json">(.*?)</script>', html(client, item.get_absolute_url()), re.S
        )[0]
    )
    assert data["publisher"]["logo"]["url"] == "http://testserver/ar/social-card.png"


# Feeds, alternates, sitemap, robots ------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "fr"])
def test_feeds_per_language(client, language):
    PressReleaseFactory(title_ar="لقاء أبيدجان", title_fr="Rencontre d'Abidjan", publish_at=aware(2022, 6, 1))
    hidden_items()
    rss = client.get(f"/{language}/press/feed/rss/")
    assert rss["Content-Type"].startswith("application/rss+xml")
    channel = ElementTree.fromstring(rss.content).find("channel")
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert titles == ["لقاء أبيدجان" if language == "ar" else "Rencontre d'Abidjan"]
    assert channel.findtext("link") == f"http://testserver/{language}/press/"
    assert channel.findtext("language") == language
    assert channel.find("item").findtext("link").startswith(f"http://testserver/{language}/press/")
    atom = client.get(f"/{language}/press/feed/atom/")
    assert atom["Content-Type"].startswith("application/atom+xml")
    root = ElementTree.fromstring(atom.content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert len(root.findall("a:entry", ns)) == 1
    assert root.attrib["{http://www.w3.org/XML/1998/namespace}lang"] == language


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "fr"])
def test_pages_link_the_feeds_of_their_language(client, language):
    item = PressReleaseFactory()
    for url in [f"/{language}/", f"/{language}/press/", f"/{language}/search/"]:
        page = html(client, url)
        assert (
            f'<link rel="alternate" type="application/rss+xml" href="/{language}/press/feed/rss/"' in page
        ), url
    for url in [f"/{language}/press/", f"/{language}/press/{quote(item.slug_in(language))}/"]:
        page = html(client, url)
        assert (
            f'<link rel="alternate" type="application/atom+xml" href="/{language}/press/feed/atom/"' in page
        )
        assert "hreflang=" in page
    # The list also shows the feeds as visible links.
    assert f'<a href="/{language}/press/feed/rss/">' in html(client, f"/{language}/press/")


@pytest.mark.django_db
def test_sitemap_lists_public_pages_in_every_language_with_alternates(client):
    item = PressReleaseFactory(title_ar="لقاء اليونسكو", body_fr="<p>Texte.</p>")  # written in both
    hidden_items()
    from events.models import Event

    event = EventFactory(title_ar="اجتماع المكتب التنفيذي")
    private = EventFactory(title_ar="اجتماع داخلي", visibility=Event.Visibility.MEMBERS)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    index = ElementTree.fromstring(client.get("/sitemap.xml").content)
    sections = {loc.text for loc in index.iterfind("s:sitemap/s:loc", ns)}
    assert (
        "http://testserver/sitemap-press.xml" in sections
        and "http://testserver/sitemap-events.xml" in sections
    )
    entries = [
        url for page in sitemap_pages(client) for url in ElementTree.fromstring(page).findall("s:url", ns)
    ]
    urls = {url.findtext("s:loc", namespaces=ns): url for url in entries}
    for language in ["ar", "fr"]:
        for path in [f"/{language}/", f"/{language}/about/", f"/{language}/press/",
                     f"/{language}/press/{quote(item.slug_in(language))}/"]:  # fmt: skip
            assert f"http://testserver{path}" in urls, path
    detail = urls[f"http://testserver/ar/press/{quote(item.slug)}/"]
    alternates = {link.attrib["hreflang"]: link.attrib["href"] for link in detail.findall("x:link", ns)}
    assert alternates == {
        "ar": f"http://testserver/ar/press/{quote(item.slug)}/",
        "fr": f"http://testserver/fr/press/{item.latin_slug}/",
    }
    assert detail.findtext("s:lastmod", namespaces=ns)
    # Sections registered by other apps are in the same sitemap; private content is not.
    assert f"http://testserver{event.get_absolute_url()}" in urls
    assert not any(private.get_absolute_url() in url for url in urls)
    assert len(urls) == len(entries)
    for url in urls:
        if "/events/" not in url:  # the calendar's own pages are the events app's to test
            assert client.get(url.removeprefix("http://testserver")).status_code == 200, url
    assert client.get(event.get_absolute_url()).status_code == 200


@pytest.mark.django_db
def test_sitemap_sections_come_in_pages_listed_by_the_index(client, monkeypatch):
    from portal.sitemaps import PortalSitemap

    monkeypatch.setattr(PortalSitemap, "limit", 4)  # addresses a page: 3 releases x 2 languages
    items = [PressReleaseFactory(title_ar=f"بلاغ {number}") for number in range(3)]
    index = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/sitemap-press.xml</loc>" in index
    assert "<loc>http://testserver/sitemap-press.xml?p=2</loc>" in index
    assert "sitemap-press.xml?p=3" not in index
    first, second = (client.get("/sitemap-press.xml", {"p": page}).content.decode() for page in (1, 2))
    assert first.count("<url>") == 4 and second.count("<url>") == 2
    for item in items:
        assert quote(item.slug) in first + second
    assert client.get("/sitemap-press.xml", {"p": 3}).status_code == 404
    assert client.get("/sitemap-press.xml", {"p": "x"}).status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404


@pytest.mark.django_db
def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "User-agent: *" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /i18n/" in text  # the language switcher's redirects
    for language in ["ar", "fr"]:
        assert f"Disallow: /{language}/admin/" in text
        assert f"Disallow: /{language}/press/preview/" in text


# Home ------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_home_shows_latest_press_and_next_events(client):
    for day in range(5):
        PressReleaseFactory(title_ar=f"خبر اليوم {day + 1}", publish_at=aware(2022, 5, day + 1))
    hidden_items()
    EventFactory(title_ar="الجمع العام المقبل", start_date=timezone.localdate() + datetime.timedelta(days=10))
    EventFactory(title_ar="اجتماع سابق", start_date=timezone.localdate() - datetime.timedelta(days=10))
    page = html(client, "/ar/")
    assert "آخر البلاغات والأخبار" in page
    assert [f"خبر اليوم {n}" in page for n in range(1, 6)] == [False, False, True, True, True]
    assert "الجمع العام المقبل" in page and "اجتماع سابق" not in page


@pytest.mark.django_db
def test_home_without_press_has_no_empty_section(client):
    hidden_items()
    assert 'class="home-press"' not in html(client, "/ar/")


# Query counts ----------------------------------------------------------------------------------


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


def add_items(count):
    """Items with cover images, categories, photos and events, all matching the search query."""
    import factory

    categories = [CategoryFactory() for _ in range(3)]
    for n in range(count):
        item = PressReleaseFactory(
            category=categories[n % 3],
            title_ar=f"اجتماع الأقاليم {n}",
            cover_image=factory.django.ImageField(filename="cover.png", width=600, height=400),
            cover_alt_ar="صورة",
        )
        PressImageFactory(press_release=item, image__width=600, image__height=400)
        item.related_events.add(EventFactory(title_ar=f"لقاء الأقاليم {n}"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/ar/",
        "/ar/press/",
        "/ar/press/?year=2022",
        "/ar/press/feed/rss/",
        "/fr/press/feed/atom/",
        "/sitemap.xml",
        "/sitemap-press.xml",
        "/ar/search/?q=%D8%A7%D9%84%D8%A7%D9%82%D8%A7%D9%84%D9%8A%D9%85",
        "detail",
    ],
)
def test_press_pages_keep_a_constant_number_of_queries(client, settings, url):
    # For the search both sizes exceed its page of results (20 per type), where each type also
    # counts its total; the other pages show at most 12 items, so 3 and 15 cover both sides.
    # The page cache is off (the pages are built every time); the values kept per content
    # version (counts, neighbours) are on when the tests run with Redis, hence the warm-ups.
    settings.PAGE_CACHE = False
    first, more = (25, 25) if "search" in url else (3, 12)
    add_items(first)
    target = PressRelease.objects.order_by("pk")[1].get_absolute_url() if url == "detail" else url
    for _ in range(2):  # warm the caches, as in production (the first visit creates the profile)
        client.get(target)
    small = count_queries(client, target)
    add_items(more)
    for _ in range(2):  # the new items replaced the content version: warm again
        client.get(target)
    large = count_queries(client, target)
    assert small == large, (small, large)
