"""Combat numbers from the battle state (RULES §4–8).

`strike` computes one blow's hit%, damage and crit% from the state; `forecast` assembles
the whole exchange (attack, support attack, counter, support defend) from the same
function, and `game.core.engine` resolves exactly that forecast with rolls. The forecast
draws nothing from the RNG.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, NamedTuple

from game.core.commands import Attack, Pick
from game.core.defs import PilotStats, UnitDef, WeaponDef
from game.core.effects import Role, StrikeRole
from game.core.errors import IllegalCommand
from game.core.formulas import (
    REACTIONS,
    DamageInputs,
    HitInputs,
    Reaction,
    crit_chance,
    damage_base,
    hit_chance,
    is_reaction,
    scaled,
)
from game.core.grid import distance
from game.core.modifiers import ONE, Mods, collect, sensitivity
from game.core.performance import performance
from game.core.state import ACTIVE
from game.core.stats import base_armor, base_mobility, environment, pilot_stats, unit_def, weapon_power

if TYPE_CHECKING:
    from game.core.state import BattleState, UnitState

ZERO = Fraction(0)
AUTO = Pick.AUTO
NONE = Pick.NONE


class Scratch:
    """A memo for one forecast (or one AI evaluation): the state does not change meanwhile,
    so each unit's environment and modifiers are looked up once."""

    __slots__ = ("_env", "_flags", "_mods", "_static", "ctx", "state")

    def __init__(self, state: BattleState) -> None:
        self.state = state
        self.ctx = state.ctx
        self._env: dict[str, str] = {}
        self._mods: dict[tuple[str, str, str], Mods] = {}
        self._flags: dict[str, tuple[bool, bool]] = {}
        self._static: dict[str, tuple[UnitDef, PilotStats, int, int]] = {}

    def static(self, u: UnitState) -> tuple[UnitDef, PilotStats, int, int]:
        """(unit definition, pilot stats, base mobility, base armour) of `u`."""
        found = self._static.get(u.uid)
        if found is None:
            ctx = self.ctx
            found = self._static[u.uid] = (
                ctx.defs.units[u.unit_id],
                pilot_stats(ctx, u),
                base_mobility(ctx, u),
                base_armor(ctx, u),
            )
        return found

    def env(self, u: UnitState) -> str:
        found = self._env.get(u.uid)
        if found is None:
            found = self._env[u.uid] = environment(self.ctx, u)
        return found

    def mods(self, u: UnitState, role: Role, w: WeaponDef | None) -> Mods:
        flags = self._flags.get(u.uid)
        if flags is None:
            flags = self._flags[u.uid] = sensitivity(self.ctx, u)
        # Units whose modifiers ignore role/weapon share one result across them.
        key = (u.uid, role if flags[0] else "", w.id if w is not None and flags[1] else "")
        found = self._mods.get(key)
        if found is None:
            found = self._mods[key] = collect(self.ctx, u, role, w, self.env(u))
        return found


# ---- weapons ---------------------------------------------------------------------------------
def weapon_range(w: WeaponDef, mods: Mods) -> tuple[int, int]:
    """Min and max range with range modifiers (Snipe, sandstorm) on ranged, non-MAP weapons."""
    lo, hi = w.range_min, w.range_max
    if mods.range and not w.melee and not w.is_map and hi > 1:
        hi = max(lo, hi + mods.range)
    return lo, hi


def weapon_problem(state: BattleState, u: UnitState, w: WeaponDef, *, after_move: bool) -> str | None:
    """Why `u` cannot fire `w` now (None when it can). Written for the player."""
    if w.en_cost and u.en < w.en_cost:
        return f"{w.name} needs {w.en_cost} EN (has {u.en})"
    if w.ammo is not None and u.ammo.get(w.id, 0) <= 0:
        return f"{w.name} is out of ammo"
    if w.will and u.will < w.will:
        return f"{w.name} needs Will {w.will} (has {u.will})"
    if after_move and not w.post_move:
        return f"{w.name} cannot be used after moving (not a P weapon)"
    return None


def target_problem(
    state: BattleState, u: UnitState, w: WeaponDef, t: UnitState, memo: Scratch | None = None
) -> str | None:
    """Why `w` fired by `u` cannot reach `t` (None when it can)."""
    ctx = state.ctx
    if t.status != ACTIVE:
        return f"{t.uid} is not on the map"
    if not ctx.hostile(u.side, t.side):
        return f"{t.uid} is not an enemy"
    scratch = memo or Scratch(state)
    lo, hi = weapon_range(w, scratch.mods(u, "attack", w))
    d = distance(u.pos, t.pos)
    if not lo <= d <= hi:
        return f"{w.name} reaches {lo}-{hi} tiles; the target is {d} away"
    env = scratch.env(t)
    if not w.ranks.allows(env):
        return f"{w.name} cannot hit a target in {env}"
    return None


