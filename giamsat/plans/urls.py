from django.urls import path

from giamsat.plans import views

app_name = "plans"

urlpatterns = [
    path("", views.plan_list, name="list"),
    path("<int:pk>/", views.plan_detail, name="detail"),
    path("<int:pk>/van-ban/", views.plan_source, name="source"),
]
