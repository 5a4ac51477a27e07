"""Play a scenario headless with an AI on every side, for balance checks and golden tests.

    from game.sim import simulate
    report = simulate("blue_comet_falls", seed=3, runs=10, jobs=2)
    report.runs[0].winner, report.runs[0].digest, report.summary.player_wins

Each run uses seed `seed + i`; the same seed always gives the same digest, whichever worker
process plays it (`jobs`), so results never depend on `--jobs`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from pathlib import Path

from game.core.defs import Definitions
from game.sim.results import BatchSpec, SimReport, SimRun, SimulationError, UnitInfo
from game.sim.simulator import Simulator, check_overrides, load_data, load_definitions

__all__ = [
    "BatchSpec",
    "SimReport",
    "SimRun",
    "SimulationError",
    "Simulator",
    "UnitInfo",
    "check_overrides",
    "default_jobs",
    "load_data",
    "load_definitions",
    "simulate",
]


def default_jobs() -> int:
    """One worker per CPU this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on every platform
        return max(1, os.cpu_count() or 1)


def simulate(
    scenario_id: str,
    seed: int = 0,
    runs: int = 1,
    *,
    player_ai: str = "srw",
    enemy_ai: str = "srw",
    difficulty: str = "normal",
    mods: Sequence[Path | str] = (),
    overrides: Sequence[str] = (),
    max_turns: int = 30,
    defs: Definitions | None = None,
    game_dir: Path | None = None,
    jobs: int = 1,
    replay_dir: Path | None = None,
    progress: Callable[[SimRun], None] | None = None,
    executor: Executor | None = None,
) -> SimReport:
    """Play `runs` battles of `scenario_id` (seeds `seed`, `seed + 1`, ...) with AI controllers.

    `player_ai` drives the player's team (player and allies), `enemy_ai` everyone else.
    `jobs` > 1 plays the runs in that many worker processes; with `executor` (e.g. a Dask
    cluster's, game.sim.cluster) they are played there, `jobs` being its worker count.
    `progress` is called in this process after each run. Raises SimulationError (data, scenario or `overrides`
    problems) or ValueError (unknown AI name or difficulty).
    """
    import time

    from game.sim.batch import run_batch  # here: importing game.sim stays light

    if runs < 1:
        raise ValueError("runs must be at least 1")
    spec = BatchSpec(
        scenario_id,
        player_ai,
        enemy_ai,
        difficulty,
        max_turns,
        tuple(Path(m) for m in mods),
        tuple(overrides),
        game_dir,
        replay_dir,
    )
    started = time.perf_counter()
    sim = Simulator.load(spec, defs)
    seeds = list(range(seed, seed + runs))
    jobs = max(1, jobs if executor is not None else min(jobs, runs))
    done = run_batch(sim, seeds, jobs, progress, executor=executor)
    ctx = sim.scenario.context
    bonus_ids = tuple(dict.fromkeys(b.id for objs in ctx.script.objectives.values() for b in objs.bonus))
    return SimReport(
        scenario=scenario_id,
        player_ai=player_ai,
        enemy_ai=enemy_ai,
        runs=tuple(done),
        overrides=tuple(overrides),
        data_hash=sim.data_hash,
        jobs=jobs,
        seconds=time.perf_counter() - started,
        player_side=sim.player,
        sides=tuple(s.id for s in ctx.sides),
        friendly_sides=tuple(s.id for s in ctx.sides if ctx.friendly(s.id, sim.player)),
        bonus_ids=bonus_ids,
        units=sim.units(done),
    )
