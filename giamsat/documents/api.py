"""REST endpoints of the documents app (mounted under /api/documents/ in giamsat.api.root)."""

from ninja import Router
from ninja.security import django_auth

from giamsat.documents import alignment_service

router = Router(tags=["documents"], auth=django_auth)


@router.get("/plans/{plan_id}/alignment", summary="Đối chiếu kế hoạch với các văn bản cấp trên")
def plan_alignment(request, plan_id: int):
    """Findings of the plan against each plan it implements: weaker, stronger, already met,
    late, missing, wrong reference; each with both texts and their lines."""
    return alignment_service.plan_alignment(request.user, plan_id).as_dict()
