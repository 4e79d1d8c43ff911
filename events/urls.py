from django.urls import path

from events import views

app_name = "events"

urlpatterns = [
    path("", views.MonthView.as_view(), name="calendar"),
    path("<int:year>/<int:month>/", views.MonthView.as_view(), name="month"),
    path("agenda/", views.AgendaView.as_view(), name="agenda"),
    path("agenda/past/", views.PastEventsView.as_view(), name="past"),
    path("to-be-scheduled/", views.UnscheduledView.as_view(), name="unscheduled"),
    path("event/<int:pk>/", views.EventDetailView.as_view(), name="detail"),
    path("event/<int:pk>/calendar.ics", views.event_ics, name="event-ics"),
    path("documents/<int:pk>/", views.document_download, name="document"),
    path("calendar.ics", views.feed, name="feed"),
    path("kinds/<slug:slug>/calendar.ics", views.kind_feed, name="kind-feed"),
    path("private/<str:key>/calendar.ics", views.private_feed, name="private-feed"),
    path("subscribe/", views.SubscribeView.as_view(), name="subscribe"),
    path("subscribe/revoke/", views.revoke_token, name="revoke-token"),
    path("programme/", views.ProgrammeView.as_view(), name="programme"),
    path("programme/<int:year>/", views.ProgrammeView.as_view(), name="programme-year"),
    path("programme/<int:year>/programme.xlsx", views.programme_export, name="programme-export"),
    path("programme/<int:year>/pdf/", views.programme_pdf, name="programme-pdf"),
]
