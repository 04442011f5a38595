from django.urls import path

from giamsat.documents import views

app_name = "documents"

urlpatterns = [
    path("nhap/", views.import_start, name="import"),
    path("nhap/<int:pk>/", views.draft, name="draft"),
    path("nhap/<int:pk>/doc/", views.read, name="read"),
    path("nhap/<int:pk>/tien-do/", views.progress, name="progress"),
    path("nhap/<int:pk>/thong-tin/", views.edit_meta, name="edit_meta"),
    path("nhap/<int:pk>/cap-tren/", views.set_parents, name="set_parents"),
    path("nhap/<int:pk>/trung/", views.decide_duplicate, name="duplicate"),
    path("nhap/<int:pk>/chi-tieu/<str:key>/", views.edit_target, name="edit_target"),
    path("nhap/<int:pk>/chi-tieu/<str:key>/danh-muc/", views.choose_indicator, name="choose_indicator"),
    path("nhap/<int:pk>/nhiem-vu/<str:key>/", views.edit_task, name="edit_task"),
    path("nhap/<int:pk>/co-quan/<str:key>/", views.choose_body, name="choose_body"),
    path("nhap/<int:pk>/xoa/<str:collection>/<str:key>/", views.delete_item, name="delete_item"),
    path("nhap/<int:pk>/them/", views.add_item, name="add_item"),
    path("nhap/<int:pk>/xac-nhan/", views.confirm, name="confirm"),
    path("nhap/<int:pk>/huy/", views.cancel, name="cancel"),
    path("ke-hoach/<int:pk>/doi-chieu/", views.alignment, name="alignment"),
]
