"""Root URLconf: every public page exists once per language (``/ar/...``, ``/fr/...``)."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemaps
from django.urls import include, path

from association.views import robots_txt
from members.views import person_photo
from portal.health import health
from portal.private_media import staff_file
from portal.sitemaps import SITEMAPS
from portal.views import switch_language

urlpatterns = [
    path("health/", health, name="health"),
    # The language switcher's links: remember the choice (the cookie "/" reads), open the page.
    path("i18n/switch/", switch_language, name="language-switch"),
    path("i18n/", include("django.conf.urls.i18n")),
    # One sitemap index for every language, of sections in pages (apps add sections to SITEMAPS),
    # and robots.txt pointing at it.
    path(
        "sitemap.xml",
        sitemaps.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path("sitemap-<section>.xml", sitemaps.sitemap, {"sitemaps": SITEMAPS}, name="sitemap-section"),
    path("robots.txt", robots_txt, name="robots-txt"),
    # The admin's link to a private file (portal.private_media): active staff only.
    path("private-media/<path:name>", staff_file, name="private-media"),
    # A person's photo, while they consent (the same in every language).
    path("photos/<int:pk>/", person_photo, name="person-photo"),
]

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("members/", include("members.urls")),
    path("bureau/", include("bureau.urls")),
    path("events/", include("events.urls")),
    path("training/", include("training.urls")),
    path("press/", include("press.urls")),
    path("assembly/", include("assembly.urls")),
    path("", include("association.urls")),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
