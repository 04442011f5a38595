"""REST endpoints of the kpi app (mounted under /api/ in giamsat.api.root)."""

from ninja import Router

router = Router(tags=["kpi"])
