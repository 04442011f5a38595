from django.urls import path

from giamsat.kpi import views

app_name = "kpi"

urlpatterns = [
    path("", views.indicator_list, name="list"),
    path("<str:code>/", views.indicator_detail, name="detail"),
]
