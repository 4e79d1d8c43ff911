from django.urls import path

from assembly import views

app_name = "assembly"

urlpatterns = [
    path("c/<str:token>/", views.personal, name="personal"),
    path("c/<str:token>/document/<int:pk>/", views.document, name="document"),
    path("mine/", views.MyConvocationsView.as_view(), name="mine"),
    path("<int:pk>/propose/", views.propose, name="propose"),
    path("minutes/", views.MinutesListView.as_view(), name="minutes-list"),
    path("minutes/<int:pk>/", views.MinutesDetailView.as_view(), name="minutes-page"),
    path("minutes/<int:pk>.pdf", views.minutes, name="minutes"),
]
