"""The data layer: YAML files (and mods, and overrides) -> the engine's frozen definitions.

    from game.data import load_game_data
    result = load_game_data(game_dir)          # never raises for bad data
    result.definitions                         # game.core.defs.Definitions
    print(result.format_problems())            # file:line:col: error: path: message [check]
    result.resolve("units", "Grimekaisar")     # -> "greimkaiser"
    result.data_hash                           # for saves and replays

This is the only package that imports pydantic; the engine sees plain frozen dataclasses.
Other loaders (scenarios, maps) can reuse the pieces: `read_yaml_file` (safe YAML with a
`Mark` for every value), `locate`, `problems_from_validation` and `Problem`.
"""

from game.data.loader import LoadResult, apply_overrides, data_hash, load_game_data
from game.data.located import YList, YMap, locate
from game.data.mods import ModInfo, ModStatus, user_mods_dir
from game.data.overrides import Override, parse_overrides
from game.data.paths import default_game_dir
from game.data.problems import ERROR, WARNING, Mark, Problem, did_you_mean, format_problems
from game.data.validation import problems_from_validation
from game.data.yaml_reader import Limits, read_yaml_file, read_yaml_text

__all__ = [
    "ERROR",
    "WARNING",
    "Limits",
    "LoadResult",
    "Mark",
    "ModInfo",
    "ModStatus",
    "Override",
    "Problem",
    "YList",
    "YMap",
    "apply_overrides",
    "data_hash",
    "default_game_dir",
    "did_you_mean",
    "format_problems",
    "load_game_data",
    "locate",
    "parse_overrides",
    "problems_from_validation",
    "read_yaml_file",
    "read_yaml_text",
    "user_mods_dir",
]
