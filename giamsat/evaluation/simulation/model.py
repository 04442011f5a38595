"""How simulated values behave: every commune starts near the indicator's typical level,
moves at its own pace (some lag behind), with noise; plain Python, seeded, so the same
seed gives the same database.

``Commune`` holds a commune's draws for every indicator; ``Commune.month(t)`` yields
(indicator position, value, numerator, denominator) for month ``t`` (0 = the first).
"""

import math
import random

from giamsat.evaluation.simulation.catalog import POPULATION, Spec


def poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    if lam > 30:
        return max(0, round(rng.gauss(lam, math.sqrt(lam))))
    limit, k, p = math.exp(-lam), 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


RATIO_STOCK, RATIO_FLOW, COUNT_FLOW, COUNT_STOCK, POPULATION_KIND, RANK, SCORE = range(7)


def _kind(spec: Spec) -> int:
    if spec.aggregation == "ratio":
        return RATIO_STOCK if spec.temporality == "stock" else RATIO_FLOW
    if spec.code == POPULATION:
        return POPULATION_KIND
    if spec.aggregation == "sum":
        return COUNT_FLOW if spec.temporality == "flow" else COUNT_STOCK
    return RANK if spec.aggregation == "none" else SCORE


class Commune:
    """One commune's draws for every indicator: where it starts (offset to the typical
    level), its pace (a multiple of the typical growth; below 1 it lags) and its size."""

    def __init__(self, specs: list[Spec], *, seed: int, province_bias: dict[str, tuple[float, float]]):
        self.rng = rng = random.Random(seed)
        self.size = math.exp(rng.gauss(0, 0.45))  # population relative to a typical commune
        self.plan = []
        for spec in specs:
            bias_offset, bias_pace = province_bias.get(spec.code, (0.0, 1.0))
            spread = 8.0 if spec.value_type == "percent" else abs(spec.start) * 0.15
            offset = bias_offset + rng.gauss(0, spread)
            pace = max(0.0, bias_pace * rng.uniform(0.35, 1.45))
            scale = self.size * rng.uniform(0.7, 1.3)
            capped = spec.unit in ("điểm", "%")
            self.plan.append((_kind(spec), spec.start, spec.growth, spec.base, offset, pace, scale, capped))

    def month(self, t: int) -> list[tuple]:
        """(position, value, numerator, denominator) of every indicator in month ``t``."""
        rng, gauss, years, size = self.rng, self.rng.gauss, t / 12, self.size
        rows = []
        append = rows.append
        for i, (kind, start, growth, base, offset, pace, scale, capped) in enumerate(self.plan):
            if kind <= RATIO_FLOW:
                p = start + offset + growth * pace * years + gauss(0, 0.6 if kind == RATIO_STOCK else 2.5)
                p = 100.0 if p > 100 else 0.3 if p < 0.3 else p
                if kind == RATIO_STOCK:
                    den = max(1, round(base * scale * (1 + 0.01 * years)))
                else:
                    den = max(1, poisson(rng, base * scale))
                num = min(den, round(den * p / 100))
                append((i, num * 100 / den, num, den))
            elif kind == COUNT_FLOW:
                append((i, poisson(rng, max(0.005, start * scale * (1 + growth * pace * years))), None, None))
            elif kind == COUNT_STOCK:
                append((i, max(0, round(start * scale * (1 + growth * pace * years))), None, None))
            elif kind == POPULATION_KIND:
                append((i, round(start * size * (1 + 0.01 * years)), None, None))
            elif kind == RANK:
                append((i, max(1, round(start + offset + growth * pace * years + gauss(0, 2))), None, None))
            else:
                value = start + offset + growth * pace * years + gauss(0, abs(start) * 0.02 + 0.3)
                value = 0.0 if value < 0 else 100.0 if capped and value > 100 else value
                append((i, round(value, 2), None, None))
        return rows


def expected_level(spec: Spec, years: float) -> float:
    """Where the typical commune stands ``years`` after the start (pace about 0.9)."""
    level = spec.start + spec.growth * 0.9 * years
    if spec.value_type == "percent" or spec.unit == "điểm":
        return min(100.0, max(0.3, level))
    return max(0.0, level)
