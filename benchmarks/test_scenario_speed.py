"""Speed of loading maps and scenarios (what a player waits for between battles).

Targets on the 2-core machine: reading a campaign map <= 30 ms; loading a whole scenario
(YAML, map, compile, placement check) <= 100 ms; starting its battle <= 5 ms; a whole
AI-vs-AI battle of a short scenario <= 2 s.

Run: .venv/bin/python -m pytest benchmarks/test_scenario_speed.py --benchmark-only
"""

from __future__ import annotations

from pathlib import Path

from game.maps import load_map
from game.scenario import load_scenario
from tests.scenario.roster import TERRAINS, campaign_definitions

ROOT = Path(__file__).resolve().parents[1]


def test_load_map(benchmark) -> None:  # type: ignore[no-untyped-def]
    path = ROOT / "maps" / "beautiful_le_cain" / "map.tmx"
    m = benchmark(load_map, path, TERRAINS)
    assert m.grid.width == 24


def test_load_scenario(benchmark) -> None:  # type: ignore[no-untyped-def]
    defs = campaign_definitions()
    sc = benchmark(load_scenario, "beautiful_le_cain", defs)
    assert len(sc.deployments) == 12


def test_start_battle(benchmark) -> None:  # type: ignore[no-untyped-def]
    sc = load_scenario("seal_of_grados", campaign_definitions())
    state, _ = benchmark(sc.start, 7)
    assert state.turn == 1


def test_simulate_one_battle(benchmark) -> None:  # type: ignore[no-untyped-def]
    """A whole AI-vs-AI battle of the campaign's shortest scenario (about 5 turns)."""
    from game.sim import simulate
    from game.sim.simulate import load_definitions

    defs, _ = load_definitions()
    report = benchmark.pedantic(simulate, args=("farewell_red_planet", 1), kwargs={"defs": defs}, rounds=5)
    assert report.runs[0].winner is not None
