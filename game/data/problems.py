"""What went wrong in the data, where, and how to say it to a modder.

Every check in `game.data` reports `Problem`s instead of raising: a broken file is
described precisely and left out, and everything else keeps loading.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"

# The checks a problem can come from, in the order a report lists them.
CHECKS: tuple[str, ...] = (
    "yaml",
    "layout",
    "mod",
    "override",
    "schema",
    "reference",
    "rules",
    "map",
    "scenario",
    "asset",
)


@dataclass(frozen=True, slots=True)
class Mark:
    """Where a value was written: a file (as shown to the user) and a 1-based line and column."""

    file: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        if self.line is None:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the data. `path` is the key path inside the file (`weapons[2].power`)."""

    file: str
    line: int | None
    column: int | None
    path: str
    message: str
    severity: str = ERROR
    check: str = "schema"

    @classmethod
    def at(cls, mark: Mark | None, path: str, message: str, *, severity: str = ERROR, check: str = "schema") -> Problem:
        if mark is None:
            return cls("", None, None, path, message, severity, check)
        return cls(mark.file, mark.line, mark.column, path, message, severity, check)

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def location(self) -> str:
        if not self.file:
            return "<data>"
        if self.line is None:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{self.location()}: {self.severity}: {where}{self.message} [{self.check}]"


def sort_key(p: Problem) -> tuple[int, str, int, int, str]:
    check = CHECKS.index(p.check) if p.check in CHECKS else len(CHECKS)
    return (check, p.file, p.line or 0, p.column or 0, p.message)


def format_problems(problems: Iterable[Problem], *, summary: bool = True) -> str:
    """Problems one per line (`file:line:col: severity: path: message [check]`), grouped by
    check so that, for example, missing art is visibly separate from broken data."""
    items = sorted(problems, key=sort_key)
    lines: list[str] = []
    current: str | None = None
    for p in items:
        if p.check != current:
            current = p.check
            lines.append(f"-- {CHECK_TITLES.get(p.check, p.check)} --")
        lines.append(str(p))
    if summary:
        lines.append(summarize(items))
    return "\n".join(lines)


CHECK_TITLES = {
    "yaml": "YAML syntax and limits",
    "layout": "file layout",
    "mod": "mods",
    "override": "overrides",
    "schema": "fields and values",
    "reference": "references between entries",
    "rules": "game rules consistency",
    "map": "battle maps (Tiled)",
    "scenario": "scenarios",
    "asset": "asset files (sprites, portraits)",
}


def summarize(problems: Sequence[Problem]) -> str:
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    if not problems:
        return "No problems found."
    parts = [f"{errors} error{'s' if errors != 1 else ''}", f"{warnings} warning{'s' if warnings != 1 else ''}"]
    by_check: dict[str, int] = {}
    for p in problems:
        if p.is_error:
            by_check[p.check] = by_check.get(p.check, 0) + 1
    detail = ", ".join(f"{n} {c}" for c, n in sorted(by_check.items(), key=lambda kv: CHECKS.index(kv[0])))
    return ", ".join(parts) + (f" (errors by check: {detail})" if detail else "") + "."


def did_you_mean(word: object, choices: Iterable[str]) -> str:
    """` (did you mean 'mobility'?)` for the closest choice, or an empty string."""
    if not isinstance(word, str):
        return ""
    options = sorted(set(choices))
    lowered = {c.lower(): c for c in options}
    if word.lower() in lowered and lowered[word.lower()] != word:
        return f" (did you mean {lowered[word.lower()]!r}?)"
    found = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return f" (did you mean {lowered[found[0]]!r}?)" if found else ""


def format_path(loc: Sequence[object]) -> str:
    """`('weapons', 2, 'power')` -> `weapons[2].power`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def show(value: object, limit: int = 60) -> str:
    """A short, safe rendering of an offending value for a message."""
    if isinstance(value, dict):
        text = "a mapping"
    elif isinstance(value, list):
        text = "a list"
    elif value is None:
        text = "nothing (null)"
    elif isinstance(value, bool):
        text = "true" if value else "false"  # as written in YAML
    elif isinstance(value, int) and value.bit_length() > 1000:
        text = f"a whole number of about {int(value.bit_length() * 0.30103):,} digits"  # repr may refuse it
    else:
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."
