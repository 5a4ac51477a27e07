"""The layers of docs/ARCHITECTURE.md, checked against the code's imports (function-level
imports included)."""

from __future__ import annotations

from tests.architecture.imports import graph

# package -> the packages of ours it may import (docs/ARCHITECTURE.md, "Packages").
# `game` is the root package (its version), `content` is game/content.py (where the shipped
# files are); both import nothing of ours.
ALLOWED: dict[str, set[str]] = {
    "game": set(),
    "content": set(),
    "core": set(),
    "data": {"core", "content"},
    "maps": {"core"},
    "scenario": {"core", "data", "maps"},
    "ai": {"core"},
    "sim": {"core", "ai", "scenario", "data", "saves", "campaign"},
    "testing": {"core", "ai", "scenario", "sim", "data", "maps"},
    "saves": {"core", "scenario", "game"},
    "campaign": {"core", "data", "scenario", "saves"},
    "assets": {"content"},
    "ui": {"game", "core", "data", "maps", "scenario", "ai", "sim", "saves", "campaign", "assets", "content"},
    "tools": {"game", "core", "data", "maps", "scenario", "ai", "sim", "saves", "campaign", "assets", "ui", "content"},
    "cli": {"game", "tools"},
    "__main__": {"cli"},
}


def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "game"


def test_every_package_has_a_layer() -> None:
    assert {layer(i.source) for i in graph()} <= set(ALLOWED)


def test_imports_point_down_the_layers() -> None:
    wrong = [
        f"{i.source} imports {i.target} (line {i.line})"
        for i in graph()
        if layer(i.target) != layer(i.source) and layer(i.target) not in ALLOWED[layer(i.source)]
    ]
    assert wrong == []
