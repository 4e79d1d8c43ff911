from django.urls import path

from bureau import views

app_name = "bureau"

urlpatterns = [
    path("", views.CurrentBureauView.as_view(), name="current"),
    path("bodies/", views.GoverningBodiesView.as_view(), name="bodies"),
    path("committees/", views.CommitteesView.as_view(), name="committees"),
    path("mandates/", views.PastMandatesView.as_view(), name="mandates"),
    path("mandates/<int:pk>/", views.MandateView.as_view(), name="mandate"),
    path("people/<int:pk>/", views.PersonRolesView.as_view(), name="person"),
    path("open-data/bureau.json", views.open_data_json, name="open-data-json"),
    path("open-data/bureau.csv", views.open_data_csv, name="open-data-csv"),
]
