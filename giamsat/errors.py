"""The one base class of every error a user is meant to read.

Each app's ``errors.py`` derives its own exceptions from :class:`GiamsatError`.
The web, the API and the command line each turn it into a message in one place:
``giamsat.web.middleware``, ``giamsat.api.errors`` and ``giamsat.cli``.
"""


class GiamsatError(Exception):
    """An error with a message for the user and, where it helps, a location."""

    status = 400
    code = "invalid"

    def __init__(self, message: str, *, location: str = "", code: str | None = None):
        super().__init__(message)
        self.message = message
        self.location = location
        if code:
            self.code = code

    def __str__(self) -> str:
        if self.location:
            return f"{self.location}: {self.message}"
        return self.message


class ConfigError(GiamsatError):
    """A setting read from the environment is wrong."""

    code = "config"


class PermissionDeniedError(GiamsatError):
    status = 403
    code = "forbidden"


class NotFoundError(GiamsatError):
    status = 404
    code = "not_found"


class ConflictError(GiamsatError):
    """The record was changed by someone else since it was read."""

    status = 409
    code = "conflict"
