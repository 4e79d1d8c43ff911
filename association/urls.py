from django.urls import path

from association import views
from portal.ratelimit import limit_form_posts

app_name = "association"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("social-card.png", views.social_card, name="social-card"),
    path("favicon.svg", views.favicon, name="favicon"),
    path("legal/", views.LegalView.as_view(), name="legal"),
    path("about/", views.AboutView.as_view(), name="about"),
    path("partners/", views.PartnerListView.as_view(), name="partners"),
    path("documents/", views.DocumentListView.as_view(), name="documents"),
    path("documents/<int:pk>/", views.document_download, name="document-download"),
    path("contact/", limit_form_posts(views.ContactView.as_view()), name="contact"),
    # The portal's search, over every app's providers.
    path("search/", views.SearchView.as_view(), name="search"),
]