# ---- one strike ------------------------------------------------------------------------------
class StrikeCalc(NamedTuple):
    """One blow's numbers. A NamedTuple: immutable and cheap to build (forecasts build many)."""

    attacker: str
    target: str
    weapon: str
    role: StrikeRole
    hit: int
    crit: int  # 0 when Valor/Soul is active (no crit roll)
    damage: int  # on a normal hit, after the barrier (if affordable now) and the minimum
    crit_damage: int
    raw: int  # before barrier and minimum
    raw_crit: int
    barrier: int  # what the target's barrier subtracts, if it holds
    barrier_cost: int
    barrier_source: str | None
    valor: bool
    defending: bool
    evading: bool
    mercy: bool

    @property
    def expected(self) -> Fraction:
        """Expected damage (for the AI and auto-choices): hit% × (mix of normal and crit)."""
        normal = Fraction(self.damage * (100 - self.crit) + self.crit_damage * self.crit, 100)
        return normal * self.hit / 100

    def to_json(self) -> dict[str, object]:
        return {
            "attacker": self.attacker,
            "target": self.target,
            "weapon": self.weapon,
            "role": self.role,
            "hit": self.hit,
            "crit": self.crit,
            "damage": self.damage,
            "crit_damage": self.crit_damage,
            "barrier": self.barrier,
            "valor": self.valor,
            "defending": self.defending,
            "evading": self.evading,
        }


def strike(
    state: BattleState,
    a: UnitState,
    w: WeaponDef,
    t: UnitState,
    role: StrikeRole,
    *,
    defending: bool = False,
    evading: bool = False,
    memo: Scratch | None = None,
) -> StrikeCalc:
    """One blow of `a` with `w` on `t` in `role` (attack / support_attack / counter / map)."""
    ctx = state.ctx
    rules = ctx.defs.rules
    scratch = memo or Scratch(state)
    adef, ap, _, _ = scratch.static(a)
    tdef, tp, t_mobility, t_armor = scratch.static(t)
    env_t = scratch.env(t)
    am = scratch.mods(a, role, w)
    tm = scratch.mods(t, "defend", None)
    tt = performance(ctx, t, env_t)
    grid = ctx.grid
    on_ground = grid.space or not t.flying
    if on_ground:
        terrain = ctx.defs.terrains[grid.tiles[t.y * grid.width + t.x]]
        tile_evade, tile_defense = terrain.evade, terrain.defense
    else:
        tile_evade = tile_defense = 0
    fury = "fury" in am.flags
    hit = hit_chance(
        rules,
        HitInputs(
            pilot_hit=ap.hit,
            perf_attacker=performance(ctx, a, scratch.env(a)),
            weapon_hit=w.hit,
            pilot_evade=tp.evade,
            mobility=t_mobility + tm.mobility,
            perf_defender=tt,
            size_defender=tdef.size,
            distance=abs(a.x - t.x) + abs(a.y - t.y),
            tile_evade=tile_evade,
            hit_bonus=am.hit,
            evade_bonus=tm.evade,
            hit_set=am.hit_set,
            hit_taken_set=tm.hit_taken_set,
            evading=evading,
        ),
    )
    mults: list[Fraction] = []
    if am.damage_mul is not ONE:
        mults.append(am.damage_mul)
    if tm.damage_taken_fixed is not ONE:
        mults.append(tm.damage_taken_fixed)
    if not fury and tm.damage_taken_mul is not ONE:
        mults.append(tm.damage_taken_mul)
    if defending:
        mults.append(rules.defend_mul)
    if role == "support_attack":
        mults.append(rules.support_attack_mul)
    armor: Fraction | int = t_armor + tm.armor
    if tm.armor_pct:
        armor = Fraction(armor) * Fraction(100 + tm.armor_pct, 100)
    num, den = damage_base(
        rules,
        DamageInputs(
            power=weapon_power(ctx, a, w),
            weapon_rank_mul=rules.weapon_rank.get(w.ranks.get(env_t), ZERO),
            attack_stat=ap.melee if w.melee else ap.ranged,
            will_attacker=a.will,
            armor=armor,
            perf_defender=tt,
            pilot_defense=tp.defense,
            will_defender=t.will,
            size_attacker=adef.size,
            size_defender=tdef.size,
            tile_defense=tile_defense,
            ignore_size_penalty=fury or "ignore_size" in am.flags,
        ),
    )
    valor = am.valor
    if valor is not None:
        raw = raw_crit = scaled(num, den, [*mults, valor])
        crit = 0
    else:
        raw = scaled(num, den, mults)
        raw_crit = scaled(num, den, [*mults, rules.crit_mul])
        crit = crit_chance(ap.skill, tp.skill, w.crit, am.crit)
    barrier, cost, source = 0, 0, None
    for b in tm.barriers:
        if (fury and b.fury_pierces) or not b.stops(w):
            continue
        if b.value > barrier:
            barrier, cost, source = b.value, b.en_cost, b.source
    applied = barrier if barrier > 0 and t.en >= cost else 0
    low = rules.min_damage
    return StrikeCalc(
        attacker=a.uid,
        target=t.uid,
        weapon=w.id,
        role=role,
        hit=hit,
        crit=crit,
        damage=max(low, raw - applied),
        crit_damage=max(low, raw_crit - applied),
        raw=raw,
        raw_crit=raw_crit,
        barrier=barrier,
        barrier_cost=cost,
        barrier_source=source,
        valor=valor is not None,
        defending=defending,
        evading=evading,
        mercy="mercy" in am.flags,
    )


