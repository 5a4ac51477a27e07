"""Derived tables kept beside a battle's context and state, never saved.

Each is a pure function of data that does not change while it is kept: `ContextCache` of
the frozen `BattleContext` (definitions, sides, map), `StateCache` of one `BattleState`'s
units (dropped by `Tx` before every change it makes). Keeping them as declared, typed
fields lets the code that fills them say what each table holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from game.core.grid import Pos

if TYPE_CHECKING:
    from game.core.defs import PilotStats, WillGains
    from game.core.effects import Modifier
    from game.core.modifiers import Mods, Profile
    from game.core.movement import Reach
    from game.core.state import UnitState

# (kind, id) of each effect on a unit, in order: what a unit's modifiers depend on.
EffectKey = tuple[tuple[str, str], ...]
# The `collect` key: unit, pilot, effects, then role, weapon, environment, Will, HP% (each None
# when no condition of the unit's modifiers reads it).
ModsKey = tuple[str, str | None, EffectKey, Any, Any, Any, Any, Any]

MODS_LIMIT = 200_000  # entries; the `collect` table is cleared past this so long simulations stay bounded


@dataclass(slots=True, eq=False)
class ContextCache:
    # side id -> team, side id -> phase index (from `BattleContext.sides`)
    team: dict[str, str] = field(default_factory=dict)
    index: dict[str, int] = field(default_factory=dict)
    # (unit id, pilot id) -> skills, abilities and battle-wide effects with level and source
    static_mods: dict[tuple[str, str | None], tuple[tuple[Modifier, int, str], ...]] = field(default_factory=dict)
    # (unit id, pilot id, effects) -> every modifier the unit can have and what their conditions read
    profiles: dict[tuple[str, str | None, EffectKey], Profile] = field(default_factory=dict)
    mods: dict[ModsKey, Mods] = field(default_factory=dict)
    # (pilot id, level) -> the pilot's stats at that level
    pilot_stats: dict[tuple[str | None, int], PilotStats] = field(default_factory=dict)
    # pilot id -> (changes Will at all, min, max, gains by outcome)
    will: dict[str | None, tuple[bool, int, int, WillGains]] = field(default_factory=dict)
    # (unit id, pilot id, environment, rank floor from parts) -> performance modifier T
    performance: dict[tuple[str, str | None, str, int], Fraction] = field(default_factory=dict)
    # (unit id, flying) -> terrain id -> cost to enter (None: closed)
    enter_costs: dict[tuple[str, bool], dict[str, int | None]] = field(default_factory=dict)


@dataclass(slots=True, eq=False)
class StateCache:
    # active units by tile
    positions: dict[Pos, UnitState] | None = None
    # unit id -> ((x, y, flying, budget) searched with, the full-budget reach)
    reach: dict[str, tuple[tuple[int, int, bool, int], Reach]] = field(default_factory=dict)
