"""Small statistics for batch simulations: proportions with Wilson intervals, the difference
of two proportions (Newcombe), percentiles and a paired mean difference.

Balance questions are about rates measured on a few hundred runs, so every rate comes
with its 95% interval; the Wilson score interval stays inside 0..1 and behaves at 0% and
100%, where the textbook normal interval does not.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

Z95 = 1.959963984540054  # two-sided 95% normal quantile


@dataclass(frozen=True, slots=True)
class Rate:
    """`k` of `n` runs, with the 95% Wilson interval of the rate."""

    k: int
    n: int
    low: float
    high: float

    @property
    def value(self) -> float:
        return self.k / self.n if self.n else 0.0

    def to_json(self) -> dict[str, float | int | list[float]]:
        return {"count": self.k, "runs": self.n, "rate": self.value, "ci95": [self.low, self.high]}

    def text(self) -> str:
        return f"{self.value * 100:.1f}% [{self.low * 100:.1f}, {self.high * 100:.1f}]"


def wilson(k: int, n: int, z: float = Z95) -> Rate:
    """The Wilson score interval for `k` successes in `n` trials (0..1 when n is 0)."""
    if n < 0 or not 0 <= k <= n:
        raise ValueError(f"need 0 <= k <= n, got k={k}, n={n}")
    if n == 0:
        return Rate(0, 0, 0.0, 1.0)
    p = k / n
    z2 = z * z
    denom = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denom
    # At 0 and n the interval touches 0 or 1 exactly (rounding could leave 1e-17).
    low = 0.0 if k == 0 else max(0.0, centre - half)
    high = 1.0 if k == n else min(1.0, centre + half)
    return Rate(k, n, low, high)


@dataclass(frozen=True, slots=True)
class Difference:
    """A difference of two values (variant minus baseline) with its 95% interval."""

    value: float
    low: float
    high: float

    def to_json(self) -> dict[str, float | list[float]]:
        return {"delta": self.value, "ci95": [self.low, self.high]}


def rate_difference(variant: Rate, baseline: Rate) -> Difference:
    """variant - baseline with Newcombe's hybrid score interval (method 10), built from the
    two Wilson intervals; it needs no continuity fudge and stays within -1..1."""
    p1, p2 = variant.value, baseline.value
    d = p1 - p2
    low = d - math.sqrt((p1 - variant.low) ** 2 + (baseline.high - p2) ** 2)
    high = d + math.sqrt((variant.high - p1) ** 2 + (p2 - baseline.low) ** 2)
    return Difference(d, max(-1.0, low), min(1.0, high))


def paired_mean_difference(variant: Sequence[float], baseline: Sequence[float], z: float = Z95) -> Difference:
    """Mean of variant[i] - baseline[i] (runs on the same seeds) with a normal-approximation
    95% interval; a single pair gives a zero-width interval."""
    if len(variant) != len(baseline) or not variant:
        raise ValueError("need two equally long, non-empty samples")
    diffs = [a - b for a, b in zip(variant, baseline, strict=True)]
    n = len(diffs)
    mean = sum(diffs) / n
    if n == 1:
        return Difference(mean, mean, mean)
    var = sum((d - mean) ** 2 for d in diffs) / (n - 1)
    half = z * math.sqrt(var / n)
    return Difference(mean, mean - half, mean + half)


def percentile(values: Sequence[float], q: float) -> float:
    """The `q`-th percentile (0..100) by linear interpolation between the closest ranks
    (numpy's default): percentile([1, 2, 3, 4], 50) == 2.5."""
    if not values:
        raise ValueError("percentile of no values")
    if not 0 <= q <= 100:
        raise ValueError(f"percentile must be within 0..100, got {q}")
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    lo = math.floor(pos)
    hi = min(lo + 1, len(ordered) - 1)
    frac = pos - lo
    return ordered[lo] + (ordered[hi] - ordered[lo]) * frac
