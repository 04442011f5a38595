from django.urls import path

from giamsat.reporting import views_forms, views_workflow

app_name = "reporting"

urlpatterns = [
    path("", views_forms.index, name="index"),
    path("tre-han/", views_workflow.late, name="late"),
    path("<int:unit_id>/<str:period>/", views_forms.report, name="report"),
    path("<int:unit_id>/<str:period>/luu/", views_forms.save, name="save"),
    path("<int:unit_id>/<str:period>/gui/", views_workflow.submit, name="submit"),
    path("<int:unit_id>/<str:period>/excel/", views_forms.excel_download, name="excel"),
    path("<int:unit_id>/<str:period>/excel/tai-len/", views_forms.excel_upload, name="excel_upload"),
    path("<int:unit_id>/<str:period>/<slug:action>/", views_workflow.decide, name="decide"),
]
