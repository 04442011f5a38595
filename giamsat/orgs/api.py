"""REST endpoints of the orgs app (mounted under /api/ in giamsat.api.root)."""

from ninja import Router

router = Router(tags=["orgs"])
