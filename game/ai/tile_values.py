"""What ending on each end tile is worth to a unit: terrain, goal progress by path
distance, recovery, support, minus the danger of the next hostile phase there."""

from __future__ import annotations

from dataclasses import dataclass

from game.ai.assessment import Assessor, tile_threats
from game.ai.fields import UNREACHABLE
from game.ai.scoring import (
    GOAL_WEIGHT,
    GUARD_GOAL_WEIGHT,
    MAX_ATTACKERS,
    RETREAT_GOAL_WEIGHT,
    TERRAIN_WEIGHT,
)
from game.ai.setting import Setting, TileThreat
from game.core.grid import Pos, distance
from game.core.movement import move_budget
from game.core.state import BattleState, UnitState


@dataclass(frozen=True, slots=True)
class Goal:
    """Where the unit wants to be, as path distances over the map."""

    tiles: frozenset[Pos]
    weight: float
    away: bool  # fleeing from `tiles` rather than heading for them
    engage: int  # closing in stops counting within this distance (weapon range)
    field: list[int] | None  # path distance per tile; None: straight-line distance
    width: int
    move: int
    origin: int  # the distance from where the unit stands


NO_GOAL = Goal(frozenset(), 0.0, False, 0, None, 0, 1, 0)


def goal_of(assessor: Assessor, state: BattleState, u: UnitState, s: Setting) -> Goal:
    b = s.b
    ctx = state.ctx
    goal: frozenset[Pos] = frozenset()
    weight = GOAL_WEIGHT
    away = False
    if s.fleeing:
        weight = RETREAT_GOAL_WEIGHT
        if b.retreat_to is not None and b.retreat_to in ctx.script.regions:
            goal = frozenset(ctx.script.regions[b.retreat_to])
        else:
            goal = frozenset(h.pos for h in s.hostiles)
            away = True
    elif s.guard_tiles:
        goal = s.guard_tiles
        weight = GUARD_GOAL_WEIGHT
    else:
        goal = s.aims.goal_tiles(u)
        if not goal and b.target_priority:
            # Towards the first listed target still on the map (the scenario's order).
            for wanted in b.target_priority:
                goal = frozenset(h.pos for h in s.hostiles if wanted in (h.uid, h.unit_id, h.pilot_id))
                if goal:
                    break
        if not goal:
            goal = frozenset(h.pos for h in s.hostiles)
    # Closing in on hostiles stops mattering once they are within weapon range.
    engage = 0
    if goal and not away and not s.guard_tiles and not s.aims.goal_tiles(u):
        engage = max((x.hi for x in assessor.weapons(state, u)), default=0)
    dist = assessor.fields.goal_distance(u.unit_id, u.flying, goal) if goal else None
    width = ctx.grid.width
    origin = dist[u.y * width + u.x] if dist is not None else 0
    if origin >= UNREACHABLE:
        dist = None  # cannot walk there: straight-line distance instead
    return Goal(goal, weight, away, engage, dist, width, max(1, move_budget(state, u)), max(origin, engage))


class TileValues:
    """What ending on each tile is worth to the unit: terrain, goal progress, recovery,
    minus the danger of the next hostile phase there (with or without a hostile our
    attack may destroy first)."""

    __slots__ = ("_base", "_order", "_parts", "_plain", "_removed", "goal", "setting", "state", "u")

    def __init__(self, state: BattleState, u: UnitState, setting: Setting, goal: Goal) -> None:
        self.state = state
        self.setting = setting
        self.goal = goal
        self.u = u
        self._base: dict[Pos, float] = {}
        self._order: list[tuple[float, Pos]] | None = None
        self._parts: dict[Pos, list[TileThreat]] = {}
        self._plain: dict[Pos, tuple[float, float]] = {}
        self._removed: dict[tuple[Pos, str, float], tuple[float, float]] = {}

    def base(self, p: Pos) -> float:
        """The value of ending on `p` before danger: terrain, goal progress, recovery."""
        found = self._base.get(p)
        if found is not None:
            return found
        s, g, state = self.setting, self.goal, self.state
        ctx = state.ctx
        terrain = ctx.defs.terrains[ctx.grid.terrain_id(p)]
        dfn, eva = (terrain.defense, terrain.evade) if s.on_ground else (0, 0)
        base = TERRAIN_WEIGHT * (dfn + eva) * s.wu
        if g.tiles:
            if g.field is not None:
                d = g.field[p[1] * g.width + p[0]]
                d = g.origin if d >= UNREACHABLE else max(d, g.engage)
                progress = (g.origin - d) / g.move
            else:
                here = max(g.engage, min(distance(self.u.pos, q) for q in g.tiles))
                there = max(g.engage, min(distance(p, q) for q in g.tiles))
                progress = (here - there) / g.move
            base += g.weight * (-progress if g.away else progress)
        if s.hp_missing and s.on_ground and terrain.hp_recovery:
            base += 0.5 * s.wu * min(terrain.hp_recovery, s.hp_missing) / 100
        if s.supporters:
            # Next to a friend who can support attack or defend (hard plays in pairs).
            x, y = p
            near = sum(1 for q in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)) if q in s.supporters)
            base += s.support * s.wu * min(near, 2)
        self._base[p] = base
        return base

    def by_base(self) -> list[tuple[float, Pos]]:
        """Every end tile with its base value, best first."""
        if self._order is None:
            base = self.base
            self._order = sorted(((base(p), p) for p in self.setting.tiles), reverse=True)
        return self._order

    def threats_at(self, p: Pos) -> list[TileThreat]:
        """The hostiles that could strike us on `p` next phase, worked out only for the
        tiles a search gets to (most end tiles never beat the best option's bound)."""
        found = self._parts.get(p)
        if found is None:
            found = self._parts[p] = tile_threats(self.state, self.u, p, self.setting.threats)
        return found

    def value(self, p: Pos, removed: str | None = None, p_removed: float = 0.0) -> tuple[float, float]:
        """(value of ending on `p`, expected damage there); `removed` is a hostile our
        attack destroys first with chance `p_removed`."""
        if removed is None or not p_removed:
            found = self._plain.get(p)
            if found is None:
                found = self._plain[p] = self._value(p, None, 0.0)
            return found
        key = (p, removed, p_removed)
        found = self._removed.get(key)
        if found is None:
            parts = self.threats_at(p)
            if all(uid != removed for uid, _e, _pk in parts):
                found = self.value(p)  # the same numbers: that hostile cannot reach `p` anyway
            else:
                found = self._value(p, removed, p_removed)
            self._removed[key] = found
        return found

    def _value(self, p: Pos, removed: str | None, p_removed: float) -> tuple[float, float]:
        base, parts = self.base(p), self.threats_at(p)
        if not parts:
            return base, 0  # no danger: exactly what the sums below give for no blows
        s = self.setting
        blows = []
        survive = 1.0
        for uid, e, pk in parts:
            keep = 1 - p_removed if uid == removed else 1.0
            blows.append(e * keep)
            survive *= 1 - pk * keep
        # Hostiles spread their attacks over our units: count the heaviest few blows, not
        # every unit that could reach (which would freeze two cautious armies in place).
        blows.sort(reverse=True)
        danger = sum(blows[:MAX_ATTACKERS])
        hp = max(1, self.u.hp)
        # Shot down by one blow, or worn down by several.
        risk = max(1 - survive, min(1.0, max(0.0, (danger / hp - 1.0) / 0.5)))
        cost = s.caution * s.wu * min(danger, hp) / s.top_hp + s.risk_weight * s.wu * risk
        return base - cost, danger
