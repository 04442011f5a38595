"""What the home page shows each user, from the roles it holds."""

from dataclasses import dataclass, field

from giamsat.orgs import access
from giamsat.orgs.models import Membership, Role
from giamsat.plans import services as plan_services

RECENT_PLANS = 8


@dataclass
class Home:
    memberships: list[Membership]
    roles: set[str]
    own_plans: list = field(default_factory=list)
    recent_plans: list = field(default_factory=list)
    unit_count: int = 0
    plan_count: int = 0
    is_admin: bool = False

    @property
    def is_leader(self) -> bool:
        return Role.LEADER in self.roles

    @property
    def is_officer(self) -> bool:
        return Role.OFFICER in self.roles

    @property
    def oversees(self) -> bool:
        """Leaders, admins and viewers look at a subtree; officers at their own unit."""
        return bool(self.roles & {Role.LEADER, Role.ADMIN, Role.VIEWER}) or self.is_admin


def home_for(user) -> Home:
    memberships = list(
        Membership.objects.filter(user=user).select_related("unit").order_by("unit__path", "role")
    )
    roles = {m.role for m in memberships}
    home = Home(memberships=memberships, roles=roles,
                is_admin=user.is_superuser or Role.ADMIN in roles)
    plans = plan_services.search_plans(user)
    home.own_plans = list(plans.filter(issuing_unit__in=[m.unit_id for m in memberships])[:RECENT_PLANS])
    if home.oversees:
        home.recent_plans = list(plans[:RECENT_PLANS])
        home.plan_count = plans.count()
        home.unit_count = access.units_for(user, access.Action.VIEW).count()
    return home
