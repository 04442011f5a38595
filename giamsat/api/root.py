"""The REST API (django-ninja). Each app owns a router in its ``api.py``; OpenAPI at /api/docs."""

from ninja import NinjaAPI

from giamsat.api.auth import API_AUTH
from giamsat.api.errors import install_error_handlers
from giamsat.documents.api import router as documents_router
from giamsat.evaluation.api import router as evaluation_router
from giamsat.kpi.api import router as kpi_router
from giamsat.orgs.api import router as orgs_router
from giamsat.plans.api import router as plans_router
from giamsat.reporting.api import router as reporting_router

api = NinjaAPI(
    title="giamsat API",
    version="1",
    description="Theo dõi thực hiện Nghị quyết 57-NQ/TW: đơn vị, kế hoạch, chỉ tiêu, báo cáo, đánh giá.",
    urls_namespace="api",
    auth=API_AUTH,  # routers that name no auth of their own: a token or the web session
)
install_error_handlers(api)
api.add_router("/units", orgs_router)
api.add_router("/indicators", kpi_router)
api.add_router("/plans", plans_router)
api.add_router("/reports", reporting_router)
api.add_router("/evaluation", evaluation_router)
api.add_router("/documents", documents_router)
