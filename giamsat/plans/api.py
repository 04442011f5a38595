"""REST endpoints of the plans app (mounted under /api/ in giamsat.api.root)."""

from ninja import Router

router = Router(tags=["plans"])
