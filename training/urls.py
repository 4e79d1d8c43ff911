from django.urls import path

from training import views

app_name = "training"

urlpatterns = [
    path("", views.CatalogueView.as_view(), name="catalogue"),
    path("<int:year>/", views.CatalogueView.as_view(), name="programme"),
    path("session/<int:pk>/", views.SessionDetailView.as_view(), name="session"),
    path("session/<int:pk>/register/", views.register, name="register"),
    path("session/<int:pk>/register-staff/", views.register_staff, name="register-staff"),
    path("mine/", views.MyRegistrationsView.as_view(), name="mine"),
    path("registration/<int:pk>/cancel/", views.cancel, name="cancel"),
    path("registration/<int:pk>/restore/", views.restore, name="restore"),
    path("registration/<int:pk>/certificate.pdf", views.certificate, name="certificate"),
]