# ---- the exchange ----------------------------------------------------------------------------
class Forecast(NamedTuple):
    """Everything an exchange will do, before any roll (RULES §8)."""

    attacker: str
    defender: str
    weapon: str
    reaction: Reaction
    attack: StrikeCalc
    support_attacker: str | None
    support_attack: StrikeCalc | None
    support_defender: str | None
    counter: StrikeCalc | None
    counter_first: int  # % chance the defender's counter comes before the attack

    def strikes(self) -> list[StrikeCalc]:
        out = [self.attack]
        if self.support_attack is not None:
            out.append(self.support_attack)
        if self.counter is not None:
            out.append(self.counter)
        return out

    def to_json(self) -> dict[str, object]:
        return {
            "attacker": self.attacker,
            "defender": self.defender,
            "weapon": self.weapon,
            "reaction": self.reaction,
            "attack": self.attack.to_json(),
            "support_attacker": self.support_attacker,
            "support_attack": None if self.support_attack is None else self.support_attack.to_json(),
            "support_defender": self.support_defender,
            "counter": None if self.counter is None else self.counter.to_json(),
            "counter_first": self.counter_first,
        }


def counter_weapons(state: BattleState, d: UnitState, a: UnitState, memo: Scratch | None = None) -> list[WeaponDef]:
    """Weapons `d` could counter `a` with (any weapon, P or not; never MAP)."""
    ctx = state.ctx
    if "no_counter" in (memo or Scratch(state)).mods(d, "counter", None).flags:
        return []
    return [
        w
        for w in unit_def(ctx, d).weapons
        if not w.is_map
        and weapon_problem(state, d, w, after_move=False) is None
        and target_problem(state, d, w, a, memo) is None
    ]


def best_strike(
    state: BattleState,
    a: UnitState,
    weapons: list[WeaponDef],
    t: UnitState,
    role: StrikeRole,
    memo: Scratch | None = None,
    **kw: bool,
) -> StrikeCalc | None:
    """The strike with the highest expected damage (first weapon wins ties)."""
    best: StrikeCalc | None = None
    for w in weapons:
        calc = strike(state, a, w, t, role, memo=memo, **kw)
        if best is None or calc.expected > best.expected:
            best = calc
    return best


def best_weapon(
    state: BattleState, a: UnitState, weapons: list[WeaponDef], t: UnitState, role: StrikeRole
) -> WeaponDef | None:
    calc = best_strike(state, a, weapons, t, role)
    return None if calc is None else unit_def(state.ctx, a).weapon(calc.weapon)


def _adjacent_friends(state: BattleState, u: UnitState) -> list[UnitState]:
    ctx = state.ctx
    team = ctx.team(u.side)
    x, y = u.x, u.y
    at = state.positions()
    out = []
    for pos in ((x, y - 1), (x + 1, y), (x, y + 1), (x - 1, y)):
        s = at.get(pos)
        if s is not None and ctx.team(s.side) == team:
            out.append(s)
    return out


def support_attackers(
    state: BattleState, a: UnitState, t: UnitState, memo: Scratch | None = None, **kw: bool
) -> list[StrikeCalc]:
    """Adjacent friends of the attacker with a support-attack charge left and a weapon that reaches,
    each with its best support strike on `t`."""
    ctx = state.ctx
    out = []
    for s in _adjacent_friends(state, a):
        if s.acted or (memo or Scratch(state)).mods(s, "support_attack", None).support_attack <= (s.support_attacks):
            continue
        weapons = [
            w
            for w in unit_def(ctx, s).weapons
            if not w.is_map
            and weapon_problem(state, s, w, after_move=False) is None
            and target_problem(state, s, w, t, memo) is None
        ]
        calc = best_strike(state, s, weapons, t, "support_attack", memo, **kw)
        if calc is not None:
            out.append(calc)
    return out


