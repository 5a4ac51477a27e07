"""The command line as people type it: options before the command, the program's own name
in its usage line, and `validate PATH` for one mod, data file, scenario or map."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from game import cli
from game.cli import find_command, main

REPO = Path(__file__).resolve().parents[2]
BRAVER = (REPO / "units/braver.yaml").read_text(encoding="utf-8")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "index"),
    [
        (["validate"], 0),
        (["--mods", "DIR", "validate"], 2),
        (["--no-user-mods", "--game-dir", "G", "list", "units"], 3),
        (["--mods=DIR", "list"], 1),
        (["--mods", "DIR"], None),
        (["--windowed"], None),
        ([], None),
    ],
)
def test_the_command_is_found_after_options_and_their_values(argv: list[str], index: int | None) -> None:
    assert find_command(argv) == index


def test_options_before_the_command_reach_it(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "--mods", str(REPO / "docs/examples/mods"), "--no-user-mods", "validate", "--no-assets")
    assert code == 0, out
    assert "mods: veteran_grados 1.0.0" in out


def test_options_with_no_command_open_the_game_with_them(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen: list[argparse.Namespace] = []
    monkeypatch.setattr("game.tools.play.run", lambda args: seen.append(args) or 0)
    assert main(["--mods", str(tmp_path), "--game-dir", str(REPO), "--windowed"]) == 0
    (args,) = seen
    assert args.mods == [str(tmp_path)] and args.game_dir == REPO and args.windowed


def test_the_usage_line_names_the_program_as_started(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.argv", ["/usr/local/bin/blue-comet-tactics", "validate", "--help"])
    with pytest.raises(SystemExit):
        main()
    assert capsys.readouterr().out.startswith("usage: blue-comet-tactics validate")
    monkeypatch.setattr("sys.argv", ["run_game.py"])
    assert cli.program_name() == "run_game.py"
    with pytest.raises(SystemExit):
        main(["--help"], prog="python -m game")
    assert capsys.readouterr().out.startswith("usage: python -m game")


def test_an_unknown_command_is_refused_with_the_list(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["valdiate"])
    assert exc.value.code == 2
    assert "valdiate" in capsys.readouterr().err


def test_validate_one_unit_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    good = tmp_path / "elite_braver.yaml"
    good.write_text(BRAVER.replace("name: Braver", "name: Elite Braver"), encoding="utf-8")
    code, out = run(capsys, "validate", str(good), "--no-assets")
    assert code == 0, out
    assert "as a unit file" in out and "Loaded 32 units" in out
    bad = tmp_path / "my_unit.yaml"
    bad.write_text("name: Test\nkind: mech\nhp: lots\n", encoding="utf-8")
    code, out = run(capsys, "validate", str(bad), "--no-assets")
    assert code == 1
    assert "my_unit.yaml:3:5: error: hp: expected a whole number, got 'lots' [schema]" in out
    assert "missing required field 'armor'" in out


def test_validate_one_pilot_file_tells_its_kind_from_its_fields(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    pilot = (REPO / "units/pilots/eiji.yaml").read_text(encoding="utf-8")
    path = tmp_path / "rookie.yaml"
    path.write_text(pilot.replace("aliases: [Albatro Nal Eiji Asuka, Eiji]", "aliases: []"), encoding="utf-8")
    code, out = run(capsys, "validate", str(path), "--no-assets")
    assert code == 0, out
    assert "as a pilot file" in out and "28 pilots" in out


def test_validate_one_system_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "spirits.yaml"
    path.write_text("new_spirit:\n  name: New\n  effects: [{hitt: 30}]\n", encoding="utf-8")
    code, out = run(capsys, "validate", str(path), "--no-assets")
    assert code == 1
    assert "spirits.yaml:3:" in out and "hitt" in out


def test_validate_one_mod_folder(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "validate", str(REPO / "docs/examples/mods/veteran_grados"), "--no-assets")
    assert code == 0, out
    assert "mods: veteran_grados 1.0.0" in out


def test_validate_one_scenario_folder_or_map(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out = run(capsys, "validate", str(REPO / "maps/sandstorm_decoy"), "--no-assets")
    assert code == 0, out
    assert "Checked" in out and "sandstorm_decoy/scenario.yaml; 0 problem(s)" in out
    broken = tmp_path / "broken.tmx"
    broken.write_text("<map><layer>", encoding="utf-8")
    code, out = run(capsys, "validate", str(broken), "--no-assets")
    assert code == 1
    assert "broken.tmx" in out


@pytest.mark.parametrize("name", ["missing.yaml", "notes.txt", "empty_folder"])
def test_validate_refuses_what_it_cannot_check(capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    if name == "notes.txt":
        path.write_text("hello", encoding="utf-8")
    elif name == "empty_folder":
        path.mkdir()
    code, out = run(capsys, "validate", str(path))
    assert code == 2
    assert str(path) in out


def test_validate_kind_can_be_given(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "odd.yaml"
    path.write_text("name: Odd\n", encoding="utf-8")
    code, out = run(capsys, "validate", str(path), "--kind", "pilot", "--no-assets")
    assert code == 1
    assert "as a pilot file" in out and "missing required field 'stats'" in out
