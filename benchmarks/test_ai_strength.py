"""Strength of the SRW AI against the baselines (a benchmark: run with --benchmark-only).

200 seeded runs per matchup on the mirrored arena; the SRW AI must beat `random` in at
least 95% and `greedy` in at least 70% of them, and win at least half of its runs against
the SRW AI as it played before its second version (`benchmarks/legacy_ai`).
"""

from __future__ import annotations

import pytest

from benchmarks.strength import matchup

RUNS = 200


@pytest.mark.parametrize(("opponent", "needed"), [("random", 0.95), ("greedy", 0.70), ("legacy:normal", 0.5)])
def test_srw_beats_baseline(benchmark, opponent: str, needed: float) -> None:  # type: ignore[no-untyped-def]
    tally = benchmark.pedantic(matchup, args=(opponent, RUNS), rounds=1, iterations=1)
    benchmark.extra_info.update(
        wins=tally.wins, losses=tally.losses, draws=tally.draws, runs=tally.runs, win_rate=tally.win_rate
    )
    print(tally)
    assert tally.win_rate >= needed, str(tally)
