from django.contrib.auth import views as auth_views
from django.urls import path

from giamsat.web import views

app_name = "web"

urlpatterns = [
    path("dang-nhap/", auth_views.LoginView.as_view(template_name="web/login.html", redirect_authenticated_user=True), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("to-chuc/", views.units, name="unit_tree"),
    path("to-chuc/<int:pk>/", views.unit_detail, name="unit_detail"),
    path("", views.home, name="home"),
]
