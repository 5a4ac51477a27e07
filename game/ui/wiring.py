"""The implementations the composition root plugs in: the game data and scenarios, the AI,
and the asset library's art, fonts and sounds. Only `game.ui.app` calls these."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from game.assets import AssetLibrary
from game.ui.model.catalog import ScenarioCatalog
from game.ui.model.controllers import Controller, ControllerFactory
from game.ui.render.art import Art
from game.ui.render.library_art import LibraryArt
from game.ui.render.text import Fonts, library_font_loader

AI_NAME = "srw"


@dataclass(frozen=True)
class GameContent:
    """The game data as loaded for the window: the scenario catalog, messages about problems
    in the data, and the mods that were loaded (the game's, the user folder's and --mods, in
    load order): their scenarios are in the catalog and their art goes to the asset library."""

    catalog: ScenarioCatalog
    messages: list[str]
    mod_dirs: list[Path]


def game_content(mods: list[Path], game_dir: Path | None = None, *, user_mods: bool = True) -> GameContent:
    from game.data import default_game_dir, load_game_data
    from game.ui.model.scenario_catalog import PackageCatalog

    game_dir = game_dir or default_game_dir()
    result = load_game_data(game_dir, mods, user_mods)
    messages = []
    if result.errors:
        first = result.errors[0]
        more = f" (and {len(result.errors) - 1} more)" if len(result.errors) > 1 else ""
        messages.append(f"Game data problem: {first}{more}. Run `run_game.py validate` for the full list.")
    # The mods as loaded, not the --mods paths as typed: a folder of mods, the user's mods
    # folder and mods left out (unmet requirements) all come out right this way.
    loaded = [m.path for m in result.mods]
    return GameContent(PackageCatalog(game_dir, loaded, result), messages, loaded)


def scenario_catalog(
    mods: list[Path], game_dir: Path | None = None, *, user_mods: bool = True
) -> tuple[ScenarioCatalog, list[str]]:
    """The shipped scenarios (plus the loaded mods') and messages about problems in the game data."""
    content = game_content(mods, game_dir, user_mods=user_mods)
    return content.catalog, content.messages


def controller_factory(difficulty: Callable[[], str] = lambda: "normal") -> ControllerFactory:
    """One SRW-style AI per computer side and difficulty (read when asked, so a change in the
    settings applies at once)."""
    from game.ai import make_controller

    made: dict[tuple[str, str], Controller] = {}

    def factory(side: str) -> Controller:
        key = (side, difficulty())
        if key not in made:
            made[key] = make_controller(AI_NAME, key[1])
        return made[key]

    return factory


def asset_library(mods: list[Path], game_dir: Path | None = None) -> AssetLibrary:
    """The game's assets with each mod's `assets/` folder in front."""
    return AssetLibrary.for_mods(mods, base=None if game_dir is None else game_dir / "assets")


def art_and_fonts(library: AssetLibrary) -> tuple[Art, Fonts]:
    art = LibraryArt(library)
    return art, Fonts(library_font_loader(library), art.window)
