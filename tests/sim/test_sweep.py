"""`simulate --sweep`: one variant per value (a grid for several sweeps), all on the same
seeds, with the player team's win rate and its interval per variant."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game.sim import SimulationError, simulate
from game.sim.sweep import Sweep, grid, parse_sweep
from tests.sim.cli import run_cli

SCENARIO = "sandstorm_decoy"


def test_ranges_include_their_end_and_lists_are_taken_as_written() -> None:
    assert parse_sweep("units.braver.hp=2000:3200:200").values == tuple(str(v) for v in range(2000, 3201, 200))
    assert parse_sweep("units.braver.hp=2000:3100:400").values == ("2000", "2400", "2800")
    assert parse_sweep("rules.x=0.1:0.3:0.1").values == ("0.1", "0.2", "0.3")  # no 0.30000000000000004
    assert parse_sweep("units.braver.hp=2000:2000:1").values == ("2000",)
    assert parse_sweep("pilots.gosterro.ai=aggressive,defensive").values == ("aggressive", "defensive")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("units.braver.hp", "expected PATH=START:STOP:STEP"),
        ("units.braver.hp=1:2", "three numbers"),
        ("units.braver.hp=a:b:c", "is not three numbers"),
        ("units.braver.hp=3000:2000:100", "ends"),
        ("units.braver.hp=1:10:0", "more than 0"),
        ("units.braver.hp=1:100000:1", "use a larger step"),
        ("units.braver.hp=1,,2", "empty value"),
    ],
)
def test_bad_sweeps_say_what_is_wrong(text: str, problem: str) -> None:
    with pytest.raises(SimulationError, match=problem):
        parse_sweep(text)


def test_a_grid_is_every_combination_first_sweep_slowest() -> None:
    a, b = Sweep("units.a.hp", ("1", "2")), Sweep("units.b.hp", ("3", "4", "5"))
    combos = grid([a, b])
    assert len(combos) == 6
    assert combos[0] == ("units.a.hp=1", "units.b.hp=3") and combos[-1] == ("units.a.hp=2", "units.b.hp=5")
    with pytest.raises(SimulationError, match="more than once"):
        grid([a, a])


def test_sweep_plays_every_variant_on_the_same_seeds() -> None:
    done = run_cli(
        SCENARIO,
        "--seed", "2", "--runs", "2", "--max-turns", "2", "--jobs", "1",
        "--set", "units.layzner.hp=9000",
        "--sweep", "units.braver.hp=2000:4000:2000",
        "--json",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["seeds"] == [2, 3] and data["shared_overrides"] == ["units.layzner.hp=9000"]
    assert [v["set"] for v in data["variants"]] == [["units.braver.hp=2000"], ["units.braver.hp=4000"]]
    for v in data["variants"]:
        assert [r["seed"] for r in v["report"]["runs"]] == [2, 3]
        assert v["report"]["overrides"] == ["units.layzner.hp=9000", *v["set"]]
        low, high = v["player_win_rate"]["ci95"]
        assert 0 <= low <= v["player_win_rate"]["rate"] <= high <= 1
    # Each variant is exactly the batch `--set` gives for it.
    alone = simulate(SCENARIO, seed=2, runs=2, max_turns=2, overrides=["units.layzner.hp=9000", "units.braver.hp=4000"])
    assert [r["digest"] for r in data["variants"][1]["report"]["runs"]] == [r.digest for r in alone.runs]


def test_sweep_text_and_report(tmp_path: Path) -> None:
    import pygame

    for sweeps, chart_rows in (
        (["units.braver.hp=2000:3000:500"], 3),
        (["units.braver.hp=2000,3000", "units.layzner.hp=4000,5000"], 4),
    ):
        folder = tmp_path / str(chart_rows)
        args = [SCENARIO, "--runs", "2", "--max-turns", "1", "--jobs", "1", "--report", str(folder)]
        done = run_cli(*args, *(a for s in sweeps for a in ("--sweep", s)))
        assert done.returncode == 0, done.stderr
        assert f"({chart_rows} variants)" in done.stdout and "player team wins (95% CI)" in done.stdout
        page = (folder / "report.md").read_text(encoding="utf-8")
        assert "](sweep.png)" in page and page.count("| `units.braver.hp=") == chart_rows
        image = pygame.image.load(str(folder / "sweep.png"))
        colours = {tuple(image.get_at((x, y)))[:3] for x in range(0, 900, 7) for y in range(0, image.get_height(), 7)}
        assert image.get_width() == 900 and len(colours) > 4


def test_sweep_errors_are_clear() -> None:
    done = run_cli(SCENARIO, "--sweep", "units.braver.hp=3000:2000:100")
    assert done.returncode == 1 and "the range ends" in done.stderr and "Traceback" not in done.stderr
    done = run_cli(SCENARIO, "--max-turns", "1", "--sweep", "units.bravr.hp=1,2")
    assert done.returncode == 1 and "did you mean 'braver'" in done.stderr
    done = run_cli(SCENARIO, "--sweep", "units.braver.hp=1,2", "--set", "units.braver.hp=5", "--compare")
    assert done.returncode == 2 and "cannot be combined" in done.stderr
