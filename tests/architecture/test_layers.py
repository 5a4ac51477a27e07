"""The layers of docs/ARCHITECTURE.md ("Packages": who may import whom), read from its table
and checked against the code's imports (function-level imports included)."""

from __future__ import annotations

import re
from pathlib import Path

from tests.architecture.imports import GAME, graph

DOC = GAME.parent / "docs" / "ARCHITECTURE.md"


def layer(module: str) -> str:
    """`game.ui.scenes.title` -> `ui`; the root package `game` is itself a layer."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "game"


def allowed(doc: Path = DOC) -> dict[str, set[str]]:
    """package -> the packages of ours it may import, from the table's rows: the first cell
    names the package (`game/ui`, `game/cli.py`, `game/__init__.py` is `game`), the last
    lists what it may import in backticks ("nothing of ours" when empty)."""
    out: dict[str, set[str]] = {}
    for line in doc.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        match = re.fullmatch(r"`game/([\w.]+)`", cells[0]) if len(cells) >= 3 else None
        if match is None:
            continue
        name = match[1].removesuffix(".py")
        out["game" if name == "__init__" else name] = set(re.findall(r"`([^`]+)`", cells[-1]))
    return out


ALLOWED = allowed()


def test_the_table_names_only_packages_it_has_rows_for() -> None:
    assert ALLOWED, f"no package table found in {DOC}"
    unknown = {f"{p} may import {sorted(t - set(ALLOWED))}" for p, t in ALLOWED.items() if t - set(ALLOWED)}
    assert unknown == set()


def test_every_package_has_a_row() -> None:
    packages = {layer(i.source) for i in graph()} | {layer(i.target) for i in graph()}
    assert packages - set(ALLOWED) == set()


def test_the_layers_have_no_cycle() -> None:
    done: set[str] = set()

    def visit(package: str, path: tuple[str, ...]) -> None:
        assert package not in path, f"the table's layers form a cycle: {' -> '.join((*path, package))}"
        if package not in done:
            for below in sorted(ALLOWED[package] - {package}):
                visit(below, (*path, package))
            done.add(package)

    for package in sorted(ALLOWED):
        visit(package, ())


def test_imports_point_down_the_layers() -> None:
    wrong = [
        f"{i.source} imports {i.target} (line {i.line})"
        for i in graph()
        if layer(i.target) != layer(i.source) and layer(i.target) not in ALLOWED[layer(i.source)]
    ]
    assert wrong == []
