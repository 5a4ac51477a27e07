"""Playing many seeded runs: in this process, in local worker processes
(`concurrent.futures.ProcessPoolExecutor`), or on any other `concurrent.futures.Executor`,
such as a Dask cluster's (game.sim.cluster).

Local workers are forked from this process where the platform allows it, so they inherit
the loaded game data and scenario; elsewhere (spawn, or another machine) each worker loads
them once from the BatchSpec. Seeds go out in small chunks and every result goes back to
its seed's place in the list, so a batch depends only on its seeds (repeated seeds
included), never on which worker played them or how many there were.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from game.sim.results import SimRun, SimulationError
from game.sim.simulator import Simulator
from game.sim.worker import Played, adopt, play_chunk, play_one

Progress = Callable[[SimRun], None]

DEAD_WORKER = "a simulation worker process stopped unexpectedly (killed, or out of memory); the batch was abandoned"


def run_batch(
    sim: Simulator,
    seeds: Sequence[int],
    jobs: int = 1,
    progress: Progress | None = None,
    *,
    executor: Executor | None = None,
) -> list[SimRun]:
    """One SimRun per seed, in the order of `seeds`.

    With `executor` the runs go to it (`jobs`: how many workers it has, for the chunk size);
    otherwise `jobs` > 1 starts that many local worker processes, and 1 plays them here.
    Replay files (when the spec asks for them) are written here, whoever played the run.
    """
    if executor is not None:
        return _on(executor, sim, seeds, max(1, jobs), progress)
    if jobs <= 1 or len(seeds) <= 1:
        out = []
        for seed in seeds:
            out.append(_keep(sim, play_one(sim, seed), progress))
        return out
    jobs = min(jobs, len(seeds))
    ctx = _context()
    # Forked workers inherit the loaded simulator; spawned ones load it from the spec.
    if ctx.get_start_method() == "fork":
        pool = ProcessPoolExecutor(jobs, mp_context=ctx, initializer=adopt, initargs=(sim,))
    else:
        pool = ProcessPoolExecutor(jobs, mp_context=ctx)
    try:
        return _on(pool, sim, seeds, jobs, progress)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _chunks(seeds: Sequence[int], size: int) -> Iterator[tuple[int, list[int]]]:
    """(index of the chunk's first seed, its seeds)."""
    for i in range(0, len(seeds), size):
        yield i, list(seeds[i : i + size])


def _on(
    executor: Executor, sim: Simulator, seeds: Sequence[int], workers: int, progress: Progress | None
) -> list[SimRun]:
    # Small chunks keep every worker busy to the end (runs differ in length a lot).
    size = max(1, len(seeds) // (workers * 16))
    futures: dict[Future[list[Played]], int] = {}
    for start, chunk in _chunks(seeds, size):
        futures[executor.submit(play_chunk, sim.spec, chunk, sim.data_hash)] = start
    found: list[SimRun | None] = [None] * len(seeds)
    try:
        for future in as_completed(futures):
            start = futures[future]
            for offset, played in enumerate(_result(future)):
                found[start + offset] = _keep(sim, played, progress)
    finally:
        for future in futures:
            future.cancel()
    return [r for r in found if r is not None]


def _result(future: Future[list[Played]]) -> list[Played]:
    try:
        return future.result()
    except SimulationError:
        raise
    except BrokenProcessPool:
        raise SimulationError(DEAD_WORKER) from None
    except Exception as exc:  # e.g. a cluster that lost the task's workers too often
        raise SimulationError(f"a simulation task failed on its worker: {type(exc).__name__}: {exc}") from None


def _keep(sim: Simulator, played: Played, progress: Progress | None) -> SimRun:
    run, replay = played
    if replay is not None:
        sim.write_replay(run.seed, replay)
    if progress is not None:
        progress(run)
    return run
