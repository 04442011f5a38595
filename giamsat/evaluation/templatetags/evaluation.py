"""Display helpers of the dashboard: status symbols, shares, sparklines and chart data.

Load with ``{% load evaluation %}``. Colours are never the only signal: every status
has a symbol and a word.
"""

from datetime import date
from decimal import Decimal

from django import template
from django.utils.translation import gettext as _

from giamsat.evaluation import wording
from giamsat.evaluation.rules import Status, TaskState

register = template.Library()

SYMBOLS = {
    Status.MET: "✔", Status.ON_TRACK: "●", Status.AT_RISK: "▲", Status.BEHIND: "▼",
    Status.MISSED: "✖", Status.NO_DATA: "?",
}
TASK_SYMBOLS = {
    TaskState.DONE_ON_TIME: "✔", TaskState.DONE_LATE: "✔", TaskState.IN_PROGRESS: "●",
    TaskState.OVERDUE: "▼", TaskState.NOT_STARTED: "○",
}


@register.simple_tag
def plotly_url() -> str:
    """Plotly's bundle, served from the installed package, versioned for long caching."""
    import plotly
    from django.urls import reverse

    return f"{reverse('evaluation:plotly')}?v={plotly.__version__}"


@register.filter
def status_symbol(status) -> str:
    return SYMBOLS.get(status, "") or TASK_SYMBOLS.get(status, "")


@register.filter
def status_label(status) -> str:
    for choices in (Status, TaskState):
        if status in choices.values:
            return str(choices(status).label)
    return ""


@register.filter
def share(value) -> str:
    """A share of targets on track: "68,2 %", or "–" without data."""
    return wording.amount(value, "%")


@register.filter
def amount(value, unit="") -> str:
    """A measured value to one decimal with its unit of measure (see wording.amount);
    "–" for anything that is not a number (a tile without data has no latest value, which
    the template reads as "")."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return wording.amount(None)
    return wording.amount(value, unit or "")


@register.filter
def get(mapping, key):
    return mapping.get(key) if mapping else None


@register.inclusion_tag("evaluation/_spark.html")
def sparkline(tile, width=220, height=48):
    """The tile's recent values as a polyline, with the trajectory over the same dates
    (dashed) and the target (dotted), in a ``width`` × ``height`` box."""
    values = tile.spark
    if len(values) < 2:
        return {"empty": True, "width": width, "height": height}
    start, end = values[0].on, values[-1].on
    line = list(tile.trajectory)
    ys = [p.value for p in values] + [_at(line, start), _at(line, end)] + [tile.judged.goal.value]
    ys = [y for y in ys if y is not None]
    low, high = min(ys), max(ys)
    span_y = (high - low) or 1.0
    span_x = max(1, (end - start).days)
    pad = 3

    def coordinates(on: date, value: float) -> tuple[float, float]:
        x = pad + (width - 2 * pad) * (on - start).days / span_x
        return x, height - pad - (height - 2 * pad) * (value - low) / span_y

    def xy(on: date, value: float) -> str:
        return "{:.1f},{:.1f}".format(*coordinates(on, value))

    trajectory = ""
    if line and _at(line, start) is not None:
        trajectory = f"{xy(start, _at(line, start))} {xy(end, _at(line, end))}"
    target_y = height - pad - (height - 2 * pad) * (tile.judged.goal.value - low) / span_y
    return {
        "width": width, "height": height, "points": " ".join(xy(p.on, p.value) for p in values),
        "trajectory": trajectory, "target_y": f"{target_y:.1f}",
        "last": [f"{c:.1f}" for c in coordinates(values[-1].on, values[-1].value)],
        "label": _("Diễn biến {n} kỳ gần nhất").format(n=len(values)),
    }


def _at(line, on: date):
    """The trajectory's value at ``on`` (a straight line between its two points)."""
    if len(line) < 2:
        return None
    (a, b) = line[0], line[-1]
    total = (b.on - a.on).days
    if total <= 0:
        return b.value
    fraction = min(1.0, max(0.0, (on - a.on).days / total))
    return a.value + (b.value - a.value) * fraction


@register.filter
def chart_data(tile) -> dict:
    """The KPI chart's data for Plotly (dates as ISO strings, read by dashboard.js)."""
    j = tile.judged
    data = {
        "title": j.indicator.name, "unit": j.target.unit_text or j.indicator.unit_of_measure,
        "values": {"x": [p.on.isoformat() for p in j.points], "y": [round(p.value, 4) for p in j.points]},
        "trajectory": {"x": [p.on.isoformat() for p in tile.trajectory], "y": [round(p.value, 4) for p in tile.trajectory]},
        "labels": {"values": _("Số liệu"), "trajectory": _("Lộ trình"), "forecast": _("Dự báo"), "target": _("Chỉ tiêu")},
    }
    if j.forecast and j.points:
        last = j.points[-1]
        data["forecast"] = {"x": [last.on.isoformat(), j.forecast.on.isoformat()], "y": [round(last.value, 4), round(j.forecast.value, 4)]}
    if j.goal.deadline.year < 9999:
        data["target"] = {"x": [j.goal.deadline.isoformat()], "y": [j.goal.value]}
    return data


@register.filter
def public_chart_data(series) -> dict:
    """A public indicator's series for Plotly: values only (nothing non-public)."""
    return {
        "title": series.indicator.name, "unit": series.indicator.unit_of_measure,
        "values": {"x": [p.on.isoformat() for p in series.points], "y": [round(p.value, 4) for p in series.points]},
        "labels": {"values": _("Số liệu")},
    }
