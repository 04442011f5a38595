from django.utils.translation import gettext as _

from giamsat.errors import GiamsatError


class PlanDataError(GiamsatError):
    """A plan, or one of its targets or tasks, cannot be stored as given."""

    code = "plan_data"

    def __init__(self, problem: str, *, item: str = "", line: int = 0):
        location = item
        if line:
            location = _("{item}, dòng {line}").format(item=item, line=line) if item else _(
                "dòng {line}"
            ).format(line=line)
        super().__init__(problem, location=location)
