from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("giamsat – Quản trị")
admin.site.site_title = _("giamsat")
admin.site.index_title = _("Cấu hình hệ thống theo dõi Nghị quyết 57-NQ/TW")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),  # set_language: the language switch in the header
    path("api/", include("giamsat.api.urls")),
    path("don-vi/", include("giamsat.orgs.urls")),
    path("chi-tieu/", include("giamsat.kpi.urls")),
    path("ke-hoach/", include("giamsat.plans.urls")),
    path("bao-cao/", include("giamsat.reporting.urls")),
    path("danh-gia/", include("giamsat.evaluation.urls")),
    path("van-ban/", include("giamsat.documents.urls")),
    path("", include("giamsat.web.urls")),
]
