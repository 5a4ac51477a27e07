"""Summary statistics on known inputs: Wilson and Newcombe intervals, percentiles, paired means."""

from __future__ import annotations

import pytest

from game.sim.stats import paired_mean_difference, percentile, rate_difference, wilson


def test_wilson_interval_matches_published_values() -> None:
    half = wilson(5, 10)
    assert half.value == 0.5
    assert half.low == pytest.approx(0.2366, abs=1e-4) and half.high == pytest.approx(0.7634, abs=1e-4)
    # Newcombe (1998), example: 81 of 263.
    r = wilson(81, 263)
    assert (round(r.low, 4), round(r.high, 4)) == (0.2553, 0.3662)


def test_wilson_interval_at_the_edges() -> None:
    none = wilson(0, 10)
    assert none.low == 0.0 and none.high == pytest.approx(3.8415 / 13.8415, abs=1e-4)
    every = wilson(10, 10)
    assert every.high == 1.0 and every.low == pytest.approx(1 - none.high)
    assert wilson(0, 0).low == 0.0 and wilson(0, 0).high == 1.0
    with pytest.raises(ValueError):
        wilson(11, 10)


def test_newcombe_difference_matches_the_published_example() -> None:
    # Newcombe (1998) method 10: 56/70 - 48/80 = 0.2000, interval 0.0524 to 0.3339.
    d = rate_difference(wilson(56, 70), wilson(48, 80))
    assert d.value == pytest.approx(0.2)
    assert (round(d.low, 4), round(d.high, 4)) == (0.0524, 0.3339)
    same = rate_difference(wilson(30, 60), wilson(30, 60))
    assert same.value == 0 and same.low < 0 < same.high and same.low == pytest.approx(-same.high)


def test_percentiles_interpolate_between_ranks() -> None:
    assert percentile([1, 2, 3, 4], 50) == 2.5
    assert percentile(list(range(1, 11)), 10) == pytest.approx(1.9)
    assert percentile(list(range(1, 11)), 90) == pytest.approx(9.1)
    assert percentile([7], 90) == 7
    assert percentile([5, 1, 3], 0) == 1 and percentile([5, 1, 3], 100) == 5
    with pytest.raises(ValueError):
        percentile([], 50)


def test_paired_mean_difference() -> None:
    d = paired_mean_difference([6, 7, 8, 9], [5, 5, 5, 5])
    assert d.value == 2.5
    # sd of (1, 2, 3, 4) is 1.291; 1.96 * 1.291 / 2 = 1.265
    assert d.low == pytest.approx(2.5 - 1.2652, abs=1e-3) and d.high == pytest.approx(2.5 + 1.2652, abs=1e-3)
    one = paired_mean_difference([3], [1])
    assert (one.value, one.low, one.high) == (2, 2, 2)
