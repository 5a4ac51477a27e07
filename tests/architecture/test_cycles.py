"""No import cycle among the modules of game/ (function-level imports included).

KNOWN_CYCLES lists the cycles there still are, each as the set of modules that import
each other (a strongly connected component of the import graph). The test fails on any
other cycle, and on a listed one that is gone or has changed, so the list only shrinks.
"""

from __future__ import annotations

from collections import defaultdict

from tests.architecture.imports import Import, graph

KNOWN_CYCLES: tuple[frozenset[str], ...] = ()


def components(edges: dict[str, set[str]]) -> list[frozenset[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[frozenset[str]] = []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, targets = work[-1]
            for target in targets:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(edges.get(target, ())))))
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    members = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        members.add(member)
                        if member == node:
                            break
                    if len(members) > 1:
                        out.append(frozenset(members))
    return out


def _edges(imports: list[Import]) -> dict[str, set[str]]:
    edges: dict[str, set[str]] = defaultdict(set)
    for i in imports:
        edges[i.source].add(i.target)
    return edges


def _describe(component: frozenset[str], imports: list[Import]) -> str:
    inside = sorted(
        f"{i.source} -> {i.target} (line {i.line})" for i in imports if i.source in component and i.target in component
    )
    return "; ".join(inside)


def test_components_finds_cycles_and_only_cycles() -> None:
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": {"e"}, "e": {"d"}, "f": {"a"}}
    assert sorted(map(sorted, components(edges))) == [["a", "b", "c"], ["d", "e"]]
    assert components({"a": {"b"}, "b": set()}) == []


def test_no_new_import_cycle() -> None:
    imports = graph()
    new = [_describe(c, imports) for c in components(_edges(imports)) if not any(c <= known for known in KNOWN_CYCLES)]
    assert new == []


def test_known_cycles_are_still_there_as_listed() -> None:
    imports = graph()
    found = components(_edges(imports))
    changed = [
        f"{sorted(known)} is now {[sorted(c) for c in found if c & known]}"
        for known in KNOWN_CYCLES
        if known not in found
    ]
    assert changed == [], "update KNOWN_CYCLES"
