from django.urls import path

from assembly import views

app_name = "assembly"

urlpatterns = [
    path("c/<str:token>/", views.personal, name="personal"),
    path("c/<str:token>/document/<int:pk>/", views.document, name="document"),
    path("minutes/<int:pk>.pdf", views.minutes, name="minutes"),
]
