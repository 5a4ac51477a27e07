"""Whole `blue_comet_falls` runs with the SRW AI on both sides, side by side with the rules
engine alone replaying the same command logs (a benchmark: run with --benchmark-only).

Target (issue 20): 10 runs per second per core with the AI, on the way to the AI costing
no more than the engine. The replay reaches the same end state, so the difference between
the two is the AI's share. Planners are warm from an earlier run, as in a batch worker.

Run: .venv/bin/python -m pytest benchmarks/test_ai_run_speed.py --benchmark-only -s
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from game.core import apply
from game.core.state import BattleState
from game.sim import BatchSpec, RunResult, Simulator, play_out
from game.sim.simulate import load_definitions

SEEDS = range(100, 110)


@dataclass
class Runs:
    sim: Simulator
    starts: dict[int, BattleState]
    played: dict[int, RunResult] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)


@pytest.fixture(scope="module")
def runs() -> Runs:
    defs, _ = load_definitions()
    sim = Simulator.load(BatchSpec("blue_comet_falls"), defs)
    sim.run(99)  # warm the planners
    return Runs(sim, {seed: sim.scenario.start(seed)[0] for seed in SEEDS})


def _play(r: Runs) -> None:
    for seed, state in r.starts.items():
        r.played[seed] = play_out(state, r.sim.controllers(), r.sim.spec.max_turns)


def _replay(r: Runs) -> dict[int, BattleState]:
    ends = {}
    for seed, start in r.starts.items():
        state = start
        for cmd in r.played[seed].commands:
            state, _ = apply(state, cmd)
        ends[seed] = state
    return ends


def test_runs_with_the_srw_ai_on_both_sides(benchmark, runs: Runs) -> None:  # type: ignore[no-untyped-def]
    benchmark.pedantic(_play, args=(runs,), rounds=3, iterations=1)
    runs.seconds["ai"] = benchmark.stats.stats.median
    rate = len(SEEDS) / runs.seconds["ai"]
    benchmark.extra_info["runs_per_second"] = round(rate, 2)
    print(f"\nblue_comet_falls, SRW AI on both sides: {rate:.2f} runs/s")


def test_the_same_runs_replayed_by_the_engine_alone(benchmark, runs: Runs) -> None:  # type: ignore[no-untyped-def]
    if not runs.played:
        _play(runs)
    ends = benchmark.pedantic(_replay, args=(runs,), rounds=3, iterations=1)
    assert all(ends[seed].digest() == runs.played[seed].state.digest() for seed in SEEDS)
    engine = benchmark.stats.stats.median
    info = {"runs_per_second": round(len(SEEDS) / engine, 2)}
    if "ai" in runs.seconds:
        info["ai_run_over_replay"] = round(runs.seconds["ai"] / engine, 1)
    benchmark.extra_info.update(info)
    print(f"\nthe same runs, engine only: {info}")
