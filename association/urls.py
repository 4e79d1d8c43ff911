from django.urls import path, register_converter

from association import views

from press import views as press_views
from press.feeds import PressAtomFeed, PressRssFeed
from portal.converters import UnicodeSlugConverter
from portal.ratelimit import limit_form_posts

app_name = "association"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("about/", views.AboutView.as_view(), name="about"),
    path("partners/", views.PartnerListView.as_view(), name="partners"),
    path("documents/", views.DocumentListView.as_view(), name="documents"),
    path("documents/<int:pk>/", views.document_download, name="document-download"),
    path("contact/", limit_form_posts(views.ContactView.as_view()), name="contact"),
]

# Press releases and news, the portal's search, feeds ----------------------------------------

register_converter(UnicodeSlugConverter, "uslug")

urlpatterns += [
    path("press/", press_views.PressListView.as_view(), name="press-list"),
    path("press/feed/rss/", PressRssFeed(), name="press-feed-rss"),
    path("press/feed/atom/", PressAtomFeed(), name="press-feed-atom"),
    path("press/preview/<int:pk>/", press_views.press_preview, name="press-preview"),
    path("press/<uslug:slug>/", press_views.PressDetailView.as_view(), name="press-detail"),
    path("search/", views.SearchView.as_view(), name="search"),
]
