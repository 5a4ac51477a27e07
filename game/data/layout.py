"""Where each kind of data lives in a `units/` folder (the game's or a mod's).

    units/<id>.yaml                 one unit per file
    units/pilots/<id>.yaml          one pilot per file
    units/system/rules.yaml         the rules constants
    units/system/terrain.yaml       terrain types, keyed by id
    units/system/spirits.yaml       spirit commands, keyed by id
    units/system/skills.yaml        pilot skills, keyed by id
    units/system/abilities.yaml     unit abilities, keyed by id
    units/system/statuses.yaml      statuses, keyed by id
    units/system/parts.yaml         skill parts and growth bonuses, keyed by id

A file (or a system-file key) `delete: <id>` / `delete: [<id>, ...]` removes entries
loaded before it (used by mods).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from game.data.fields import _ID_RE, suggest_id
from game.data.located import YList, YMap
from game.data.problems import WARNING, Mark, Problem, did_you_mean, show
from game.data.yaml_reader import Limits, read_yaml_file

SYSTEM_FILES: dict[str, str] = {
    "terrain": "terrain",
    "spirits": "spirits",
    "skills": "skills",
    "abilities": "abilities",
    "statuses": "statuses",
    "parts": "parts",
}
RULES = "rules"
YAML_SUFFIXES = (".yaml", ".yml")
DELETE = "delete"


@dataclass
class Doc:
    """One entry read from a file (or an entry of a system file), or a deletion."""

    kind: str
    id: str
    data: YMap | None  # None for a deletion
    file: str
    prefix: str = ""  # key path prefix inside the file (the entry id in system files)
    mark: Mark | None = None


@dataclass
class Tree:
    docs: list[Doc] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)  # every data file read
    # Files that could not be read: (kind, entry id or None for a whole system file, file).
    failed: list[tuple[str, str | None, str]] = field(default_factory=list)


def display_name(path: Path, root: Path) -> str:
    """`path` as shown in messages: relative to the game folder, else to the current folder."""
    folder = _folder_display(path.parent, root, Path.cwd())
    if folder is None:
        return path.as_posix()
    return f"{folder}/{path.name}" if folder != "." else path.name  # a symbolic link by its own name


@functools.lru_cache(maxsize=256)
def _folder_display(folder: Path, root: Path, cwd: Path) -> str | None:
    """A folder relative to the game folder, else to `cwd`; None when it is under neither.
    Cached: every file of a folder asks (resolving paths is slow with thousands of files)."""
    try:
        full = folder.resolve()
    except OSError:
        return None
    for base in (root, cwd):
        try:
            return full.relative_to(base.resolve()).as_posix()
        except (ValueError, OSError):
            continue
    return None


def _yaml_files(folder: Path) -> list[Path]:
    return sorted(
        p for p in folder.iterdir() if p.is_file() and p.suffix in YAML_SUFFIXES and not p.name.startswith(".")
    )


def read_units_tree(units_dir: Path, display_root: Path, limits: Limits) -> Tree:
    """Every entry under `units_dir`, in a fixed order; problems for what cannot be read."""
    tree = Tree()
    if not units_dir.is_dir():
        return tree
    for path in _yaml_files(units_dir):
        _read_entry_file(path, "units", display_root, limits, tree)
    for sub in sorted(p for p in units_dir.iterdir() if p.is_dir() and not p.name.startswith(".")):
        if sub.name == "pilots":
            for path in _yaml_files(sub):
                _read_entry_file(path, "pilots", display_root, limits, tree)
        elif sub.name == "system":
            for path in _yaml_files(sub):
                _read_system_file(path, display_root, limits, tree)
        else:
            tree.problems.append(
                Problem.at(
                    Mark(display_name(sub, display_root)),
                    "",
                    "unknown folder inside units/ (expected pilots/ or system/); its files are not loaded"
                    + did_you_mean(sub.name, ("pilots", "system")),
                    severity=WARNING,
                    check="layout",
                )
            )
    return tree


# Fields only one kind has, to tell a loose file's kind from what it holds.
_UNIT_FIELDS = frozenset({"hp", "en", "armor", "mobility", "weapons", "move", "size", "abilities", "upgrades"})
_PILOT_FIELDS = frozenset({"stats", "personality", "growth", "spirits", "skills", "start_will", "max_will", "portrait"})
LOOSE_KINDS = ("units", "pilots", "system")


def loose_file_kind(path: Path, limits: Limits) -> str:
    """Which kind of data a file named on the command line holds: "units", "pilots" or
    "system", from its folder and name (`pilots/`, `system/`, `rules.yaml` ...), else from
    the fields it holds (a unit has hp/weapons, a pilot stats/spirits)."""
    if path.stem == RULES or path.stem in SYSTEM_FILES or path.parent.name == "system":
        return "system"
    if path.parent.name == "pilots":
        return "pilots"
    data, _ = read_yaml_file(path, path.name, limits)
    if isinstance(data, YMap):
        keys = {str(k) for k in data}
        if keys & _PILOT_FIELDS and not keys & _UNIT_FIELDS:
            return "pilots"
    return "units"


def read_loose_file(path: Path, kind: str, display_root: Path, limits: Limits) -> Tree:
    """One data file named on the command line (`run_game.py validate my_unit.yaml`), read
    as if it stood in a `units/` folder: a unit, a pilot or a system file."""
    tree = Tree()
    if kind == "system":
        _read_system_file(path, display_root, limits, tree)
    else:
        _read_entry_file(path, kind, display_root, limits, tree)
    return tree


def _read(
    path: Path, display_root: Path, limits: Limits, tree: Tree, kind: str, ident: str | None
) -> tuple[object, str]:
    """The file's data, or None when it is broken or empty (both reported)."""
    display = display_name(path, display_root)
    tree.files.append(path)
    data, problems = read_yaml_file(path, display, limits)
    tree.problems.extend(problems)
    if data is None:
        if not any(p.is_error for p in problems):
            tree.problems.append(Problem.at(Mark(display), "", "the file is empty", check="layout"))
        tree.failed.append((kind, ident, display))  # left out as a whole
    return data, display


