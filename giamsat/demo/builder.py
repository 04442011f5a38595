"""Build the demo database in one transaction; running it again adds only what is missing."""

import datetime
import sys
from typing import TextIO

from django.db import transaction
from django.utils import timezone

from giamsat.demo import reporting
from giamsat.demo.context import DemoContext
from giamsat.demo.plans import build_plans
from giamsat.demo.units import build_units
from giamsat.demo.users import build_users


def build(stdout: TextIO | None = None, today: datetime.date | None = None) -> DemoContext:
    context = DemoContext(stdout=stdout or sys.stdout, today=today or timezone.localdate())
    with transaction.atomic():
        build_units(context)
        build_plans(context)
        build_users(context)
        reporting.load(context)
    return context
