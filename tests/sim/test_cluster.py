"""Batches on a Dask cluster (the cluster extra), on a small local cluster of this machine:
the results are the serial ones for the same seeds, whichever way the cluster is reached."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator

import pytest
from distributed import LocalCluster

from game.sim import SimulationError, simulate
from game.sim import cluster as cluster_module
from game.sim.batch import run_batch
from game.sim.cluster import dask_cluster
from game.sim.results import BatchSpec
from game.sim.simulator import Simulator
from tests.sim.cli import run_cli

SCENARIO = "sandstorm_decoy"


def comparable(report: object) -> dict[str, object]:
    data = report.to_json()  # type: ignore[attr-defined]
    return {k: v for k, v in data.items() if k not in ("seconds", "jobs")}


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A scheduler on a TCP port with one worker thread in this process (cheap, robust under load)."""
    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, protocol="tcp", dashboard_address=None
    ) as local:
        yield local.scheduler_address


def test_a_local_dask_cluster_gives_the_serial_results() -> None:
    serial = simulate(SCENARIO, seed=3, runs=3, max_turns=2, jobs=1)
    with dask_cluster(workers=1, processes=False) as cluster:
        assert cluster.workers == 1
        on_dask = simulate(SCENARIO, seed=3, runs=3, max_turns=2, executor=cluster.executor, jobs=cluster.workers)
        sim = Simulator.load(BatchSpec(SCENARIO, max_turns=2))
        repeated = run_batch(sim, [4, 3, 4], cluster.workers, executor=cluster.executor)
    assert comparable(on_dask) == comparable(serial)
    assert [r.seed for r in repeated] == [4, 3, 4]
    assert [r.digest for r in repeated] == [serial.runs[1].digest, serial.runs[0].digest, serial.runs[1].digest]


def test_simulate_sends_the_runs_to_a_scheduler(scheduler: str) -> None:
    """`--scheduler ADDRESS` from another process, as a machine of a cluster would."""
    args = (SCENARIO, "--seed", "5", "--runs", "2", "--max-turns", "2", "--json")
    done = run_cli(*args, "--scheduler", scheduler)
    assert done.returncode == 0, done.stderr
    serial = run_cli(*args, "--jobs", "1")
    assert serial.returncode == 0, serial.stderr
    assert json.loads(done.stdout)["runs"] == json.loads(serial.stdout)["runs"]


def test_an_unreachable_scheduler_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cluster_module, "CONNECT_SECONDS", 0.5)
    with (
        pytest.raises(SimulationError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9"),
        dask_cluster("tcp://127.0.0.1:9"),
    ):
        pass


def test_without_dask_the_message_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if the extra were not installed
    with pytest.raises(SimulationError, match=r"blue-comet-tactics\[cluster\]"), dask_cluster(workers=1):
        pass
