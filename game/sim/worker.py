"""What a worker process runs: chunks of seeds of one BatchSpec, on the simulator it loaded
(or inherited) once. Local process pools and Dask workers call the same function."""

from __future__ import annotations

import traceback
from collections.abc import Sequence
from typing import Any

from game.sim.results import BatchSpec, SimRun, SimulationError
from game.sim.simulator import Simulator

# One run and its replay file's JSON (None unless the spec asks for replays).
Played = tuple[SimRun, dict[str, Any] | None]


class Loaded:
    """The simulators this process has loaded, by spec, so that a worker loads its scenario
    once and not for every chunk (loading takes about as long as a run). A long-lived Dask
    worker plays sweep after sweep: only the last few specs are kept."""

    def __init__(self, keep: int = 4) -> None:
        self.keep = keep
        self._by_spec: dict[BatchSpec, Simulator] = {}

    def add(self, sim: Simulator) -> None:
        self._by_spec.pop(sim.spec, None)
        while len(self._by_spec) >= self.keep:
            del self._by_spec[next(iter(self._by_spec))]  # the least recently used
        self._by_spec[sim.spec] = sim

    def get(self, spec: BatchSpec) -> Simulator:
        sim = self._by_spec.get(spec)
        if sim is None:
            sim = Simulator.load(spec)
        self.add(sim)
        return sim


# Per process: filled in worker processes (by `adopt` or on first use), never read across them.
LOADED = Loaded()


def adopt(sim: Simulator) -> None:
    """Pool initializer: a forked worker takes the parent's loaded simulator as it is."""
    LOADED.add(sim)


def play_chunk(spec: BatchSpec, seeds: Sequence[int], data_hash: str = "") -> list[Played]:
    """Play every seed; a failing run raises SimulationError with its seed and traceback.
    `data_hash`, when given, is the game data the batch was started with: a worker that has
    other data (another version of the game installed) refuses to play rather than answer
    for different rules."""
    sim = LOADED.get(spec)
    if data_hash and sim.data_hash and sim.data_hash != data_hash:
        import socket

        raise SimulationError(
            f"the worker on {socket.gethostname()} has different game data (data hash {sim.data_hash[:12]}..., "
            f"the batch was started with {data_hash[:12]}...): install the same version of the game on every worker"
        )
    return [play_one(sim, seed) for seed in seeds]


def play_one(sim: Simulator, seed: int) -> Played:
    try:
        return sim.play(seed)
    except Exception:
        raise SimulationError(f"run with seed {seed} failed:\n{traceback.format_exc()}") from None
