"""Reading a battle for the SRW AI: who matters, what threatens which tile, and the
expected result of one attack. `Assessor` holds the caches of these pure results, which
outlive one decision (they are dropped when a state of another battle context comes in).

Attacks depend on the attacker's tile only through the distance, the tile's terrain and the
unit's environment, so each (target, weapon, distance, terrain) is computed once and
shared by every tile of that kind; everything is cached under keys of the units involved.
"""

from __future__ import annotations

from game.ai.behaviour import Behaviour, boss_holding
from game.ai.caches import HostileThreat, PlannerCaches
from game.ai.difficulty import Difficulty
from game.ai.fields import Fields
from game.ai.objectives import Aims, current_aims
from game.ai.scoring import (
    AMMO_WEIGHT,
    EN_WEIGHT,
    OVERHEAT_COST,
    THIRD_PARTY,
    Armament,
    Trade,
    kill_odds,
    priority,
    shielded,
    spend_odds,
    worth,
)
from game.ai.threat import Blow, Threats, hp_sensitive, profile
from game.core.combat import StrikeCalc, counter_weapons, strike, weapon_problem, weapon_range
from game.core.context import BattleContext
from game.core.defs import WeaponDef
from game.core.grid import Pos, distance
from game.core.modifiers import collect
from game.core.movement import move_budget
from game.core.state import BattleState, UnitState
from game.core.stats import environment, max_en, max_hp, unit_def


def tile_threats(
    state: BattleState, u: UnitState, tile: Pos, threats: list[HostileThreat]
) -> list[tuple[str, float, float]]:
    """(hostile, expected damage, chance its blow alone destroys `u`) for each hostile
    that could strike `u` on `tile`."""
    ctx = state.ctx
    terrain = ctx.defs.terrains[ctx.grid.terrain_id(tile)]
    on_ground = ctx.grid.space or not u.flying
    dfn, eva = (terrain.defense, terrain.evade) if on_ground else (0, 0)
    out: list[tuple[str, float, float]] = []
    if not threats:
        return out
    bit = 1 << (tile[1] * threats[0][1][0][0].stride + tile[0])  # the tile in every TileMask
    for uid, parts in threats:
        best: Blow | None = None
        best_e = -1.0
        for area, blow in parts:
            if area.bits & bit:
                e = blow.expected_on(dfn, eva)
                if e > best_e:
                    best, best_e = blow, e
        if best is not None:
            out.append((uid, best_e, best.kill_chance_on(u.hp, dfn, eva)))
    return out


def third_party(state: BattleState, u: UnitState, t: UnitState) -> bool:
    """Whether hostile `t` is a third party: it is also hostile to another team that is
    hostile to `u` (the Soviet jets of scenario 1 fight the Grados too)."""
    ctx = state.ctx
    team_t = ctx.team(t.side)
    return any(ctx.hostile(u.side, v.side) and ctx.team(v.side) != team_t for v in state.active_units())


