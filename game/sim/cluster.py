"""Runs on a Dask distributed cluster: another machine's workers (`--scheduler ADDRESS`) or
a cluster of local processes started for one batch (`--executor dask` alone).

Dask is an optional extra (`pip install "blue-comet-tactics[cluster]"`): nothing here is
imported unless a batch asks for Dask. Workers need the game installed (the wheel) and play
`game.sim.worker.play_chunk` on the BatchSpec they are sent, loading the scenario once per
worker process, so the results are the serial ones for the same seeds.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from typing import Any

from game.sim.results import SimulationError

INSTALL_HINT = 'Dask distributed is not installed: pip install "blue-comet-tactics[cluster]" (or dask[distributed])'
WAIT_FOR_WORKERS_SECONDS = 60.0
CONNECT_SECONDS = 20.0


@dataclass(frozen=True)
class Cluster:
    executor: Executor
    workers: int  # worker threads in all (for the chunk size)
    address: str  # the scheduler's, for messages


@contextmanager
def dask_cluster(scheduler: str | None = None, workers: int = 1, *, processes: bool = True) -> Iterator[Cluster]:
    """A Dask executor for the length of the `with` block.

    `scheduler` ("tcp://HOST:PORT") joins a running cluster and waits for at least one of
    its workers; without it a local cluster of `workers` single-threaded worker processes
    (threads of this process with `processes=False`) is started and stopped again.
    SimulationError when Dask is missing or the scheduler cannot be reached.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise SimulationError(INSTALL_HINT) from None
    # Dask logs its start-up and shut-down at INFO on stderr; the batch's output is ours.
    logging.getLogger("distributed").setLevel(logging.WARNING)
    with ExitStack() as stack:
        if scheduler is None:
            local: Any = stack.enter_context(
                LocalCluster(
                    n_workers=max(1, workers),
                    threads_per_worker=1,
                    processes=processes,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
            )
            client = stack.enter_context(Client(local))
        else:
            try:
                client = stack.enter_context(Client(scheduler, timeout=CONNECT_SECONDS))
            except (OSError, TimeoutError, ValueError) as exc:
                raise SimulationError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
            try:
                client.wait_for_workers(1, timeout=WAIT_FOR_WORKERS_SECONDS)
            except (OSError, TimeoutError) as exc:
                raise SimulationError(
                    f"no Dask worker joined the scheduler at {scheduler} within {WAIT_FOR_WORKERS_SECONDS:g} s "
                    f"(start some with `dask worker {scheduler}`): {exc}"
                ) from None
        threads = sum(client.nthreads().values())
        yield Cluster(client.get_executor(), max(1, threads), client.scheduler.address if client.scheduler else "")
