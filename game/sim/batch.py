"""Playing many seeded runs, in this process or in worker processes.

Workers are forked from this process where the platform allows it, so they inherit the
loaded game data and scenario instead of loading them again; elsewhere (spawn) each worker
loads them once. Seeds are handed out in small chunks as workers become free, and the
results are put back in seed order: a run's result depends only on its seed, never on
which worker played it or how many there were.
"""

from __future__ import annotations

import multiprocessing
import queue
import traceback
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from game.sim.results import BatchSpec, SimRun, SimulationError
from game.sim.simulator import Simulator

POLL_SECONDS = 0.5  # how often the parent checks that its workers are still alive


def run_batch(
    sim: Simulator, seeds: Sequence[int], jobs: int = 1, progress: Callable[[SimRun], None] | None = None
) -> list[SimRun]:
    """One SimRun per seed, in the order of `seeds`; `jobs` worker processes (1: this one)."""
    if jobs <= 1 or len(seeds) <= 1:
        out = []
        for seed in seeds:
            run = sim.run(seed)
            if progress is not None:
                progress(run)
            out.append(run)
        return out
    return _parallel(sim, seeds, min(jobs, len(seeds)), progress)


def _chunks(seeds: Sequence[int], size: int) -> Iterator[list[int]]:
    for i in range(0, len(seeds), size):
        yield list(seeds[i : i + size])


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _parallel(
    sim: Simulator, seeds: Sequence[int], jobs: int, progress: Callable[[SimRun], None] | None
) -> list[SimRun]:
    ctx = _context()
    # Forked workers inherit the loaded simulator; spawned ones get the spec and load it.
    payload: Simulator | BatchSpec = sim if ctx.get_start_method() == "fork" else sim.spec
    tasks = ctx.Queue()
    results = ctx.Queue()
    # Small chunks keep both workers busy to the end (runs differ in length a lot).
    for chunk in _chunks(seeds, max(1, len(seeds) // (jobs * 16))):
        tasks.put(chunk)
    for _ in range(jobs):
        tasks.put(None)
    workers = [ctx.Process(target=_work, args=(payload, tasks, results), daemon=True) for _ in range(jobs)]
    for w in workers:
        w.start()
    found: dict[int, SimRun] = {}
    try:
        while len(found) < len(seeds):
            try:
                message = results.get(timeout=POLL_SECONDS)
            except queue.Empty:
                dead = [w for w in workers if w.exitcode not in (None, 0)]
                if dead:
                    code = dead[0].exitcode
                    raise SimulationError(f"a simulation worker stopped unexpectedly (exit code {code})") from None
                continue
            if message[0] == "error":
                raise SimulationError(f"run with seed {message[1]} failed:\n{message[2]}")
            run: SimRun = message[1]
            found[run.seed] = run
            if progress is not None:
                progress(run)
    finally:
        for w in workers:
            if w.is_alive():
                w.terminate()
        for w in workers:
            w.join(timeout=5)
        tasks.close()
        results.close()
    return [found[s] for s in seeds]


def _work(payload: Simulator | BatchSpec, tasks: Any, results: Any) -> None:
    """A worker: play every seed of every chunk it takes until it takes None."""
    try:
        sim = payload if isinstance(payload, Simulator) else Simulator.load(payload)
    except Exception as exc:  # reported to the parent, which stops the batch
        results.put(("error", None, f"{type(exc).__name__}: {exc}"))
        return
    while True:
        chunk = tasks.get()
        if chunk is None:
            return
        for seed in chunk:
            try:
                run = sim.run(seed)
            except Exception:
                results.put(("error", seed, traceback.format_exc()))
                return
            results.put(("run", run))
