"""`validate` and `list` print their last output when nothing they read has changed, and run
again as soon as anything has: a data file edited, added or removed, or another command line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MARK = "FROM THE CACHE\n"


@pytest.fixture
def game(tmp_path: Path) -> Path:
    """A copy of the shipped content, to edit."""
    out = tmp_path / "game"
    for folder in ("units", "maps", "assets", "mods"):
        shutil.copytree(ROOT / folder, out / folder)
    return out


def run(tmp_path: Path, *args: str, cache: bool = True) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, BLUE_COMET_CACHE_DIR=str(tmp_path / "cache"), XDG_DATA_HOME=str(tmp_path / "data"))
    env.pop("BLUE_COMET_NO_CACHE", None)
    if not cache:
        env["BLUE_COMET_NO_CACHE"] = "1"
    return subprocess.run(
        [sys.executable, str(ROOT / "run_game.py"), *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env=env,
    )


def mark_entries(tmp_path: Path) -> int:
    """Replace what every cache entry would print, to see whether the next run used one."""
    import json

    entries = list((tmp_path / "cache").glob("*.json"))
    for entry in entries:
        data = json.loads(entry.read_text(encoding="utf-8"))
        entry.write_text(json.dumps(data | {"stdout": MARK}), encoding="utf-8")
    return len(entries)


def test_unchanged_data_prints_the_stored_output_and_a_changed_file_runs_again(tmp_path: Path, game: Path) -> None:
    args = ("validate", "--game-dir", str(game))
    first = run(tmp_path, *args)
    assert first.returncode == 0, first.stdout + first.stderr
    assert first.stdout == run(tmp_path, *args, cache=False).stdout  # the cache changes nothing printed
    assert mark_entries(tmp_path) == 1
    assert run(tmp_path, *args).stdout == MARK  # nothing changed: the stored output

    braver = game / "units" / "braver.yaml"
    text = braver.read_text(encoding="utf-8")
    assert "hp: " in text
    braver.write_text(text.replace("hp: ", "hp: -", 1), encoding="utf-8")  # same folder, one byte more
    edited = run(tmp_path, *args)
    assert edited.returncode == 1 and "braver.yaml" in edited.stdout and edited.stdout != MARK

    braver.write_text(text, encoding="utf-8")
    assert run(tmp_path, *args).stdout == MARK  # back as it was: the first entry again

    (game / "units" / "pilots" / "extra.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    added = run(tmp_path, *args)
    assert added.returncode == 1 and "extra.yaml" in added.stdout


def test_each_command_line_has_its_own_entry(tmp_path: Path, game: Path) -> None:
    units = run(tmp_path, "list", "units", "--game-dir", str(game))
    pilots = run(tmp_path, "list", "pilots", "--game-dir", str(game))
    assert units.returncode == pilots.returncode == 0
    assert units.stdout != pilots.stdout
    assert "braver" in units.stdout
    assert run(tmp_path, "list", "units", "--game-dir", str(game)).stdout == units.stdout


def test_a_folder_given_as_option_equals_value_is_an_input(tmp_path: Path, game: Path) -> None:
    args = ("validate", f"--game-dir={game}")
    assert run(tmp_path, *args).returncode == 0
    assert mark_entries(tmp_path) == 1
    (game / "units" / "pilots" / "extra.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    assert "extra.yaml" in run(tmp_path, *args).stdout


def test_help_and_errors_are_shown_and_not_stored(tmp_path: Path) -> None:
    helped = run(tmp_path, "validate", "--help")
    assert helped.returncode == 0 and "usage:" in helped.stdout
    assert not list((tmp_path / "cache").glob("*.json"))