def _deletions(value: object, kind: str, file: str, mark: Mark | None, prefix: str, tree: Tree) -> None:
    items = value if isinstance(value, list) else [value]
    for i, item in enumerate(items):
        item_mark = value.item_mark(i) if isinstance(value, YList) else mark
        if not isinstance(item, str) or not item.strip():
            tree.problems.append(
                Problem.at(
                    item_mark, prefix + DELETE, f"delete needs an id or a list of ids, got {show(item)}", check="layout"
                )
            )
            continue
        tree.docs.append(Doc(kind, item.strip(), None, file, prefix, item_mark))


def _read_entry_file(path: Path, kind: str, display_root: Path, limits: Limits, tree: Tree) -> None:
    data, display = _read(path, display_root, limits, tree, kind, path.stem)
    if data is None:
        return
    if not isinstance(data, YMap):
        tree.failed.append((kind, path.stem, display))
        tree.problems.append(
            Problem.at(
                Mark(display, 1, 1),
                "",
                f"expected a mapping of fields (name: ..., hp: ...), got {show(data)}",
                check="layout",
            )
        )
        return
    if DELETE in data:
        if len(data) > 1:
            tree.problems.append(
                Problem.at(data.key_mark(DELETE), DELETE, "a file with 'delete' may hold nothing else", check="layout")
            )
            return
        _deletions(data[DELETE], kind, display, data.value_mark(DELETE), "", tree)
        return
    stem = path.stem
    written = data.get("id")
    if written is None:
        if not _ID_RE.match(stem):
            better = suggest_id(stem)
            tree.problems.append(
                Problem.at(
                    Mark(display),
                    "",
                    f"file name {path.name!r} is not a valid id (lower-case letters, digits, underscores)"
                    + (f"; rename it to {better + path.suffix!r}" if better else ""),
                    check="layout",
                )
            )
            return
        data.put("id", stem, data.mark, data.mark)
        ident = stem
    elif isinstance(written, str) and written == stem:
        ident = written
    else:
        tree.problems.append(
            Problem.at(
                data.value_mark("id"),
                "id",
                f"id {show(written)} does not match the file name {path.name!r}: one {kind[:-1]} per file, "
                f"named <id>.yaml",
                check="layout",
            )
        )
        return
    tree.docs.append(Doc(kind, ident, data, display, "", data.mark))


def _read_system_file(path: Path, display_root: Path, limits: Limits, tree: Tree) -> None:
    name = path.stem
    display = display_name(path, display_root)
    if name != RULES and name not in SYSTEM_FILES:
        tree.problems.append(
            Problem.at(
                Mark(display),
                "",
                f"unknown system file {path.name!r}; expected one of "
                + ", ".join(sorted([RULES, *SYSTEM_FILES]))
                + did_you_mean(name, [RULES, *SYSTEM_FILES]),
                severity=WARNING,
                check="layout",
            )
        )
        return
    kind = RULES if name == RULES else SYSTEM_FILES[name]
    data, display = _read(path, display_root, limits, tree, kind, None)
    if data is None:
        return
    if not isinstance(data, YMap):
        tree.failed.append((kind, None, display))
        tree.problems.append(
            Problem.at(Mark(display, 1, 1), "", f"expected a mapping, got {show(data)}", check="layout")
        )
        return
    if name == RULES:
        tree.docs.append(Doc(RULES, RULES, data, display, "", data.mark))
        return
    for key, value in data.items():
        key_mark = data.key_mark(key)
        if key == DELETE:
            _deletions(value, kind, display, data.value_mark(key), "", tree)
            continue
        prefix = f"{key}."
        if not isinstance(key, str) or not _ID_RE.match(key):
            better = suggest_id(str(key))
            tree.problems.append(
                Problem.at(
                    key_mark,
                    str(key),
                    f"{show(key)} is not a valid id (lower-case letters, digits, underscores)"
                    + (f"; did you mean {better!r}?" if better else ""),
                    check="layout",
                )
            )
            continue
        if not isinstance(value, YMap):
            tree.problems.append(
                Problem.at(
                    data.value_mark(key),
                    key,
                    f"expected the fields of {key!r} (a mapping), got {show(value)}",
                    check="layout",
                )
            )
            continue
        written = value.get("id")
        if written is not None and written != key:
            tree.problems.append(
                Problem.at(
                    value.value_mark("id"),
                    prefix + "id",
                    f"id {show(written)} differs from its key {key!r}",
                    check="layout",
                )
            )
            continue
        value.put("id", key, key_mark, key_mark)
        tree.docs.append(Doc(kind, key, value, display, prefix, key_mark))
