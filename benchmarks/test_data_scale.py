"""Validating a big mod: 1,000 unit files in under 2 s, side by side with the shipped data
(run: python -m pytest benchmarks/test_data_scale.py --benchmark-only). The time per file
of the two should be about the same: a look-up that scans every entry makes it grow with
the number of entries (5,000 units took 30 s that way)."""

from __future__ import annotations

import contextlib
import io
import statistics
import time
from pathlib import Path

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from game.cli import main

REPO = Path(__file__).resolve().parents[1]
UNITS = 1000
TARGET_SECONDS = 2.0


@pytest.fixture(scope="module")
def big_mod(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A mod adding UNITS new units (the Braver under new names, drawn with its sprite)."""
    root = tmp_path_factory.mktemp("mods")
    units = root / "big" / "units"
    units.mkdir(parents=True)
    (root / "big" / "mod.yaml").write_text("id: big\nname: Big\nversion: 1.0.0\n")
    braver = (REPO / "units/braver.yaml").read_text()
    for i in range(UNITS):
        text = braver.replace("name: Braver", f"name: Clone {i}\nsprite: braver\naliases: [clone number {i}]")
        (units / f"clone_{i}.yaml").write_text(text)
    return root


def _validate(*args: str, cpu: list[float] | None = None) -> int:
    started = time.process_time()
    with contextlib.redirect_stdout(io.StringIO()):
        code = main(["validate", "--no-user-mods", *args])
    if cpu is not None:
        cpu.append(time.process_time() - started)
    return code


def test_validate_the_shipped_data(benchmark: BenchmarkFixture) -> None:
    """The baseline: the game's own 31 units and 27 pilots, its scenarios and images."""
    code = benchmark.pedantic(_validate, rounds=3)
    assert code == 0
    benchmark.extra_info["files"] = len(list((REPO / "units").rglob("*.yaml")))


def test_validate_a_mod_of_1000_unit_files(benchmark: BenchmarkFixture, big_mod: Path) -> None:
    cpu: list[float] = []
    code = benchmark.pedantic(_validate, args=(str(big_mod),), kwargs={"cpu": cpu}, rounds=3)
    assert code == 0
    median = benchmark.stats.stats.median
    benchmark.extra_info["seconds_per_unit_file"] = round(median / UNITS, 5)
    benchmark.extra_info["cpu_seconds"] = round(statistics.median(cpu), 3)
    # The target is for the process's own time: on a shared machine the wall clock also
    # counts the time other processes had the CPU.
    assert statistics.median(cpu) < TARGET_SECONDS, (
        f"{UNITS} unit files took {median:.2f} s (target {TARGET_SECONDS} s)"
    )
