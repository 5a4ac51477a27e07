"""The screens reach each other only through the navigator: no import cycle among the
window's modules (function-level imports included)."""

from __future__ import annotations

from collections import defaultdict

from tests.architecture.imports import graph


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def test_no_import_cycle_in_the_window() -> None:
    edges: dict[str, set[str]] = defaultdict(set)
    for imp in graph():
        if imp.source.startswith("game.ui") and imp.target.startswith("game.ui"):
            edges[imp.source].add(imp.target)
    assert _cycles(edges) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    edges: dict[str, set[str]] = defaultdict(set, {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}})
    assert _cycles(edges) == [["a", "b", "c"]]


def test_scenes_reach_the_flow_screens_only_through_the_navigator() -> None:
    flow = {
        "title",
        "briefing",
        "deploy",
        "battle.scene",
        "result",
        "intermission",
        "campaign_slots",
        "pause",
        "settings",
        "pilots",
        "upgrades",
        "status",
        "objectives",
    }
    targets = {f"game.ui.scenes.{name}" for name in flow}
    wrong = sorted(
        f"{i.source} imports {i.target} (line {i.line})"
        for i in graph()
        if i.target in targets
        and i.source.startswith("game.ui.scenes")
        and i.source not in ("game.ui.scenes.navigation", "game.ui.scenes.replay")  # replay extends the battle map
    )
    assert wrong == []
