"""`validate`'s check of objectives that can never hold.

A victory condition on a tag, unit type or pilot that no unit of the scenario carries (none
at the start, none spawned by its events) validates as YAML and compiles, but the battle
can then never be won. Each objective's condition is checked against every unit the
scenario can ever have, and the flags its events can set; what cannot hold is a warning at
the objective's line. A `defeated:` that matches no unit holds from the start (all of no
units are defeated), which is reported too.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from game.core.script import (
    Adjacent,
    AllDefeated,
    AllOf,
    AnyDestroyed,
    AnyOf,
    AnyRetreated,
    Condition,
    Deployment,
    FlagIs,
    HpAtMost,
    InRegion,
    NoneActive,
    Select,
    SetFlag,
    Spawn,
)
from game.data.problems import WARNING, Problem
from game.scenario import Scenario
from game.scenario.conditions import Captured, HpAtLeast, ObjectivesAre
from game.scenario.problems import read_yaml

KINDS = ("victory", "defeat", "bonus")


def _units(scenario: Scenario) -> list[Deployment]:
    """Every unit the battle can hold: listed, deployed at the start, or spawned by an event."""
    out = [*scenario.listed, *scenario.deployments]
    for trigger in scenario.context.script.triggers:
        for action in trigger.actions:
            if isinstance(action, Spawn):
                out.extend(action.units)
    return out


def _matches(select: Select, d: Deployment) -> bool:
    return (
        (select.uid is None or d.uid == select.uid)
        and (select.side is None or d.side == select.side)
        and (select.unit is None or d.unit == select.unit)
        and (select.pilot is None or d.pilot == select.pilot)
        and (select.tag is None or select.tag in d.tags)
    )


class _Reach:
    """What a scenario's battle can ever contain."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.units = _units(scenario)
        self.flags = [
            (a.flag, a.value) for t in scenario.context.script.triggers for a in t.actions if isinstance(a, SetFlag)
        ]

    def matching(self, select: Select) -> list[Deployment]:
        return [d for d in self.units if _matches(select, d)]

    def nobody(self, select: Select) -> str:
        return f"no unit of the scenario (at the start or spawned by its events) matches {select.describe()}"

    def why_never(self, c: Condition) -> str | None:
        """Why `c` can never hold, or None when it may (or this check cannot tell)."""
        if isinstance(c, (AnyDestroyed, AnyRetreated, NoneActive, InRegion, HpAtMost, HpAtLeast)):
            return None if self.matching(c.select) else self.nobody(c.select)
        if isinstance(c, Captured):
            found = self.matching(c.select)
            if not found:
                return self.nobody(c.select)
            units = self.scenario.context.defs.units
            if not any(units[d.unit].capturable for d in found if d.unit in units):
                return f"none of the units matching {c.select.describe()} can be captured (capturable: false)"
            return None
        if isinstance(c, Adjacent):
            for s in (c.a, c.b):
                if not self.matching(s):
                    return self.nobody(s)
            return None
        if isinstance(c, FlagIs):
            if any(flag == c.flag and value == c.value for flag, value in self.flags):
                return None
            return f"no event sets the flag {c.flag!r} to {c.value!r}"
        if isinstance(c, ObjectivesAre):
            known = self.scenario.context.script.objectives
            return None if c.objectives in known else f"there is no objective set {c.objectives!r}"
        if isinstance(c, AllOf):
            return next((why for why in map(self.why_never, c.conditions) if why), None)
        if isinstance(c, AnyOf):
            reasons = [self.why_never(x) for x in c.conditions]
            return None if any(r is None for r in reasons) else "; ".join(r for r in reasons if r)
        return None  # turns, `always`, `not`: may hold

    def holds_at_once(self, c: Condition) -> str | None:
        """Why `c` holds from the start by accident (a `defeated:` of nobody)."""
        if isinstance(c, AllDefeated) and not self.matching(c.select):
            return f"{self.nobody(c.select)}, so it holds from the start (all of no units are defeated)"
        return None


def _objectives(scenario: Scenario) -> Iterator[tuple[str, str, int, Condition]]:
    for set_id, objectives in scenario.context.script.objectives.items():
        for kind in KINDS:
            for i, objective in enumerate(getattr(objectives, kind)):
                yield set_id, kind, i, objective.condition


def objective_problems(scenario: Scenario) -> list[Problem]:
    """Warnings for objectives of `scenario` that can never hold (or hold from the start)."""
    reach = _Reach(scenario)
    found: list[tuple[tuple[str | int, ...], str]] = []
    for set_id, kind, i, condition in _objectives(scenario):
        path = ("objectives", set_id, kind, i, "when")
        never = reach.why_never(condition)
        if never is not None:
            effect = {
                "victory": "the battle cannot be won this way",
                "defeat": "this defeat can never happen",
                "bonus": "this bonus can never be earned",
            }[kind]
            found.append((path, f"this {kind} condition can never hold: {never}; {effect}"))
        at_once = reach.holds_at_once(condition)
        if at_once is not None:
            found.append((path, f"this {kind} condition is met at once: {at_once}"))
    if not found:
        return []
    doc = read_yaml(scenario.path)
    return [replace(doc.problem(path, message), severity=WARNING) for path, message in found]


def check_objectives(scenarios: Iterable[Scenario]) -> list[Problem]:
    return [p for scenario in scenarios for p in objective_problems(scenario)]
