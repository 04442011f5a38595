"""What each step of the demo builds and hands on to the next."""

import datetime
from dataclasses import dataclass, field
from typing import TextIO

PASSWORD = "Demo@giamsat2025"  # noqa: S105 - the demo's published password, printed by the command


@dataclass
class DemoContext:
    """Units by code, plans by key, users by username, and where to print.

    Plan keys: the national "57-NQ/TW", the parents "82-NQ/TU", "63-CTr/TU", "13-KH/ĐU",
    and the seeds "seed-000" … "seed-004". ``indicators`` maps a row code of the
    national targets ("11.1") to its catalog indicator.
    """

    stdout: TextIO
    today: datetime.date
    password: str = PASSWORD
    units: dict = field(default_factory=dict)
    plans: dict = field(default_factory=dict)
    users: dict = field(default_factory=dict)
    indicators: dict = field(default_factory=dict)
    logins: list = field(default_factory=list)  # (username, role label, unit name)
    notes: list = field(default_factory=list)  # things the command prints at the end

    def say(self, message: str) -> None:
        self.stdout.write(message + "\n")
