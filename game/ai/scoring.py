"""The SRW AI's scoring vocabulary: options, expected trades, weights and the odds of one
strike, shared by the planner, the option search, spirit choice and reactions.

Scores are in "units destroyed": killing a unit of worth 1 is worth about 1 plus the kill
bonus.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from game.ai.behaviour import Behaviour
from game.ai.memo import Memo
from game.core.combat import StrikeCalc
from game.core.commands import Attack, Command
from game.core.context import BattleContext
from game.core.defs import WeaponDef
from game.core.grid import Pos
from game.core.modifiers import Mods, collect
from game.core.state import UnitState
from game.core.stats import max_hp, unit_def

GOAL_WEIGHT = 0.3  # value of one full move of progress towards the goal
GUARD_GOAL_WEIGHT = 0.5
RETREAT_GOAL_WEIGHT = 0.8
EN_WEIGHT = 0.25  # cost of spending all of the unit's EN, in its worth
AMMO_WEIGHT = 0.12  # cost of one shot of a weapon with one round, scaled by rounds
OVERHEAT_COST = 0.1
TERRAIN_WEIGHT = 0.001
PRIORITY_BONUS = 2.0  # any attack on the first target_priority entry, in units destroyed
STRIP_VALUE = 0.15  # using up a target's Alert-like defence, in its worth
THIRD_PARTY = 0.5  # weight of a hostile that also fights our other foes (and no objective names)
TIE = 1e-9
MAX_ATTACKERS = 2  # hostile blows a unit expects to take in one phase
AGGRESSIVE_RISK = 0.2  # share of the death weight an aggressive unit gives the danger of its end tile


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


@dataclass(slots=True)
class Armament:
    w: WeaponDef
    lo: int
    hi: int
    here: bool  # usable without moving (or where it stands after moving)
    moving: bool  # usable from a tile it moves to


@dataclass(frozen=True, slots=True)
class Target:
    """What scoring an attack on one hostile needs, read once per search."""

    unit: UnitState
    key: tuple[object, ...]
    guards: list[UnitState]
    weight: float
    top_hp: int
    kill_bonus: float
    focus: float
    strip: float  # using up the target's Alert
    spend_share: float  # share of a kill that using up one of its substitute charges is worth
    priority: float  # the scenario's priority for a blow that lands


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


def worth(ctx: BattleContext, u: UnitState, cache: Memo[tuple[object, ...], float]) -> float:
    """How much a unit matters: grows with its strongest weapon and its HP."""
    key = (u.unit_id, tuple(sorted(u.upgrades.items())))
    found = cache.get(key)
    if found is None:
        udef = unit_def(ctx, u)
        power = max((w.power for w in udef.weapons), default=0)
        found = cache.put(key, max(0.4, min(4.0, math.sqrt(max(power, 500) / 2000 * max_hp(ctx, u) / 3000))))
    return found


def same_defence(ctx: BattleContext, u: UnitState, v: UnitState, *, but_alert: bool = False) -> bool:
    """Whether `v` (`u` with other effects) takes blows and moves exactly as `u` does;
    with `but_alert`, apart from an Alert-like `hit_taken_set` (one blow that misses)."""
    if u.hp != v.hp or u.pos != v.pos or u.flying != v.flying or u.will != v.will:
        return False
    mine, theirs = _defence(collect(ctx, u, "defend")), _defence(collect(ctx, v, "defend"))
    if but_alert:
        mine, theirs = mine[1:], theirs[1:]
    return mine == theirs and collect(ctx, u).move == collect(ctx, v).move


def _defence(m: Mods) -> tuple[object, ...]:
    return (
        m.hit_taken_set,  # first: `same_defence(but_alert=True)` leaves it out
        m.evade,
        m.mobility,
        m.damage_taken_fixed,
        m.damage_taken_mul,
        m.armor,
        m.armor_pct,
        tuple((b.source, b.value, b.types, b.en_cost, b.fury_pierces) for b in m.barriers),
        m.substitute,
        m.support_defend,
        m.move,
    )