class Assessor:
    """Scores the pieces of options for units of any side, with caches of pure results."""

    fields: Fields  # both set by bind(), for the battle of the state last seen
    threats: Threats

    def __init__(self, diff: Difficulty) -> None:
        self.diff = diff
        self._ctx: BattleContext | None = None
        self.caches = PlannerCaches()

    def bind(self, state: BattleState) -> None:
        """Make the caches fit `state`'s battle; every entry point calls this first."""
        if state.ctx is not self._ctx:
            self._ctx = state.ctx
            self.fields = Fields(state.ctx)
            self.threats = Threats(self.fields)
            self.caches = PlannerCaches()
            self.on_new_battle()

    def on_new_battle(self) -> None:
        """Hook for subclasses holding more per-battle results."""

    # ---- reading the situation -------------------------------------------------------------
    def aims(self, state: BattleState, side: str) -> Aims:
        self.bind(state)
        return current_aims(state, side, self.caches.aims)

    def worth(self, state: BattleState, u: UnitState) -> float:
        self.bind(state)
        return worth(state.ctx, u, self.caches.worth)

    @staticmethod
    def hostiles(state: BattleState, u: UnitState) -> list[UnitState]:
        ctx = state.ctx
        return [t for t in state.active_units() if ctx.hostile(u.side, t.side)]

    def threat_parts(self, state: BattleState, u: UnitState) -> list[HostileThreat]:
        """For each hostile: the tiles it could strike next phase and its blow on `u` there.

        Cached by the hostiles (ids, tiles, numbers, whether they hold their ground) and
        `u`'s numbers and tile, so identical grunts and a second look share the work."""
        self.bind(state)
        ctx = state.ctx
        threats = self.threats
        hostiles = self.hostiles(state, u)
        holds = threats.holds_position
        mine = (profile(u, hp_sensitive(ctx, u, threats._hp_sensitive)), u.pos, environment(ctx, u))
        theirs = [(h.uid, h.pos, profile(h), holds(state, h)) for h in hostiles]
        key = (mine, tuple(theirs))
        found = self.caches.threat_parts.get(key)
        if found is not None:
            return found
        out = []
        per_hostile = self.caches.hostile_parts
        for h, hkey in zip(hostiles, theirs, strict=True):
            pkey = (mine, hkey)
            parts = per_hostile.get(pkey)
            if parts is None:
                parts = []
                for post_move, area in threats.reaches(state, h):
                    blow = threats.blow(state, h, u, moved=post_move)
                    if blow is not None and area:
                        parts.append((area, blow))
                per_hostile.put(pkey, parts)
            if parts:
                out.append((h.uid, parts))
        return self.caches.threat_parts.put(key, out)

    def danger_at(self, state: BattleState, u: UnitState, tile: Pos) -> float:
        """Expected damage to `u` on `tile` in the next hostile phase."""
        return sum(e for _uid, e, _pk in tile_threats(state, u, tile, self.threat_parts(state, u)))

    def odds(self, state: BattleState, u: UnitState) -> float:
        """Hostile strength over our strength (worth x HP share), clamped to 0.25..1."""
        ctx = state.ctx
        ours = theirs = 0.0
        for v in state.active_units():
            share = self.worth(state, v) * v.hp / max(1, max_hp(ctx, v))
            if ctx.friendly(u.side, v.side):
                ours += share
            elif ctx.hostile(u.side, v.side):
                theirs += share
        return max(0.25, min(1.0, theirs / ours)) if ours > 0 else 1.0

    def awake(self, state: BattleState, u: UnitState, b: Behaviour) -> bool:
        """A defensive unit wakes once hurt or once a hostile comes within its trigger range."""
        if u.hp < max_hp(state.ctx, u):
            return True
        rng = b.trigger_range
        if rng is None:
            rng = move_budget(state, u) + max((w.range_max for w in unit_def(state.ctx, u).weapons), default=0)
        return any(distance(u.pos, t.pos) <= rng for t in self.hostiles(state, u))

    def holding(self, state: BattleState, u: UnitState, b: Behaviour) -> bool:
        if b.kind == "stationary":
            return True
        if b.kind == "boss":
            return boss_holding(state, u, b)
        if b.kind == "defensive":
            return not self.awake(state, u, b)
        return False

    @staticmethod
    def guard_tiles(state: BattleState, b: Behaviour) -> frozenset[Pos]:
        if b.guard is None:
            return frozenset()
        regions = state.ctx.script.regions
        if b.guard in regions:
            return frozenset(regions[b.guard])
        g = state.units.get(b.guard)
        if g is None or not g.active:
            return frozenset()
        return frozenset({g.pos})

    def target_weight(
        self, state: BattleState, u: UnitState, b: Behaviour, t: UnitState, aims: Aims, protected: list[UnitState]
    ) -> float:
        """Worth of `t` to `u`: its strength, scenario priority and objectives, and threat to what we protect."""
        w = self.worth(state, t)
        if priority(b, t):
            w *= 1.5
        if aims.is_target(t):
            w *= 2
        elif not priority(b, t) and third_party(state, u, t):
            w *= THIRD_PARTY
        if protected or aims.deny:
            area = self.threats.area(state, t)
            regions = self.fields.region_mask
            if any(p.pos in area for p in protected) or any(area.overlaps(regions(r)) for r in aims.deny):
                w *= 1.5
        return w

    # ---- one attack ------------------------------------------------------------------------
    def _counter(
        self, state: BattleState, a: UnitState, t: UnitState, key: tuple[object, ...]
    ) -> tuple[StrikeCalc | None, int]:
        """`t`'s counter on `a` with the weapon the engine would pick (best expected damage)."""
        found = self.caches.counters.get(key)
        if found is None:
            best: StrikeCalc | None = None
            best_w: WeaponDef | None = None
            for cw in counter_weapons(state, t, a):
                calc = strike(state, t, cw, a, "counter")
                if best is None or calc.expected > best.expected:
                    best, best_w = calc, cw
            cf = 0
            if best_w is not None:
                cf = max(0, min(100, collect(state.ctx, t, "counter", best_w).counter_first))
            found = self.caches.counters.put(key, (best, cf))
        return found

    def strike_on(
        self, state: BattleState, a: UnitState, w: WeaponDef, t: UnitState, guards: list[UnitState], key: object
    ) -> tuple[StrikeCalc, UnitState]:
        """`a`'s strike with `w` and who takes it (`t`, or a support defender stepping in).

        The cache holds the victim's uid, not the unit: callers compare the victim with `t`
        by identity, and a unit object from an earlier state would never match."""
        found = self.caches.strikes.get(key)
        if found is None:
            ctx = state.ctx
            victim = t
            defending = False
            if guards and "fury" not in collect(ctx, a, "attack", w).flags:
                # The engine's auto choice: the guard left with the most HP after the hit.
                victim = max(
                    guards, key=lambda s: (s.hp - strike(state, a, w, s, "attack", defending=True).damage, s.uid)
                )
                defending = True
            found = self.caches.strikes.put(
                key, (strike(state, a, w, victim, "attack", defending=defending), victim.uid)
            )
        calc, uid = found
        return calc, (t if uid == t.uid else state.units[uid])

    def trade(
        self,
        state: BattleState,
        a: UnitState,
        w: WeaponDef,
        t: UnitState,
        ka: object,
        kt: object,
        guards: list[UnitState],
    ) -> Trade:
        """Expected result of `a` (already placed on its tile) attacking `t` with `w`.

        `guards` are `t`'s possible support defenders (part of the cache key through `kt`).
        The attack depends on `a`'s tile only through the distance and its environment, the
        counter also through the tile's terrain: each is cached on just that.
        """
        ctx = state.ctx
        terrain = ctx.grid.terrain_id(a.pos)
        d = distance(a.pos, t.pos)
        key = (ka, kt, w.id, d, terrain)
        found = self.caches.trades.get(key)
        if found is not None:
            return found
        s, victim = self.strike_on(state, a, w, t, guards, (ka, kt, w.id, d, environment(ctx, a)))
        guarded = shielded(ctx, victim)
        dealt, p_kill = kill_odds(s, victim.hp, guarded)
        p_spend = spend_odds(s, victim.hp, guarded)
        c, cf = self._counter(state, a, t, (ka, kt, d, terrain))
        taken = p_die = 0.0
        if c is not None:
            c_dealt, c_kill = kill_odds(c, a.hp, shielded(ctx, a))
            first = cf / 100
            t_survives = 1 - (p_kill if victim is t else 0.0)
            happens = first + (1 - first) * t_survives
            # A counter that strikes first and destroys the attacker cancels the attack.
            cancel = 1 - first * c_kill
            dealt *= cancel
            p_kill *= cancel
            p_spend *= cancel
            taken = c_dealt * happens
            p_die = c_kill * happens
        return self.caches.trades.put(key, Trade(dealt, p_kill, taken, p_die, s.hit, s.damage, victim.uid, p_spend))

    @staticmethod
    def econ(state: BattleState, u: UnitState, w: WeaponDef, wu: float) -> float:
        cost = 0.0
        if w.en_cost:
            cost += EN_WEIGHT * wu * w.en_cost / max(1, max_en(state.ctx, u))
        if w.ammo is not None:
            cost += AMMO_WEIGHT * wu * (1 + 1 / max(1, w.ammo)) / max(1, u.ammo.get(w.id, 0))
        if w.user_status is not None:
            status = state.ctx.defs.statuses.get(w.user_status)
            if status is not None and any(m.key == "no_counter" for m in status.effects):
                cost += OVERHEAT_COST * wu
        return cost

    # ---- reach -----------------------------------------------------------------------------
    def can_attack_soon(self, state: BattleState, u: UnitState) -> bool:
        """Whether some hostile is within `u`'s move plus weapon range this phase (an upper
        bound of what any attack search could find: without it, no spirit adds an attack)."""
        return any(self.can_reach(state, u, t) for t in self.hostiles(state, u))

    def can_reach(self, state: BattleState, u: UnitState, t: UnitState) -> bool:
        """Whether `t` is within `u`'s move (unless it moved) plus its longest weapon range."""
        weapons = self.weapons(state, u)
        if not weapons:
            return False
        reach = (0 if u.moved else move_budget(state, u)) + max(x.hi for x in weapons)
        return distance(u.pos, t.pos) <= reach

    @staticmethod
    def weapons(state: BattleState, u: UnitState) -> list[Armament]:
        """`u`'s usable direct-fire weapons with their ranges now."""
        ctx = state.ctx
        out = []
        for w in unit_def(ctx, u).weapons:
            if w.is_map or weapon_problem(state, u, w, after_move=False) is not None:
                continue
            lo, hi = weapon_range(w, collect(ctx, u, "attack", w))
            here = not u.moved or w.post_move
            out.append(Armament(w, lo, hi, here, w.post_move))
        return out
