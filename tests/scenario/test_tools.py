"""`run_game.py list scenarios` and the scenario part of `run_game.py validate`."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main
from game.scenario import list_scenarios
from tests.scenario.test_errors import GOOD, MAP


def test_list_scenarios(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "scenarios", "--no-user-mods"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["#", "id", "title", "from"]
    assert [line.split()[1] for line in out[2:]] == [i.id for i in list_scenarios() if i.source == "game"]


def make_mod(tmp_path: Path, scenario: str) -> Path:
    mod = tmp_path / "my_mod"
    (mod / "maps" / "skirmish").mkdir(parents=True)
    (mod / "mod.yaml").write_text("id: my_mod\nname: My Mod\nversion: '1.0'\n")
    (mod / "maps" / "skirmish" / "map.tmx").write_text(MAP)
    (mod / "maps" / "skirmish" / "scenario.yaml").write_text(scenario)
    return mod


def test_validate_checks_scenarios_from_mods(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mod = make_mod(tmp_path, GOOD)
    assert main(["validate", "--no-user-mods", "--mods", str(mod)]) == 0
    out = capsys.readouterr().out
    shipped = len([i for i in list_scenarios() if i.source == "game"])
    assert f"Checked {shipped + 1} scenario(s) and their maps; 0 problem(s)." in out
    assert main(["list", "scenarios", "--no-user-mods", "--mods", str(mod)]) == 0
    assert "skirmish" in capsys.readouterr().out


def test_validate_fails_on_a_broken_scenario(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    mod = make_mod(tmp_path, GOOD.replace("unit: braver", "unit: bravr"))
    assert main(["validate", "--no-user-mods", "--mods", str(mod)]) == 1
    out = capsys.readouterr().out
    assert "-- scenarios --" in out
    assert "scenario.yaml:6:22: error: units[1].unit: unknown unit 'bravr' (did you mean 'braver'?) [scenario]" in out
    assert "1 error" in out


def test_validate_reports_bad_ai_blocks_at_their_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scenario = GOOD.replace(
        "side: enemy, at: [4, 3]}", "side: enemy, at: [4, 3], ai: {behaviour: guard, guard: gaol, retreat_hp: 50}}"
    )
    mod = make_mod(tmp_path, scenario)
    assert main(["validate", "--no-user-mods", "--mods", str(mod)]) == 1
    out = capsys.readouterr().out
    assert "scenario.yaml:6:" in out and "units[1].ai: unknown ai key 'retreat_hp'" in out
    fixed = scenario.replace(", retreat_hp: 50", "")
    (mod / "maps" / "skirmish" / "scenario.yaml").write_text(fixed)
    assert main(["validate", "--no-user-mods", "--mods", str(mod)]) == 1
    assert "units[1].ai.guard: ai.guard 'gaol' is neither a region nor a unit id" in capsys.readouterr().out
