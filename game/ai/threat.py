"""Danger of standing on a tile during the next hostile phase.

For each hostile unit: the tiles it could attack next phase (its move ignoring units, then
its weapons' reach; in place only if its behaviour holds it) and the expected damage of its
best weapon against a given unit. Both are cached under keys that change only when the
hostile (or the victim) changes, so they survive a whole phase of our commands.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.ai.behaviour import Behaviour, BehaviourError, boss_holding, parse_behaviour
from game.ai.fields import Fields, TileMask
from game.ai.memo import Memo
from game.core.combat import strike, weapon_problem, weapon_range
from game.core.context import BattleContext
from game.core.defs import WeaponDef
from game.core.grid import Pos
from game.core.modifiers import collect, sources
from game.core.movement import move_budget
from game.core.state import BattleState, UnitState
from game.core.stats import environment, unit_def


def profile(u: UnitState, hp: bool = True) -> tuple[object, ...]:
    """What decides a unit's numbers in a strike, whoever and wherever it is (its HP too,
    unless `hp` is False)."""
    return (
        u.unit_id,
        u.pilot_id,
        u.level,
        u.flying,
        u.hp if hp else None,
        u.en,
        u.will,
        tuple(sorted(u.ammo.items())),
        tuple((e.kind, e.id, e.duration) for e in u.effects),
        tuple(sorted(u.upgrades.items())),
        u.substitutes_used,
    )


def _stance(u: UnitState, hp: bool) -> tuple[object, ...]:
    """A unit's numbers in one strike, as attacker or target (not its EN or ammo, which
    only decide which weapons it may use)."""
    return (
        u.unit_id,
        u.pilot_id,
        u.level,
        u.flying,
        u.hp if hp else None,
        u.will,
        tuple((e.kind, e.id, e.duration) for e in u.effects),
        tuple(sorted(u.upgrades.items())),
    )


def hp_sensitive(ctx: BattleContext, u: UnitState, cache: dict[tuple[object, ...], bool]) -> bool:
    """Whether any modifier on `u` depends on its HP (Prevail and the like)."""
    key = (u.unit_id, u.pilot_id, tuple(e.id for e in u.effects))
    found = cache.get(key)
    if found is None:
        found = any(
            m.when.hp_pct_at_most is not None or m.when.hp_pct_at_least is not None for m, _lvl, _src in sources(ctx, u)
        )
        cache[key] = found
    return found


def unit_key(u: UnitState) -> tuple[object, ...]:
    """Everything about a unit that changes what it can do or take, where it stands (its
    tile's terrain counts in every blow on it)."""
    return (
        u.uid,
        u.x,
        u.y,
        u.unit_id,
        u.pilot_id,
        u.level,
        u.flying,
        u.hp,
        u.en,
        u.will,
        tuple(sorted(u.ammo.items())),
        tuple((e.kind, e.id, e.duration) for e in u.effects),
        tuple(sorted(u.upgrades.items())),
        u.substitutes_used,
    )


@dataclass(frozen=True, slots=True)
class Blow:
    """A hostile's best expected blow on a unit standing on that unit's current tile."""

    hit: int
    damage: int
    crit_damage: int
    crit: int
    tile_defense: int  # of the victim's tile when estimated
    tile_evade: int

    def expected_on(self, defense: int, evade: int) -> float:
        """Expected damage if the victim stood on a tile with this defence and evade."""
        hit = max(0, min(100, self.hit + self.tile_evade - evade))
        scale = (100 - defense) / max(1, 100 - self.tile_defense)
        mix = self.damage * (100 - self.crit) + self.crit_damage * self.crit
        return hit * mix * scale / 10000

    def kill_chance_on(self, hp: int, defense: int, evade: int) -> float:
        """Chance this one blow destroys a unit with `hp` on such a tile."""
        hit = max(0, min(100, self.hit + self.tile_evade - evade)) / 100
        scale = (100 - defense) / max(1, 100 - self.tile_defense)
        if self.damage * scale >= hp:
            return hit
        if self.crit_damage * scale >= hp:
            return hit * self.crit / 100
        return 0.0


class Threats:
    def __init__(self, fields: Fields) -> None:
        self.fields = fields
        # Caches of pure results, each forgetting all once past its limit.
        self._area: Memo[tuple[object, ...], TileMask] = Memo(4096)
        self._blow: Memo[tuple[object, ...], Blow | None] = Memo(8192)
        self._hp_sensitive: dict[tuple[object, ...], bool] = {}  # one entry per unit, pilot and effects
        self._armed: Memo[tuple[object, ...], list[tuple[WeaponDef, int]]] = Memo(4096)
        self._parsed: Memo[int, tuple[dict[str, Any], Behaviour | None]] = Memo(1024)

    def holds_position(self, state: BattleState, h: UnitState) -> bool:
        """Whether `h`'s own AI keeps it in place next phase (only scenario-set behaviours)."""
        if not h.ai:
            return False
        b = self._behaviour(h)
        if b is None:
            return False
        # A defensive unit wakes when approached, so it is not counted as holding.
        return b.kind == "stationary" or boss_holding(state, h, b)

    def _behaviour(self, h: UnitState) -> Behaviour | None:
        """`h`'s parsed `ai:` block (None when it is bad). Units share their `ai` dict until a
        script replaces it (it is never changed in place), so parses are kept per dict; the
        entry holds the dict itself so its id cannot be reused while cached."""
        found = self._parsed.get(id(h.ai))
        if found is None or found[0] is not h.ai:
            try:
                b: Behaviour | None = parse_behaviour(h.ai, h.uid)
            except BehaviourError:
                b = None
            found = self._parsed.put(id(h.ai), (h.ai, b))
        return found[1]

    def _weapons(self, state: BattleState, h: UnitState) -> list[tuple[WeaponDef, int]]:
        """`h`'s usable direct-fire weapons with their max range."""
        ctx = state.ctx
        key = profile(h, hp_sensitive(ctx, h, self._hp_sensitive))
        found = self._armed.get(key)
        if found is None:
            found = []
            for w in unit_def(ctx, h).weapons:
                if w.is_map or weapon_problem(state, h, w, after_move=False) is not None:
                    continue
                found.append((w, weapon_range(w, collect(ctx, h, "attack", w))[1]))
            self._armed.put(key, found)
        return found

    def reaches(self, state: BattleState, h: UnitState) -> list[tuple[bool, TileMask]]:
        """Where `h` could strike next phase: (with P weapons only?, tiles), one entry for
        its P weapons after moving and one for all its weapons from where it stands."""
        weapons = self._weapons(state, h)
        if not weapons:
            return []
        holding = self.holds_position(state, h)
        budget = 0 if holding else move_budget(state, h)
        out = []
        far = max((hi for w, hi in weapons if w.post_move), default=0)
        if far and budget:
            out.append((True, self._area_of(state, h, budget, far)))
        near = max(hi for _w, hi in weapons)
        out.append((False, self._area_of(state, h, 0, near)))
        return out

    def area(self, state: BattleState, h: UnitState) -> TileMask:
        """Every tile `h` could attack in its next phase."""
        parts = self.reaches(state, h)
        if not parts:
            return TileMask(0, self.fields.stride)
        if len(parts) == 1:
            return parts[0][1]
        return parts[0][1] | parts[1][1]

    def _area_of(self, state: BattleState, h: UnitState, budget: int, radius: int) -> TileMask:
        key = (h.unit_id, h.pos, h.flying, budget, radius)
        found = self._area.get(key)
        if found is None:
            found = self.fields.threat_area(h.unit_id, h.flying, h.pos, budget, radius)
            self._area.put(key, found)
        return found

    def blow(self, state: BattleState, h: UnitState, u: UnitState, moved: bool = False) -> Blow | None:
        """`h`'s best expected blow on `u` where `u` stands now (None if it has none);
        with `moved`, only with weapons usable after moving."""
        ctx = state.ctx
        env_u = environment(ctx, u)
        weapons = self._weapons(state, h)
        if moved and all(w.post_move for w, _hi in weapons):
            moved = False  # the same weapons either way
        # Where each weapon would strike from: a tile at its minimum range.
        grid = ctx.grid
        shots = []
        for w, _hi in weapons:
            if (moved and not w.post_move) or not w.ranks.allows(env_u):
                continue
            at = _stand_off(state, u.pos, max(1, w.range_min))
            if at is not None:
                shots.append((w, at, grid.environment(ctx.defs.terrains[grid.terrain_id(at)], h.flying)))
        # Keyed by profiles, not ids or tiles: identical grunts share one estimate. What the
        # tiles change is in the key (the victim's terrain, each stand-off tile's
        # environment), so a cached blow is exactly the computed one.
        sens = self._hp_sensitive
        tid = grid.terrain_id(u.pos)
        key = (
            _stance(h, hp_sensitive(ctx, h, sens)),
            tuple((w.id, env) for w, _at, env in shots),
            _stance(u, hp_sensitive(ctx, u, sens)),
            tid,
            env_u,
        )
        if key in self._blow:
            return self._blow[key]
        best: Blow | None = None
        best_value = -1.0
        terrain = ctx.defs.terrains[tid]
        on_ground = grid.space or not u.flying
        tdef = terrain.defense if on_ground else 0
        teva = terrain.evade if on_ground else 0
        for w, at, _env in shots:
            hyp = h.copy()
            hyp.x, hyp.y = at
            s = strike(state, hyp, w, u, "attack")
            b = Blow(s.hit, s.damage, s.crit_damage, s.crit, tdef, teva)
            value = b.expected_on(tdef, teva)
            if value > best_value:
                best, best_value = b, value
        self._blow.put(key, best)
        return best


def _stand_off(state: BattleState, pos: Pos, d: int) -> Pos | None:
    """Some tile on the map exactly `d` tiles from `pos` (where an attacker would stand)."""
    grid = state.ctx.grid
    x, y = pos
    for dx in range(-d, d + 1):
        rest = d - abs(dx)
        for dy in (rest, -rest) if rest else (0,):
            p = (x + dx, y + dy)
            if grid.in_bounds(p):
                return p
    return None
