"""Summaries of repeated measurements: median, p95 and a growth exponent."""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass


def percentile(values: list[float], q: float) -> float:
    """The ``q``-th percentile (0–100) with linear interpolation between closest ranks."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low = math.floor(position)
    high = math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass(frozen=True, slots=True)
class Summary:
    median: float
    p95: float
    runs: int

    @classmethod
    def of(cls, values: list[float]) -> "Summary":
        return cls(statistics.median(values), percentile(values, 95), len(values))


def growth_exponent(sizes: list[float], values: list[float]) -> float:
    """Slope of the least-squares line through (log size, log value): 1 means linear growth."""
    if len(sizes) < 2 or len(sizes) != len(values):
        raise ValueError("need at least two (size, value) pairs")
    xs = [math.log(s) for s in sizes]
    ys = [math.log(v) for v in values]
    mean_x = statistics.fmean(xs)
    mean_y = statistics.fmean(ys)
    num = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys))
    den = sum((x - mean_x) ** 2 for x in xs)
    return num / den
