"""Conditions the scenario language adds to the engine's set (same `holds(state)` protocol).

They are pure functions of the battle state, so the engine evaluates them inside `apply`
exactly like its own and replays stay deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.core.script import Condition, Select
from game.core.state import ACTIVE, CAPTURED
from game.core.stats import max_hp

if TYPE_CHECKING:
    from game.core.state import BattleState


@dataclass(frozen=True, slots=True)
class Captured(Condition):
    """At least `count` matching units were captured (Mercy left them at 10 HP and they ejected)."""

    select: Select
    count: int = 1

    def holds(self, state: BattleState) -> bool:
        return sum(1 for u in state.units.values() if u.status == CAPTURED and self.select.matches(u)) >= self.count


@dataclass(frozen=True, slots=True)
class HpAtLeast(Condition):
    """Some matching active unit has at least `pct` percent of its maximum HP."""

    select: Select
    pct: int

    def holds(self, state: BattleState) -> bool:
        return any(
            u.status == ACTIVE and self.select.matches(u) and u.hp * 100 >= self.pct * max_hp(state.ctx, u)
            for u in state.units.values()
        )


@dataclass(frozen=True, slots=True)
class ObjectivesAre(Condition):
    """The battle's current objective set is `objectives` (for closing dialogue)."""

    objectives: str

    def holds(self, state: BattleState) -> bool:
        return state.objectives == self.objectives
