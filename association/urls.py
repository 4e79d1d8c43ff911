from django.urls import path

from association import views

app_name = "association"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("about/", views.AboutView.as_view(), name="about"),
    path("partners/", views.PartnerListView.as_view(), name="partners"),
    path("documents/", views.DocumentListView.as_view(), name="documents"),
    path("documents/<int:pk>/", views.document_download, name="document-download"),
    path("contact/", views.ContactView.as_view(), name="contact"),
]
