"""REST endpoints of the evaluation app (mounted under /api/ in giamsat.api.root)."""

from ninja import Router

router = Router(tags=["evaluation"])
