"""How long loading all game data takes (run: python -m pytest benchmarks --benchmark-only)."""

from __future__ import annotations

from pathlib import Path

from pytest_benchmark.fixture import BenchmarkFixture

from game.data import load_game_data
from game.data.yaml_reader import read_yaml_file

REPO = Path(__file__).resolve().parents[1]


def test_load_all_shipped_data(benchmark: BenchmarkFixture) -> None:
    result = benchmark(load_game_data, REPO, user_mods=False)
    assert len(result.definitions.units) >= 31


def test_load_with_the_example_mod(benchmark: BenchmarkFixture) -> None:
    result = benchmark(load_game_data, REPO, [REPO / "docs/examples/mods"], user_mods=False)
    assert result.mods


def test_read_one_unit_file(benchmark: BenchmarkFixture) -> None:
    data, problems = benchmark(read_yaml_file, REPO / "units/layzner.yaml", "units/layzner.yaml")
    assert problems == [] and data
