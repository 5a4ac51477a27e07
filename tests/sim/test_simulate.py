"""`game.sim.simulate` and `run_game.py simulate`: AI on every side, deterministic by seed."""

from __future__ import annotations

import json

import pytest

from game.sim import SimulationError, simulate
from tests.sim.cli import run_cli


def test_same_seed_same_digest() -> None:
    a = simulate("blue_comet_falls", seed=4, runs=2, max_turns=2)
    b = simulate("blue_comet_falls", seed=4, runs=2, max_turns=2)
    assert [r.digest for r in a.runs] == [r.digest for r in b.runs]
    assert [r.seed for r in a.runs] == [4, 5]
    assert a.runs[0].digest != a.runs[1].digest
    for r in a.runs:
        assert r.commands > 0
        assert (r.winner is None and r.turns == 2) or r.winner in ("player", "ally", "enemy", "neutral")


def test_one_side_can_play_greedy() -> None:
    report = simulate("sandstorm_decoy", seed=1, max_turns=1, enemy_ai="greedy")
    assert report.enemy_ai == "greedy" and len(report.runs) == 1


def test_unknown_scenario_and_ai() -> None:
    with pytest.raises(SimulationError, match="no scenario 'nowhere'"):
        simulate("nowhere")
    with pytest.raises(ValueError, match="unknown AI controller 'clever'"):
        simulate("blue_comet_falls", player_ai="clever", max_turns=1)


def test_cli_json() -> None:
    done = run_cli("farewell_red_planet", "--seed", "2", "--runs", "2", "--max-turns", "1", "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)  # stdout is exactly one JSON object
    assert report["scenario"] == "farewell_red_planet"
    assert [r["seed"] for r in report["runs"]] == [2, 3]
    for r in report["runs"]:
        assert set(r) >= {"seed", "winner", "turns", "digest", "reason"}
        assert len(r["digest"]) == 64


def test_cli_table_and_errors() -> None:
    done = run_cli("blue_comet_falls", "--max-turns", "1")
    assert done.returncode == 0, done.stderr
    assert "blue_comet_falls: 1 run(s)" in done.stdout and "wins:" in done.stdout
    bad = run_cli("blue_comet_fall")
    assert bad.returncode == 1
    assert "did you mean 'blue_comet_falls'" in bad.stderr
