from django.urls import path

from giamsat.evaluation import views

app_name = "evaluation"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("don-vi/<int:unit_id>/", views.unit, name="unit"),
    path("don-vi/<int:unit_id>/chi-tieu/<int:target_id>/", views.tile, name="tile"),
    path("don-vi/<int:unit_id>/xep-hang/", views.ranking, name="ranking"),
    path("cong-khai/", views.public, name="public"),
    path("cong-khai/<int:unit_id>/", views.public, name="public_unit"),
    path("plotly.min.js", views.plotly_js, name="plotly"),
]
