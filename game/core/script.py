"""Scenario hooks the engine runs inside `apply`: objectives, triggers and their actions.

The scenario package compiles YAML into these frozen objects; the engine evaluates them at
checkpoints (after each command and at each phase start), so scripted reinforcements,
retreats and endings are part of the deterministic state transition and replay exactly.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from game.core.defs import frozen_map
from game.core.grid import Pos, distance
from game.core.state import ACTIVE, CAPTURED, DESTROYED, RETREATED, UnitState

if TYPE_CHECKING:
    from game.core.state import BattleState


@dataclass(frozen=True, slots=True)
class Select:
    """Which units a condition or action is about. Fields combine with AND; empty = all."""

    uid: str | None = None
    side: str | None = None
    unit: str | None = None  # definition id
    pilot: str | None = None
    tag: str | None = None

    def matches(self, u: UnitState) -> bool:
        return (
            (self.uid is None or u.uid == self.uid)
            and (self.side is None or u.side == self.side)
            and (self.unit is None or u.unit_id == self.unit)
            and (self.pilot is None or u.pilot_id == self.pilot)
            and (self.tag is None or self.tag in u.tags)
        )

    def all(self, state: BattleState) -> list[UnitState]:
        return [u for u in state.units.values() if self.matches(u)]

    def describe(self) -> str:
        parts = [
            f"{k}={v}"
            for k, v in (
                ("uid", self.uid),
                ("side", self.side),
                ("unit", self.unit),
                ("pilot", self.pilot),
                ("tag", self.tag),
            )
            if v is not None
        ]
        return ",".join(parts) or "any unit"


# ---- conditions ------------------------------------------------------------------------------
class Condition:
    """A predicate over the battle state."""

    def holds(self, state: BattleState) -> bool:  # pragma: no cover - interface
        raise NotImplementedError


@dataclass(frozen=True, slots=True)
class Always(Condition):
    def holds(self, state: BattleState) -> bool:
        return True


@dataclass(frozen=True, slots=True)
class PhaseIs(Condition):
    """The current phase is `side`'s (any side if None) on `turn`, or every `every` turns from `turn`."""

    side: str | None = None
    turn: int | None = None
    every: int | None = None

    def holds(self, state: BattleState) -> bool:
        if self.side is not None and state.side != self.side:
            return False
        if self.turn is None:
            return True
        if self.every:
            return state.turn >= self.turn and (state.turn - self.turn) % self.every == 0
        return state.turn == self.turn


@dataclass(frozen=True, slots=True)
class TurnAtLeast(Condition):
    """Turn `turn` has begun (for "survive N turns", use N + 1)."""

    turn: int

    def holds(self, state: BattleState) -> bool:
        return state.turn >= self.turn


@dataclass(frozen=True, slots=True)
class AllDefeated(Condition):
    """Every matching unit is destroyed or captured (vacuously true when none match)."""

    select: Select

    def holds(self, state: BattleState) -> bool:
        return all(u.status in (DESTROYED, CAPTURED) for u in state.units.values() if self.select.matches(u))


@dataclass(frozen=True, slots=True)
class AnyDestroyed(Condition):
    select: Select

    def holds(self, state: BattleState) -> bool:
        return any(u.status == DESTROYED for u in state.units.values() if self.select.matches(u))


@dataclass(frozen=True, slots=True)
class AnyRetreated(Condition):
    select: Select

    def holds(self, state: BattleState) -> bool:
        return any(u.status == RETREATED for u in state.units.values() if self.select.matches(u))


@dataclass(frozen=True, slots=True)
class NoneActive(Condition):
    """No matching unit is on the map (destroyed, captured or retreated), and one existed."""

    select: Select

    def holds(self, state: BattleState) -> bool:
        matched = [u for u in state.units.values() if self.select.matches(u)]
        return bool(matched) and all(u.status != ACTIVE for u in matched)


@dataclass(frozen=True, slots=True)
class InRegion(Condition):
    """At least `count` matching active units stand in `region` (all of them when None)."""

    select: Select
    region: str
    count: int | None = None

    def holds(self, state: BattleState) -> bool:
        tiles = state.ctx.script.regions[self.region]
        units = [u for u in state.units.values() if u.status == ACTIVE and self.select.matches(u)]
        inside = sum(1 for u in units if u.pos in tiles)
        if self.count is None:
            return bool(units) and inside == len(units)
        return inside >= self.count


@dataclass(frozen=True, slots=True)
class HpAtMost(Condition):
    """Some matching active unit has HP at or below `pct` percent of its maximum."""

    select: Select
    pct: int

    def holds(self, state: BattleState) -> bool:
        from game.core.stats import max_hp

        for u in state.units.values():
            if u.status == ACTIVE and self.select.matches(u) and u.hp * 100 <= self.pct * max_hp(state.ctx, u):
                return True
        return False


