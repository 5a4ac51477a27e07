"""Speed of headless batch simulation (a benchmark: run with --benchmark-only).

Targets (issue 10, on the 2-core machine): at least 20 whole runs of `blue_comet_falls` per
second per core, and `--jobs 2` at least 1.7x faster than `--jobs 1`. Also (issue 5): one
unit's decision at most 10 ms at the median on the largest shipped map (`beautiful_le_cain`,
24x24). And where a run's time goes: the rules engine against the AI, with the greedy AI
for comparison (docs/BALANCE.md, "Speed of batch runs").

Run: .venv/bin/python -m pytest benchmarks/test_sim_speed.py --benchmark-only -s
"""

from __future__ import annotations

import statistics
import time

from game.ai import SRWController
from game.core import Attack, apply
from game.core.state import BattleState
from game.sim import BatchSpec, RunResult, Simulator, play_out, simulate
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


def test_where_a_blue_comet_run_spends_its_time(benchmark) -> None:  # type: ignore[no-untyped-def]
    """Splits whole runs into the rules engine and the AI: the runs are played as `simulate`
    plays them (SRW AI on both sides, planners warm from run to run), then their commands,
    reactions included, are applied again with no AI at all (reaching the same end). The
    engine's share bounds what any AI could reach; the greedy AI on both sides (a reach
    search and one strike per tile and weapon, nothing more), timed the same way, shows what
    the cheapest sensible decisions cost."""
    defs, _ = load_definitions()
    seeds = range(100, 100 + RUNS)

    def runner(ai: str) -> tuple[Simulator, dict[int, BattleState]]:
        sim = Simulator.load(BatchSpec("blue_comet_falls", player_ai=ai, enemy_ai=ai), defs)
        sim.run(99)  # warm the planners, as a worker is after its first run
        return sim, {seed: sim.scenario.start(seed)[0] for seed in seeds}

    srw, starts = runner("srw")
    played: dict[int, RunResult] = {}

    def play_all() -> None:
        for seed, state in starts.items():
            played[seed] = play_out(state, srw.controllers(), srw.spec.max_turns)

    benchmark.pedantic(play_all, rounds=1, iterations=1)
    whole = benchmark.stats.stats.median
    start = time.perf_counter()
    ends = {}
    for seed, first in starts.items():
        state = first
        for cmd in played[seed].commands:
            state, _ = apply(state, cmd)
        ends[seed] = state
    engine = time.perf_counter() - start
    assert all(ends[seed].digest() == played[seed].state.digest() for seed in seeds)

    greedy, greedy_starts = runner("greedy")
    start = time.perf_counter()
    for state in greedy_starts.values():
        play_out(state, greedy.controllers(), greedy.spec.max_turns)
    greedy_rate = RUNS / (time.perf_counter() - start)

    commands = sum(len(r.commands) for r in played.values()) / RUNS
    info = {
        "srw_runs_per_second": round(RUNS / whole, 2),
        "commands_per_run": round(commands, 1),
        "engine_ms_per_run": round(engine / RUNS * 1000, 1),
        "ai_ms_per_run": round((whole - engine) / RUNS * 1000, 1),
        "greedy_runs_per_second": round(greedy_rate, 2),
    }
    benchmark.extra_info.update(info)
    print(
        f"\nblue_comet_falls, SRW AI: {info['srw_runs_per_second']} runs/s, {commands:.0f} commands a run; "
        f"engine {info['engine_ms_per_run']} ms a run (the commands applied again), "
        f"AI {info['ai_ms_per_run']} ms a run; greedy AI on both sides: {info['greedy_runs_per_second']} runs/s"
    )
