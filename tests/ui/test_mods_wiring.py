"""Mods reach the window as loaded: a mod in the user's mods folder (or in a folder of mods
named with --mods) brings its scenarios to Scenario Select and its art to the asset library."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import argparse
import shutil
from pathlib import Path

import pytest

from game.ui.wiring import asset_library, game_content

ROOT = Path(__file__).resolve().parents[2]


def make_mod(folder: Path, mod_id: str = "user_stage") -> Path:
    mod = folder / mod_id
    (mod / "assets/sprites/units").mkdir(parents=True)
    (mod / "mod.yaml").write_text(f"id: {mod_id}\nname: A user's stage\nversion: 1.0.0\n")
    shutil.copy(ROOT / "assets/sprites/units/braver.png", mod / "assets/sprites/units/layzner.png")
    stage = mod / "maps" / f"{mod_id}_battle"
    shutil.copytree(ROOT / "maps/sandstorm_decoy", stage)
    tmx = stage / "map.tmx"
    tmx.write_text(tmx.read_text().replace("../../assets/tiles/", (ROOT / "assets/tiles").as_posix() + "/"))
    scenario = stage / "scenario.yaml"
    text = scenario.read_text().replace("id: sandstorm_decoy", f"id: {mod_id}_battle")
    scenario.write_text(text.replace("title: ", "title: Modded ", 1))
    return mod


@pytest.fixture
def user_mods(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    folder = tmp_path / "user_mods"
    folder.mkdir()
    monkeypatch.setattr("game.data.mods.user_mods_dir", lambda: folder)
    return folder


def test_a_user_folder_mod_brings_its_scenarios_and_art(user_mods: Path) -> None:
    mod = make_mod(user_mods)
    content = game_content([], None, user_mods=True)
    assert mod in content.mod_dirs
    ids = [s.id for s in content.catalog.scenarios()]
    assert "user_stage_battle" in ids and "blue_comet_falls" in ids
    assert content.catalog.load("user_stage_battle").info.title.startswith("Modded")
    library = asset_library(content.mod_dirs)
    assert library.find("unit", "layzner") == mod / "assets/sprites/units/layzner.png"
    assert library.find("unit", "braver").parent == ROOT / "assets/sprites/units"


def test_user_mods_can_be_switched_off(user_mods: Path) -> None:
    make_mod(user_mods)
    content = game_content([], None, user_mods=False)
    assert "user_stage_battle" not in [s.id for s in content.catalog.scenarios()]
    assert content.mod_dirs == []


def test_a_folder_of_mods_on_the_command_line(tmp_path: Path, user_mods: Path) -> None:
    folder = tmp_path / "many"
    mod = make_mod(folder, "cli_stage")
    content = game_content([folder], None, user_mods=False)
    assert content.mod_dirs == [mod]
    assert "cli_stage_battle" in [s.id for s in content.catalog.scenarios()]


def test_the_window_services_use_the_loaded_mods(tmp_path: Path, user_mods: Path) -> None:
    from game.ui.app import build_services

    mod = make_mod(user_mods)
    args = argparse.Namespace(mods=[], game_dir=None, no_user_mods=False)
    services = build_services(args, config_dir=tmp_path / "config", headless=True)
    assert "user_stage_battle" in [s.id for s in services.catalog.scenarios()]
    library = services.art.library  # type: ignore[attr-defined]
    assert library.find("unit", "layzner") == mod / "assets/sprites/units/layzner.png"


@pytest.mark.parametrize(
    ("file", "old", "new"),
    [
        ("map.tmx", 'x="', 'x="nan" data-x="'),
        ("map.tmx", 'y="', 'y="1e308" data-y="'),
        ("scenario.yaml", "value: -15", "value: .nan"),
        ("scenario.yaml", "value: -15", "value: " + "9" * 5000),
    ],
)
def test_scenario_select_lists_a_broken_mod_scenario_with_its_problem(
    user_mods: Path, file: str, old: str, new: str
) -> None:
    mod = make_mod(user_mods)
    path = mod / "maps/user_stage_battle" / file
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1) if file == "scenario.yaml" else _first_object(text, old, new))
    content = game_content([], None, user_mods=True)
    infos = {s.id: s for s in content.catalog.scenarios()}  # must not raise
    assert "cannot be loaded" in infos["user_stage_battle"].briefing
    assert "blue_comet_falls" in infos and "cannot be loaded" not in infos["blue_comet_falls"].briefing


def _first_object(text: str, old: str, new: str) -> str:
    """`text` with the first attribute `old` of the first <object> rewritten as `new`."""
    start = text.index("<object ")
    end = text.index(">", start)
    tag = text[start:end].replace(old, new, 1)
    return text[:start] + tag + text[end:]
