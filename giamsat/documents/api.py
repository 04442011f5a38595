"""REST endpoints of the documents app (mounted under /api/ in giamsat.api.root)."""

from ninja import Router

router = Router(tags=["documents"])
