"""The REST API (django-ninja). Each app adds its router here; OpenAPI at /api/docs."""

from ninja import NinjaAPI

from giamsat.api.errors import install_error_handlers

api = NinjaAPI(
    title="giamsat API",
    version="1",
    description="Theo dõi thực hiện Nghị quyết 57-NQ/TW: đơn vị, kế hoạch, chỉ tiêu, báo cáo, đánh giá.",
    urls_namespace="api",
)
install_error_handlers(api)
