from django.urls import path, register_converter

from portal.converters import UnicodeSlugConverter
from press import views
from press.feeds import OwnPressAtomFeed, OwnPressRssFeed, PressAtomFeed, PressRssFeed

app_name = "press"

register_converter(UnicodeSlugConverter, "uslug")

urlpatterns = [
    path("", views.PressListView.as_view(), name="list"),
    path("feed/rss/", PressRssFeed(), name="feed-rss"),
    path("feed/atom/", PressAtomFeed(), name="feed-atom"),
    path("feed/own/rss/", OwnPressRssFeed(), name="feed-own-rss"),
    path("feed/own/atom/", OwnPressAtomFeed(), name="feed-own-atom"),
    path("preview/<int:pk>/", views.press_preview, name="preview"),
    path("<uslug:slug>/", views.PressDetailView.as_view(), name="detail"),
]
