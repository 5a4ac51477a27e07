"""The data layer: YAML files (and mods, and overrides) -> the engine's frozen definitions.

    from game.data import load_game_data
    result = load_game_data(game_dir)          # never raises for bad data
    result.definitions                         # game.core.defs.Definitions
    print(result.format_problems())            # file:line:col: error: path: message [check]
    result.resolve("units", "Grimekaisar")     # -> "greimkaiser"
    result.data_hash                           # for saves and replays

This is the only package that imports pydantic; the engine sees plain frozen dataclasses.
"""

from game.data.loader import LoadResult, apply_overrides, data_hash, load_game_data
from game.data.mods import ModInfo, ModStatus, user_mods_dir
from game.data.overrides import Override, parse_overrides
from game.data.paths import default_game_dir
from game.data.problems import ERROR, WARNING, Mark, Problem, format_problems

__all__ = [
    "ERROR",
    "WARNING",
    "LoadResult",
    "Mark",
    "ModInfo",
    "ModStatus",
    "Override",
    "Problem",
    "apply_overrides",
    "data_hash",
    "default_game_dir",
    "format_problems",
    "load_game_data",
    "parse_overrides",
    "user_mods_dir",
]
