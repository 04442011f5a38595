"""Reporting periods and a year of report values for the demo."""

from giamsat.demo.context import DemoContext


def load(context: DemoContext) -> None:
    """Filled by the reporting helper."""
