"""REST endpoints of the reporting app (mounted under /api/ in giamsat.api.root)."""

from ninja import Router

router = Router(tags=["reporting"])
