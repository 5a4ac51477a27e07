"""Scenario file problems, reported with the data layer's machinery (`game.data.problems`).

Scenario YAML is read by the data layer's safe reader (size, depth and alias limits; every
value keeps its line and column), and every problem found is collected (not just the
first) in the data layer's format:

    maps/x/scenario.yaml:6:11: error: units[1].unit: unknown unit 'bravr' (did you mean 'braver'?) [scenario]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from game.data.located import locate
from game.data.paths import default_game_dir
from game.data.problems import Mark, Problem, did_you_mean, format_path
from game.data.yaml_reader import read_yaml_file

CHECK = "scenario"  # the `check` of problems in scenario files
MAP_CHECK = "map"  # the `check` of problems in map files

KeyPath = tuple[str | int, ...]

__all__ = ["CHECK", "MAP_CHECK", "KeyPath", "Problem", "ScenarioError", "YamlDoc", "display", "read_yaml", "suggest"]


class ScenarioError(ValueError):
    """A scenario that cannot be loaded; `problems` lists everything found wrong."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def suggest(word: str, choices: Iterable[str]) -> str:
    return did_you_mean(word, choices)


def display(path: Path) -> str:
    """How a file is named in messages: relative to the game folder when inside it."""
    try:
        return path.resolve().relative_to(default_game_dir()).as_posix()
    except ValueError:
        return str(path)


def problem_at(file: Path | str, message: str, *, check: str = CHECK) -> Problem:
    """A problem with a whole file (no line): missing, unreadable, not a map..."""
    name = display(file) if isinstance(file, Path) else file
    return Problem.at(Mark(name), "", message, check=check)


@dataclass
class YamlDoc:
    """A parsed scenario file whose values remember their line and column."""

    file: Path
    data: object

    def problem(self, path: KeyPath, message: str, *, key: bool = False) -> Problem:
        """A problem at `path` (the key itself with `key`, e.g. an unknown key)."""
        mark = locate(self.data, path, key=key) or Mark(display(self.file))
        return Problem.at(mark, format_path(path), message, check=CHECK)


def read_yaml(file: Path) -> YamlDoc:
    """Read one scenario file safely; raises ScenarioError (with lines) when it cannot."""
    data, problems = read_yaml_file(file, display(file))
    if data is None or any(p.is_error for p in problems):
        raise ScenarioError(problems or [problem_at(file, "the file is empty")])
    return YamlDoc(file, data)
