"""Errors of the evaluation app, each with a Vietnamese message for the user."""

from giamsat.errors import GiamsatError, NotFoundError


class SimulationError(GiamsatError):
    code = "simulation"


class FilterError(GiamsatError):
    """A dashboard filter names a plan, period or indicator that does not exist."""

    code = "filter"


class UnitNotFoundError(NotFoundError):
    code = "unit_not_found"


class RollupCheckError(GiamsatError):
    """The roll-up cache differs from the values summed directly."""

    code = "rollup_check"