def support_defenders(
    state: BattleState, d: UnitState, memo: Scratch | None = None, weapon: WeaponDef | None = None
) -> list[UnitState]:
    """Adjacent friends of `d` with a support-defend charge left. With `weapon`, only those it
    could attack where they stand: a friend in terrain the weapon cannot hit (rank `-`) cannot
    take the blow for `d` either."""
    scratch = memo or Scratch(state)
    return [
        s
        for s in _adjacent_friends(state, d)
        if scratch.mods(s, "defend", None).support_defend > s.support_defends
        and (weapon is None or weapon.ranks.allows(scratch.env(s)))
    ]


def forecast(
    state: BattleState,
    attacker: str,
    weapon: str,
    target: str,
    reaction: str = "counter",
    *,
    counter_weapon: str | Pick = AUTO,
    support_attack: str | Pick = AUTO,
    support_defend: str | Pick = AUTO,
    check: bool = True,
) -> Forecast:
    """The exchange `attacker` starts with `weapon` on `target`, the target reacting with `reaction`
    (a string: commands read from JSON get here unchecked)."""
    ctx = state.ctx
    a = state.unit(attacker)
    t = state.unit(target)
    if not is_reaction(reaction):
        raise IllegalCommand(f"reaction must be one of {', '.join(REACTIONS)}, not {reaction!r}")
    adef = unit_def(ctx, a)
    if not adef.has_weapon(weapon):
        raise IllegalCommand(f"{adef.name} has no weapon {weapon!r}")
    w = adef.weapon(weapon)
    memo = Scratch(state)
    if check:
        if w.is_map:
            raise IllegalCommand(f"{w.name} is a MAP weapon: fire it at an area")
        problem = weapon_problem(state, a, w, after_move=a.moved) or target_problem(state, a, w, t, memo)
        if problem:
            raise IllegalCommand(problem)
    fury = "fury" in memo.mods(a, "attack", w).flags

    # Support defend: an adjacent friend takes the hits, defending.
    guard: UnitState | None = None
    guard_calc: StrikeCalc | None = None
    if support_defend != NONE and not fury:
        candidates = support_defenders(state, t, memo, w)
        if support_defend == AUTO:
            best_left = None
            for s in candidates:
                calc = strike(state, a, w, s, "attack", defending=True, memo=memo)
                left = (s.hp - calc.damage, s.uid)
                if best_left is None or left > best_left:
                    best_left, guard, guard_calc = left, s, calc
        else:
            guard = next((s for s in candidates if s.uid == support_defend), None)
            if guard is None:
                raise IllegalCommand(f"{support_defend} cannot support-defend {t.uid}")
    victim = guard if guard is not None else t
    defending = guard is not None or reaction == "defend"
    evading = guard is None and reaction == "evade"
    attack = guard_calc or strike(state, a, w, victim, "attack", defending=defending, evading=evading, memo=memo)

    # Support attack: an adjacent friend of the attacker strikes after the main attack.
    support_calc: StrikeCalc | None = None
    if support_attack != NONE:
        helpers = support_attackers(state, a, victim, memo, defending=defending, evading=evading)
        if support_attack == AUTO:
            for calc in helpers:
                if support_calc is None or (calc.expected, calc.attacker) > (
                    support_calc.expected,
                    support_calc.attacker,
                ):
                    support_calc = calc
        else:
            support_calc = next((c for c in helpers if c.attacker == support_attack), None)
            if support_calc is None:
                raise IllegalCommand(f"{support_attack} cannot support-attack {t.uid}")

    # Counter: the original defender shoots back if it chose to and can.
    counter = None
    first = 0
    if reaction == "counter":
        options = counter_weapons(state, t, a, memo)
        if counter_weapon != AUTO:
            options = [o for o in options if o.id == counter_weapon]
            if not options:
                raise IllegalCommand(f"{t.uid} cannot counter with {counter_weapon!r}")
        counter = best_strike(state, t, options, a, "counter", memo)
        if counter is not None:
            cw = unit_def(ctx, t).weapon(counter.weapon)
            first = max(0, min(100, memo.mods(t, "counter", cw).counter_first))
    return Forecast(
        attacker=a.uid,
        defender=t.uid,
        weapon=w.id,
        reaction=reaction,
        attack=attack,
        support_attacker=None if support_calc is None else support_calc.attacker,
        support_attack=support_calc,
        support_defender=None if guard is None else guard.uid,
        counter=counter,
        counter_first=first,
    )


def forecast_attack(state: BattleState, attack: Attack) -> Forecast:
    """The forecast of exactly the exchange `attack` asks for (what `apply` will resolve)."""
    return forecast(
        state,
        attack.unit,
        attack.weapon,
        attack.target,
        attack.reaction,
        counter_weapon=attack.counter_weapon,
        support_attack=attack.support_attack,
        support_defend=attack.support_defend,
    )
