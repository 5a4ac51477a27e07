"""Scenario file problems with file, line and key path, and YAML reading that remembers lines.

Every problem found in a scenario is collected (not just the first) and reported together:

    maps/blue_comet_falls/scenario.yaml:42: units[3].unit: unknown unit 'bravr' (did you mean 'braver'?)
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

MAX_YAML_BYTES = 1024 * 1024
MAX_YAML_NODES = 200_000  # counts alias re-visits too: stops "billion laughs" alias bombs

KeyPath = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Problem:
    file: Path
    line: int | None
    path: KeyPath
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else str(self.file)
        key = format_path(self.path)
        return f"{where}: {key}: {self.message}" if key else f"{where}: {self.message}"


class ScenarioError(ValueError):
    """A scenario that cannot be loaded; `problems` lists everything found wrong."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def format_path(path: KeyPath) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def suggest(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


@dataclass
class YamlDoc:
    """A parsed YAML document and the line of every key path in it."""

    file: Path
    data: Any
    lines: dict[KeyPath, int]

    def line(self, path: KeyPath) -> int | None:
        """The line of `path`, or of its closest ancestor that has one."""
        p = tuple(path)
        while True:
            if p in self.lines:
                return self.lines[p]
            if not p:
                return None
            p = p[:-1]

    def problem(self, path: KeyPath, message: str) -> Problem:
        return Problem(self.file, self.line(path), tuple(path), message)


def read_yaml(file: Path) -> YamlDoc:
    """Read one YAML file safely; raises ScenarioError (with the line) when it cannot."""
    try:
        size = file.stat().st_size
        if size > MAX_YAML_BYTES:
            raise ScenarioError([Problem(file, None, (), f"the file is {size} bytes; the limit is {MAX_YAML_BYTES}")])
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise ScenarioError([Problem(file, None, (), f"cannot read the file: {exc.strerror or exc}")]) from None
    except UnicodeDecodeError as exc:
        raise ScenarioError([Problem(file, None, (), f"the file is not UTF-8 text: {exc}")]) from None
    try:
        node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # libyaml is ~10x faster
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        reason = getattr(exc, "problem", None) or str(exc)
        raise ScenarioError([Problem(file, line, (), f"this is not valid YAML: {reason}")]) from None
    if node is None:
        return YamlDoc(file, None, {})
    lines: dict[KeyPath, int] = {}
    budget = [MAX_YAML_NODES]
    loader = yaml.SafeLoader("")
    try:
        data = _construct(loader, node, (), lines, budget)
    except _TooBig:
        raise ScenarioError([Problem(file, None, (), "the YAML expands to too many values (alias bomb?)")]) from None
    except yaml.YAMLError as exc:
        raise ScenarioError([Problem(file, None, (), f"this is not valid YAML: {exc}")]) from None
    return YamlDoc(file, data, lines)


class _TooBig(Exception):
    pass


def _construct(
    loader: yaml.SafeLoader, node: yaml.Node, path: KeyPath, lines: dict[KeyPath, int], budget: list[int]
) -> Any:
    budget[0] -= 1
    if budget[0] < 0:
        raise _TooBig
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(loader, key_node)
            child = (*path, key if isinstance(key, (str, int)) else str(key))
            lines[child] = key_node.start_mark.line + 1
            out[key] = _construct(loader, value_node, child, lines, budget)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_construct(loader, v, (*path, i), lines, budget) for i, v in enumerate(node.value)]
    return _scalar(loader, node)


def _scalar(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        return str(node.value)
    return loader.construct_object(node, deep=True)