@dataclass(frozen=True, slots=True)
class Adjacent(Condition):
    """A unit matching `a` stands next to one matching `b` (talk events)."""

    a: Select
    b: Select

    def holds(self, state: BattleState) -> bool:
        firsts = [u for u in state.units.values() if u.status == ACTIVE and self.a.matches(u)]
        if not firsts:
            return False
        seconds = [u for u in state.units.values() if u.status == ACTIVE and self.b.matches(u)]
        return any(distance(p.pos, q.pos) == 1 for p in firsts for q in seconds)


@dataclass(frozen=True, slots=True)
class FlagIs(Condition):
    flag: str
    value: Any = True

    def holds(self, state: BattleState) -> bool:
        return state.flags.get(self.flag) == self.value


@dataclass(frozen=True, slots=True)
class AllOf(Condition):
    conditions: tuple[Condition, ...]

    def holds(self, state: BattleState) -> bool:
        return all(c.holds(state) for c in self.conditions)


@dataclass(frozen=True, slots=True)
class AnyOf(Condition):
    conditions: tuple[Condition, ...]

    def holds(self, state: BattleState) -> bool:
        return any(c.holds(state) for c in self.conditions)


@dataclass(frozen=True, slots=True)
class Not(Condition):
    condition: Condition

    def holds(self, state: BattleState) -> bool:
        return not self.condition.holds(state)


# ---- deployments and actions -----------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Deployment:
    """A unit put on the map at the start or by a spawn action."""

    unit: str
    side: str
    pilot: str | None = None
    pos: Pos | None = None
    spawn: str | None = None  # a named spawn point, used when pos is None
    uid: str | None = None
    level: int | None = None
    exp: int = 0  # EXP toward the next level, carried over by the campaign
    will: int | None = None
    hp_pct: int = 100
    flying: bool | None = None
    tags: tuple[str, ...] = ()
    ai: Mapping[str, Any] = field(default_factory=frozen_map)
    upgrades: Mapping[str, int] = field(default_factory=frozen_map)
    parts: tuple[str, ...] = ()  # part ids (defs.parts) the unit carries; a consumable once per use


class Action:
    """Something a trigger does; the engine interprets each kind."""


@dataclass(frozen=True, slots=True)
class Spawn(Action):
    units: tuple[Deployment, ...]


@dataclass(frozen=True, slots=True)
class DialogueLine:
    speaker: str
    text: str
    portrait: str | None = None  # asset id; None = no portrait
    expression: str = "neutral"


@dataclass(frozen=True, slots=True)
class Dialogue(Action):
    lines: tuple[DialogueLine, ...]


@dataclass(frozen=True, slots=True)
class SetObjectives(Action):
    objectives: str  # id of an objective set in the script


@dataclass(frozen=True, slots=True)
class Retreat(Action):
    select: Select
    line: DialogueLine | None = None


@dataclass(frozen=True, slots=True)
class ChangeWill(Action):
    select: Select
    delta: int


@dataclass(frozen=True, slots=True)
class SetFlag(Action):
    flag: str
    value: Any = True


@dataclass(frozen=True, slots=True)
class EndBattle(Action):
    winner: str  # side id
    reason: str


@dataclass(frozen=True, slots=True)
class SetAI(Action):
    """Change the AI behaviour data of matching units (e.g. a boss stops holding)."""

    select: Select
    ai: Mapping[str, Any]


# ---- objectives and triggers -----------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Objective:
    text: str
    condition: Condition
    id: str = ""


@dataclass(frozen=True, slots=True)
class Objectives:
    victory: tuple[Objective, ...] = ()
    defeat: tuple[Objective, ...] = ()
    bonus: tuple[Objective, ...] = ()
    side: str = "player"  # whose objectives these are: victory makes it win, defeat makes it lose


@dataclass(frozen=True, slots=True)
class Trigger:
    id: str
    condition: Condition
    actions: tuple[Action, ...]
    repeat: bool = False  # fire again in later phases (at most once per phase)


@dataclass(frozen=True)
class Script:
    regions: Mapping[str, frozenset[Pos]] = field(default_factory=frozen_map)
    spawn_points: Mapping[str, Pos] = field(default_factory=frozen_map)
    objectives: Mapping[str, Objectives] = field(default_factory=frozen_map)
    triggers: tuple[Trigger, ...] = ()

    def __post_init__(self) -> None:
        for name in ("regions", "spawn_points", "objectives"):
            object.__setattr__(self, name, frozen_map(getattr(self, name)))
