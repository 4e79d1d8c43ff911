"""Root URLconf: every public page exists once per language (``/ar/...``, ``/fr/...``)."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from association.sitemaps import SITEMAPS
from association.views import robots_txt
from config.health import health

urlpatterns = [
    path("health/", health, name="health"),
    path("i18n/", include("django.conf.urls.i18n")),
    # One sitemap for every language (apps add sections to SITEMAPS), and robots.txt pointing at it.
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="django.contrib.sitemaps.views.sitemap"),
    path("robots.txt", robots_txt, name="robots-txt"),
]

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("members/", include("members.urls")),
    path("bureau/", include("bureau.urls")),
    path("events/", include("events.urls")),
    path("training/", include("training.urls")),
    path("", include("association.urls")),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
