"""Strength of the SRW AI against the baselines (a benchmark: run with --benchmark-only).

200 seeded runs per matchup on the mirrored arena; the SRW AI must beat `random` in at
least 95% and `greedy` in at least 70% of them. Against the SRW AI as it played before its
second version (`benchmarks/legacy_ai`), where many mirrored runs end in turn-limit draws,
it must win at least half of the runs that are decided.
"""

from __future__ import annotations

import pytest

from benchmarks.strength import matchup

RUNS = 200


@pytest.mark.parametrize(("opponent", "needed"), [("random", 0.95), ("greedy", 0.70)])
def test_srw_beats_baseline(benchmark, opponent: str, needed: float) -> None:  # type: ignore[no-untyped-def]
    tally = benchmark.pedantic(matchup, args=(opponent, RUNS), rounds=1, iterations=1)
    benchmark.extra_info.update(
        wins=tally.wins, losses=tally.losses, draws=tally.draws, runs=tally.runs, win_rate=tally.win_rate
    )
    print(tally)
    assert tally.win_rate >= needed, str(tally)


@pytest.mark.parametrize("level", ["normal", "hard"])
def test_srw_holds_its_own_against_its_first_version(benchmark, level: str) -> None:  # type: ignore[no-untyped-def]
    tally = benchmark.pedantic(matchup, args=(f"legacy:{level}", RUNS, level), rounds=1, iterations=1)
    benchmark.extra_info.update(wins=tally.wins, losses=tally.losses, draws=tally.draws, runs=tally.runs)
    print(tally)
    assert tally.wins >= tally.losses, str(tally)
