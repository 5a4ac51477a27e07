"""Checking a scenario's `ai:` blocks with the AI's own parser, reported at their YAML lines.

The scenario package passes `ai:` through untouched (it may not import the AI); this check
sits above both, so `run_game.py validate` can name the file, line and key of a bad block
(an unknown key, a wrong value, a region or unit that does not exist).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from game.ai import BehaviourError, parse_behaviour
from game.data.problems import Problem
from game.scenario import Scenario
from game.scenario.problems import KeyPath, read_yaml


def _blocks(data: Any) -> Iterator[tuple[KeyPath, Any]]:
    """Every `ai:` mapping in a scenario document, with its key path."""
    if not isinstance(data, dict):
        return
    for i, unit in enumerate(data.get("units") or []):
        if isinstance(unit, dict) and "ai" in unit:
            yield ("units", i, "ai"), unit["ai"]
    for i, event in enumerate(data.get("events") or []):
        if not isinstance(event, dict):
            continue
        for j, action in enumerate(event.get("do") or []):
            if not isinstance(action, dict):
                continue
            for k, unit in enumerate(action.get("spawn") or []):
                if isinstance(unit, dict) and "ai" in unit:
                    yield ("events", i, "do", j, "spawn", k, "ai"), unit["ai"]
            set_ai = action.get("set_ai")
            if isinstance(set_ai, dict) and "ai" in set_ai:
                yield ("events", i, "do", j, "set_ai", "ai"), set_ai["ai"]


def check_ai_blocks(scenario: Scenario) -> list[Problem]:
    """Problems with the `ai:` blocks of a loaded scenario (empty when all are good)."""
    doc = read_yaml(scenario.path)
    script = scenario.context.script
    names = set(script.regions) | {d.uid for d in scenario.deployments if d.uid}
    for trigger in script.triggers:
        for action in trigger.actions:
            names |= {d.uid for d in getattr(action, "units", ()) if d.uid}
    out: list[Problem] = []
    for path, block in _blocks(doc.data):
        try:
            behaviour = parse_behaviour(block, "ai")
        except BehaviourError as exc:
            out.append(doc.problem(path, str(exc).removeprefix("ai: ")))
            continue
        for key, value in (("guard", behaviour.guard), ("retreat_to", behaviour.retreat_to)):
            if value is not None and value not in names:
                out.append(doc.problem((*path, key), f"ai.{key} {value!r} is neither a region nor a unit id"))
    return out
