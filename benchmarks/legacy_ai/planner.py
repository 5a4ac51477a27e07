"""SRW-style scoring of one unit's options: where to end its move and what to do there.

An option is an end tile plus an action (attack, MAP attack, repair, supply or nothing).
Scores are in "units destroyed": killing a unit of worth 1 is worth about 1 plus the kill
bonus. An attack scores its expected damage (hit% x damage, crits mixed in) as a share of
the target's HP, the chance to kill, minus the expected counter damage and the chance of
being shot down by it, minus the EN/ammo it uses. The end tile scores the danger of the
next hostile phase there (reduced by the tile's defence and evade), progress towards the
unit's goal by path distance, and terrain recovery.

Attacks depend on the attacker's tile only through the distance, the tile's terrain and the
unit's environment, so each (target, weapon, distance, terrain) is computed once and
shared by every tile of that kind; everything is cached under keys of the units involved.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from benchmarks.legacy_ai.behaviour import Behaviour, boss_holding
from benchmarks.legacy_ai.difficulty import Difficulty
from benchmarks.legacy_ai.fields import Fields, TileMask
from benchmarks.legacy_ai.objectives import Aims, current_aims
from benchmarks.legacy_ai.threat import Blow, Threats, hp_sensitive, profile
from game.core.combat import (
    StrikeCalc,
    counter_weapons,
    strike,
    weapon_problem,
    weapon_range,
)
from game.core.commands import Attack, Command
from game.core.context import BattleContext
from game.core.defs import WeaponDef
from game.core.grid import Pos, distance
from game.core.modifiers import collect
from game.core.movement import move_budget
from game.core.state import BattleState, UnitState
from game.core.stats import environment, max_en, max_hp, unit_def

if TYPE_CHECKING:
    from benchmarks.legacy_ai.search import UnitSearch

GOAL_WEIGHT = 0.3  # value of one full move of progress towards the goal
GUARD_GOAL_WEIGHT = 0.5
RETREAT_GOAL_WEIGHT = 0.8
EN_WEIGHT = 0.25  # cost of spending all of the unit's EN, in its worth
AMMO_WEIGHT = 0.12  # cost of one shot of a weapon with one round, scaled by rounds
OVERHEAT_COST = 0.1
TERRAIN_WEIGHT = 0.001
PRIORITY_BONUS = 1.0  # any attack on the first target_priority entry, in units destroyed
STRIP_VALUE = 0.15  # using up a target's Alert-like defence, in its worth
THIRD_PARTY = 0.5  # weight of a hostile that also fights our other foes (and no objective names)


@dataclass(frozen=True, slots=True)
class Option:
    score: float
    tile: Pos
    action: Command | None = None
    target: str | None = None
    weapon: str | None = None
    hit: int = 0
    damage: int = 0  # on a normal hit
    p_kill: float = 0.0
    danger: float = 0.0  # expected damage on the end tile in the next hostile phase

    @property
    def attacks(self) -> bool:
        return isinstance(self.action, Attack)


@dataclass(frozen=True, slots=True)
class Trade:
    """Expected result of one attack, before weights."""

    dealt: float  # expected damage to the target (capped at its HP)
    p_kill: float
    taken: float  # expected counter damage (capped at the attacker's HP)
    p_die: float
    hit: int
    damage: int
    victim: str  # who takes the hit (a support defender may step in)
    p_spend: float = 0.0  # chance the blow would destroy the victim but a substitute charge saves it


def spend_odds(calc: StrikeCalc, hp: int, shielded: bool) -> float:
    """Chance a strike would destroy a unit with `hp` whose boss substitute negates it
    (using up one charge: progress towards the kill that `kill_odds` does not count)."""
    if not shielded:
        return 0.0
    hit = calc.hit / 100
    if calc.damage >= hp:
        return hit
    if calc.crit_damage >= hp:
        return hit * calc.crit / 100
    return 0.0


def substitute_share(ctx: BattleContext, u: UnitState) -> float:
    """The share of a kill that using up one of `u`'s substitute charges is worth: with n
    charges left, the (n + 1)-th fatal blow destroys it."""
    left = collect(ctx, u, "defend").substitute - u.substitutes_used
    return 1 / (left + 1) if left > 0 else 0.0


def kill_odds(calc: StrikeCalc, hp: int, shielded: bool) -> tuple[float, float]:
    """(expected damage capped at HP, chance to destroy) of one strike on a unit with `hp`.

    `shielded`: a boss substitute charge negates a fatal hit entirely.
    """
    hit = calc.hit / 100
    crit = calc.crit / 100
    normal, critical = calc.damage, calc.crit_damage
    if shielded:
        dealt = hit * ((1 - crit) * (normal if normal < hp else 0) + crit * (critical if critical < hp else 0))
        return dealt, 0.0
    dealt = hit * ((1 - crit) * min(normal, hp) + crit * min(critical, hp))
    if normal >= hp:
        p = hit
    elif critical >= hp:
        p = hit * crit
    else:
        p = 0.0
    return dealt, p


def priority(b: Behaviour, t: UnitState) -> float:
    """How high `t` stands in the unit's `target_priority` list: 1 for the first entry
    down to 1/n for the last, 0 when not listed."""
    prio = b.target_priority
    for i, ident in enumerate(prio):
        if ident in (t.uid, t.unit_id, t.pilot_id):
            return (len(prio) - i) / len(prio)
    return 0.0


def shielded(ctx: BattleContext, u: UnitState) -> bool:
    return collect(ctx, u, "defend").substitute > u.substitutes_used


def worth(ctx: BattleContext, u: UnitState, cache: dict[tuple[object, ...], float]) -> float:
    """How much a unit matters: grows with its strongest weapon and its HP."""
    key = (u.unit_id, tuple(sorted(u.upgrades.items())))
    found = cache.get(key)
    if found is None:
        udef = unit_def(ctx, u)
        power = max((w.power for w in udef.weapons), default=0)
        found = max(0.4, min(4.0, math.sqrt(max(power, 500) / 2000 * max_hp(ctx, u) / 3000)))
        cache[key] = found
    return found


@dataclass(slots=True)
class Armament:
    w: WeaponDef
    lo: int
    hi: int
    here: bool  # usable without moving (or where it stands after moving)
    moving: bool  # usable from a tile it moves to


class Planner:
    """Scores options for units of any side; holds the caches of pure results that outlive
    one decision (reset when a state of another battle context comes in)."""

    fields: Fields
    threats: Threats

    def __init__(self, diff: Difficulty) -> None:
        self.diff = diff
        self._ctx: BattleContext | None = None
        # The latest search (state, unit, behaviour, search), which spirit planning reuses.
        self._last: tuple[BattleState, UnitState, Behaviour, UnitSearch] | None = None

    def _reset(self, ctx: BattleContext) -> None:
        self._ctx = ctx
        self.fields = Fields(ctx)
        self.threats = Threats(self.fields)
        self._trades: dict[tuple[object, ...], Trade] = {}
        self._counters: dict[tuple[object, ...], tuple[StrikeCalc | None, int]] = {}
        self._strikes: dict[object, tuple[StrikeCalc, str]] = {}
        self._worth: dict[tuple[object, ...], float] = {}
        self._aims: dict[tuple[str, str], Aims] = {}
        self._threat_parts: dict[tuple[object, ...], list[tuple[str, list[tuple[TileMask, Blow]]]]] = {}
        self._hostile_parts: dict[tuple[object, ...], list[tuple[TileMask, Blow]]] = {}

    def bind(self, state: BattleState) -> None:
        """Make the caches fit `state`'s battle; every entry point calls this first."""
        if state.ctx is not self._ctx:
            self._reset(state.ctx)
        if len(self._trades) > 20000:
            self._trades.clear()
        if len(self._counters) > 20000:
            self._counters.clear()
        if len(self._strikes) > 20000:
            self._strikes.clear()

    # ---- reading the situation -------------------------------------------------------------
    def aims(self, state: BattleState, side: str) -> Aims:
        self.bind(state)
        return current_aims(state, side, self._aims)

    def worth(self, state: BattleState, u: UnitState) -> float:
        self.bind(state)
        return worth(state.ctx, u, self._worth)

    def hostiles(self, state: BattleState, u: UnitState) -> list[UnitState]:
        ctx = state.ctx
        return [t for t in state.active_units() if ctx.hostile(u.side, t.side)]

    def threat_parts(self, state: BattleState, u: UnitState) -> list[tuple[str, list[tuple[TileMask, Blow]]]]:
        """For each hostile: the tiles it could strike next phase and its blow on `u` there.

        Cached by the hostiles (ids, tiles, numbers, whether they hold their ground) and
        `u`'s numbers and tile, so identical grunts and a second look share the work."""
        self.bind(state)
        ctx = state.ctx
        hostiles = self.hostiles(state, u)
        sens = self.threats._hp_sensitive
        holds = self.threats.holds_position
        mine = (profile(u, hp_sensitive(ctx, u, sens)), u.pos, environment(ctx, u))
        theirs = [(h.uid, h.pos, profile(h), holds(state, h)) for h in hostiles]
        key = (mine, tuple(theirs))
        found = self._threat_parts.get(key)
        if found is not None:
            return found
        # Mostly one hostile has changed since the last look: the others' parts are kept.
        out = []
        per_hostile = self._hostile_parts
        for h, hkey in zip(hostiles, theirs, strict=True):
            pkey = (mine, hkey)
            parts = per_hostile.get(pkey)
            if parts is None:
                parts = []
                for post_move, area in self.threats.reaches(state, h):
                    blow = self.threats.blow(state, h, u, moved=post_move)
                    if blow is not None and area:
                        parts.append((area, blow))
                if len(per_hostile) > 8192:
                    per_hostile.clear()
                per_hostile[pkey] = parts
            if parts:
                out.append((h.uid, parts))
        if len(self._threat_parts) > 1024:
            self._threat_parts.clear()
        self._threat_parts[key] = out
        return out

    def danger_at(self, state: BattleState, u: UnitState, tile: Pos) -> float:
        """Expected damage to `u` on `tile` in the next hostile phase."""
        return sum(e for _uid, e, _pk in self.tile_threats(state, u, tile, self.threat_parts(state, u)))

    @staticmethod
    def tile_threats(
        state: BattleState, u: UnitState, tile: Pos, threats: list[tuple[str, list[tuple[TileMask, Blow]]]]
    ) -> list[tuple[str, float, float]]:
        """(hostile, expected damage, chance its blow alone destroys `u`) for each hostile
        that could strike `u` on `tile`."""
        ctx = state.ctx
        terrain = ctx.defs.terrains[ctx.grid.terrain_id(tile)]
        on_ground = ctx.grid.space or not u.flying
        dfn, eva = (terrain.defense, terrain.evade) if on_ground else (0, 0)
        out = []
        for uid, parts in threats:
            best: Blow | None = None
            best_e = -1.0
            for area, blow in parts:
                if tile in area:
                    e = blow.expected_on(dfn, eva)
                    if e > best_e:
                        best, best_e = blow, e
            if best is not None:
                out.append((uid, best_e, best.kill_chance_on(u.hp, dfn, eva)))
        return out

    def odds(self, state: BattleState, u: UnitState, hostiles: list[UnitState]) -> float:
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

    def guard_tiles(self, state: BattleState, b: Behaviour) -> frozenset[Pos]:
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
        elif not priority(b, t) and self.third_party(state, u, t):
            w *= THIRD_PARTY
        if protected or aims.deny:
            area = self.threats.area(state, t)
            regions = self.fields.region_mask
            if any(p.pos in area for p in protected) or any(area.overlaps(regions(r)) for r in aims.deny):
                w *= 1.5
        return w

    @staticmethod
    def third_party(state: BattleState, u: UnitState, t: UnitState) -> bool:
        """Whether hostile `t` is a third party: it is also hostile to another team that is
        hostile to `u` (the Soviet jets of scenario 1 fight the Grados too)."""
        ctx = state.ctx
        team_t = ctx.team(t.side)
        return any(ctx.hostile(u.side, v.side) and ctx.team(v.side) != team_t for v in state.active_units())

    # ---- one attack ------------------------------------------------------------------------
    def _counter(
        self, state: BattleState, a: UnitState, t: UnitState, key: tuple[object, ...]
    ) -> tuple[StrikeCalc | None, int]:
        """`t`'s counter on `a` with the weapon the engine would pick (best expected damage)."""
        found = self._counters.get(key)
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
            found = (best, cf)
            self._counters[key] = found
        return found

    def strike_on(
        self, state: BattleState, a: UnitState, w: WeaponDef, t: UnitState, guards: list[UnitState], key: object
    ) -> tuple[StrikeCalc, UnitState]:
        """`a`'s strike with `w` and who takes it (`t`, or a support defender stepping in).

        The cache holds the victim's uid, not the unit: callers compare the victim with `t`
        by identity, and a unit object from an earlier state would never match."""
        found = self._strikes.get(key)
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
            found = (strike(state, a, w, victim, "attack", defending=defending), victim.uid)
            self._strikes[key] = found
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
        found = self._trades.get(key)
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
        found = Trade(dealt, p_kill, taken, p_die, s.hit, s.damage, victim.uid, p_spend)
        self._trades[key] = found
        return found

    def econ(self, state: BattleState, u: UnitState, w: WeaponDef, wu: float) -> float:
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

    # ---- the plan --------------------------------------------------------------------------
    def plan(self, state: BattleState, u: UnitState, b: Behaviour) -> Option:
        """The best option for `u` now: an end tile and what to do there."""
        from benchmarks.legacy_ai.search import UnitSearch

        self.bind(state)
        search = UnitSearch(self, state, u, b)
        self._last = (state, u, b, search)
        return search.best()

    def plan_with_spirit(
        self, state: BattleState, u: UnitState, b: Behaviour, hyp: BattleState, v: UnitState, *, alert: bool = False
    ) -> Option:
        """`plan(hyp, v, b)`, where `hyp` is `state` with `v` (`u` with spirits on it) in
        place of `u`. When the spirits leave `u`'s defence alone and `u` was just planned in
        `state`, that search's end tiles and their danger are reused: only attacks change.
        With `alert`, an Alert among the spirits counts for the attack (the counter cannot
        hit) but not for the next hostile phase: the tiles' danger is reused unchanged,
        which undervalues Alert a little and costs one attack search instead of a plan."""
        from benchmarks.legacy_ai.search import UnitSearch, same_defence

        self.bind(state)
        last = self._last
        if (
            last is not None
            and last[0] is state
            and last[1] is u
            and last[2] == b
            and same_defence(state.ctx, u, v, but_alert=alert)
        ):
            return last[3].boosted(hyp, v).best()
        return UnitSearch(self, hyp, v, b).best()

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

    def weapons(self, state: BattleState, u: UnitState) -> list[Armament]:
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
