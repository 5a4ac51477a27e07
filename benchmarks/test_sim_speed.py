"""Speed of headless batch simulation (a benchmark: run with --benchmark-only).

Targets (issue 10, on the 2-core machine): at least 20 whole runs of `blue_comet_falls` per
second per core, and `--jobs 2` at least 1.7x faster than `--jobs 1`. Also (issue 5): one
unit's decision at most 10 ms at the median on the largest shipped map (`beautiful_le_cain`,
24x24).

Run: .venv/bin/python -m pytest benchmarks/test_sim_speed.py --benchmark-only -s
"""

from __future__ import annotations

import statistics
import time

from game.ai import SRWController
from game.core import Attack, apply
from game.sim import simulate
from game.sim.simulate import load_definitions
from game.testing import scenario_battle

RUNS = 40


def test_blue_comet_runs_one_job(benchmark) -> None:  # type: ignore[no-untyped-def]
    defs, _ = load_definitions()
    report = benchmark.pedantic(
        simulate, args=("blue_comet_falls", 0, RUNS), kwargs={"defs": defs, "jobs": 1}, rounds=3
    )
    assert len(report.runs) == RUNS
    rate = RUNS / benchmark.stats.stats.median
    benchmark.extra_info["runs_per_second_per_core"] = round(rate, 2)
    print(f"\nblue_comet_falls, --jobs 1: {rate:.2f} runs/s")


def test_blue_comet_runs_two_jobs(benchmark) -> None:  # type: ignore[no-untyped-def]
    """With --jobs 2 (worker processes forked with the loaded scenario); compare the median
    with the one-job benchmark for the speed-up."""
    report = benchmark.pedantic(simulate, args=("blue_comet_falls", 0, RUNS), kwargs={"jobs": 2}, rounds=3)
    assert len(report.runs) == RUNS
    rate = RUNS / benchmark.stats.stats.median
    benchmark.extra_info["runs_per_second"] = round(rate, 2)
    print(f"\nblue_comet_falls, --jobs 2: {rate:.2f} runs/s")


def test_unit_decision_on_the_largest_shipped_map(benchmark) -> None:  # type: ignore[no-untyped-def]
    battle = scenario_battle("beautiful_le_cain", seed=1)
    battle.play_until(3, "enemy")  # units in contact
    state = battle.state
    medians: list[float] = []

    def phase_median() -> float:
        enemy, player = SRWController(), SRWController()
        s, times = state, {}
        while s.side == "enemy" and s.outcome is None:
            start = time.perf_counter()
            cmd = enemy.next_command(s)
            spent = time.perf_counter() - start
            unit = getattr(cmd, "unit", None)
            if unit is not None:
                times[unit] = times.get(unit, 0.0) + spent
            if isinstance(cmd, Attack):
                cmd = player.react(s, cmd)
            s, _ = apply(s, cmd)
        medians.append(statistics.median(times.values()))
        return medians[-1]

    benchmark.pedantic(phase_median, rounds=5, iterations=1)
    ms = statistics.median(medians) * 1000
    benchmark.extra_info["median_unit_decision_ms"] = round(ms, 2)
    print(f"\nbeautiful_le_cain (24x24), median unit decision: {ms:.2f} ms")
