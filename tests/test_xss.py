"""A corpus of XSS payloads, stored through the admin and rendered: nothing executable survives.

Each payload goes into a press release's Arabic and French text, title and summary through the
admin's own form (as an editor would paste it), the release is published, and its public page,
the list, the feeds and the search results are checked for anything a browser would run.
"""

import re
from xml.etree import ElementTree

import pytest
from django.urls import reverse

from press.models import PressRelease

PAYLOADS = [
    "<script>alert('xss')</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">اضغط هنا</a>',
    '<a href="JaVaScRiPt:alert(1)">click</a>',
    '<a href="&#106;avascript:alert(1)">entity</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<svg onload="alert(1)"><circle r="10"/></svg>',
    "<svg><script>alert(1)</script></svg>",
    '<iframe src="https://evil.example"></iframe>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<p style="background:url(javascript:alert(1))">نص</p>',
    '<div onclick="alert(1)">نص</div>',
    "<body onload=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<<script>script>alert(1)<</script>/script>",
    '<p title="</p><script>alert(1)</script>">',
    '<form action="javascript:alert(1)"><input type=submit></form>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "<!--[if gte mso 9]><script>alert(1)</script><![endif]-->",
    '<a href="https://example.org" onmouseover="alert(1)">رابط</a>',
    "<p>ملف\u202egpj.exe</p>",
    '<base href="https://evil.example/">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
]

DANGEROUS = [
    re.compile(r"<script(?![^>]*application/ld\+json)", re.IGNORECASE),
    re.compile(r"""<[^>]+\son[a-z]+\s*=""", re.IGNORECASE),
    re.compile(r"""(?:href|src|action|data)\s*=\s*["']?\s*(?:javascript|data|vbscript):""", re.IGNORECASE),
    re.compile(r"<(?:iframe|object|embed|svg|math|base|meta http-equiv)\b", re.IGNORECASE),
    re.compile(r"\u202e"),
]


def admin_form_data(admin_client, url, **values):
    """The admin form's own fields (inline management forms included), filled with ``values``."""
    page = admin_client.get(url)
    data = {}
    for formset in page.context["inline_admin_formsets"]:
        prefix = formset.formset.prefix
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
    data.update(values)
    return data


def dangerous_bits(html):
    # The page's own head (JSON-LD, the site's script tag) is trusted; judge the content area.
    main = html.split("<main", 1)[-1].split("</main>", 1)[0]
    main = re.sub(r'<script src="/static/[^"]+"[^>]*></script>', "", main)
    return [pattern.pattern for pattern in DANGEROUS if pattern.search(main)]


@pytest.mark.django_db
def test_payloads_stored_through_the_admin_never_reach_a_page_executable(admin_client):
    add_url = reverse("admin:press_pressrelease_add")
    problems = []
    for index, payload in enumerate(PAYLOADS):
        data = admin_form_data(
            admin_client,
            add_url,
            kind=PressRelease.Kind.PRESS_RELEASE,
            title_ar=f"بلاغ {index} {payload}",
            title_fr=f"Communiqué {index}",
            summary_ar=f"ملخص {payload}",
            body_ar=f"<p>نص البلاغ</p>{payload}",
            body_fr=f"<p>Texte</p>{payload}",
            status=PressRelease.Status.PUBLISHED,
            cover_alt_ar="",
        )
        response = admin_client.post(add_url, data)
        assert response.status_code == 302, (
            payload,
            response.context and response.context["adminform"].form.errors,
        )
        release = PressRelease.objects.latest("pk")
        assert release.status == PressRelease.Status.PUBLISHED
        for url in [release.get_absolute_url(), release.get_absolute_url().replace("/ar/", "/fr/", 1)]:
            html = admin_client.get(url).content.decode()
            found = dangerous_bits(html)
            if found:
                problems.append((payload, url, found))
    for url in ["/ar/press/", "/fr/press/", "/ar/", "/ar/search/?q=بلاغ"]:
        found = dangerous_bits(admin_client.get(url).content.decode())
        if found:
            problems.append(("list", url, found))
    for url in [reverse("press:feed-rss"), reverse("press:feed-atom")]:
        # Feed readers render descriptions and summaries as HTML: judge them as a reader would.
        tree = ElementTree.fromstring(admin_client.get(url).content)
        for element in tree.iter():
            if element.tag.rsplit("}", 1)[-1] in {"description", "summary", "content"} and element.text:
                found = [pattern.pattern for pattern in DANGEROUS if pattern.search(element.text)]
                if found:
                    problems.append(("feed", url, found))
    assert problems == [], "\n".join(map(repr, problems))
