"""Combat numbers from the battle state (RULES §4–8).

`strike` computes one blow's hit%, damage and crit% from the state; `forecast` assembles
the whole exchange (attack, support attack, counter, support defend) from the same
function, and `game.core.engine` resolves exactly that forecast with rolls. The forecast
draws nothing from the RNG.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

from game.core.defs import WeaponDef
from game.core.errors import IllegalCommand
from game.core.formulas import REACTIONS, DamageInputs, HitInputs, crit_chance, damage, finish_damage, hit_chance
from game.core.grid import distance
from game.core.modifiers import Mods, collect
from game.core.state import ACTIVE
from game.core.stats import base_armor, base_mobility, environment, performance, pilot_stats, unit_def, weapon_power

if TYPE_CHECKING:
    from game.core.state import BattleState, UnitState

AUTO = "auto"
NONE = "none"


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


def target_problem(state: BattleState, u: UnitState, w: WeaponDef, t: UnitState) -> str | None:
    """Why `w` fired by `u` cannot reach `t` (None when it can)."""
    ctx = state.ctx
    if t.status != ACTIVE:
        return f"{t.uid} is not on the map"
    if not ctx.hostile(u.side, t.side):
        return f"{t.uid} is not an enemy"
    lo, hi = weapon_range(w, collect(ctx, u, "attack", w))
    d = distance(u.pos, t.pos)
    if not lo <= d <= hi:
        return f"{w.name} reaches {lo}-{hi} tiles; the target is {d} away"
    env = environment(ctx, t)
    if not w.ranks.allows(env):
        return f"{w.name} cannot hit a target in {env}"
    return None


# ---- one strike ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class StrikeCalc:
    attacker: str
    target: str
    weapon: str
    role: str  # attack | support_attack | counter
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
    role: str,
    *,
    defending: bool = False,
    evading: bool = False,
) -> StrikeCalc:
    ctx = state.ctx
    rules = ctx.defs.rules
    adef, tdef = unit_def(ctx, a), unit_def(ctx, t)
    env_a, env_t = environment(ctx, a), environment(ctx, t)
    am = collect(ctx, a, role, w, env_a)
    tm = collect(ctx, t, "defend", None, env_t)
    ap, tp = pilot_stats(ctx, a), pilot_stats(ctx, t)
    ta, tt = performance(ctx, a, env_a), performance(ctx, t, env_t)
    terrain = ctx.defs.terrains[ctx.grid.terrain_id(t.pos)]
    on_ground = ctx.grid.space or not t.flying
    tile_evade = terrain.evade if on_ground else 0
    tile_defense = terrain.defense if on_ground else 0
    fury = "fury" in am.flags
    hit = hit_chance(
        rules,
        HitInputs(
            pilot_hit=ap.hit,
            perf_attacker=ta,
            weapon_hit=w.hit,
            pilot_evade=tp.evade,
            mobility=base_mobility(ctx, t) + tm.mobility,
            perf_defender=tt,
            size_defender=tdef.size,
            distance=distance(a.pos, t.pos),
            tile_evade=tile_evade,
            hit_bonus=am.hit,
            evade_bonus=tm.evade,
            hit_set=am.hit_set,
            hit_taken_set=tm.hit_taken_set,
            evading=evading,
        ),
    )
    mults: list[Fraction] = [am.damage_mul, tm.damage_taken_fixed]
    if not fury:
        mults.append(tm.damage_taken_mul)
    if defending:
        mults.append(rules.defend_mul)
    if role == "support_attack":
        mults.append(rules.support_attack_mul)
    armor = Fraction(base_armor(ctx, t) + tm.armor) * Fraction(100 + tm.armor_pct, 100)
    base = DamageInputs(
        power=weapon_power(ctx, a, w),
        weapon_rank_mul=rules.weapon_rank.get(w.ranks.get(env_t), Fraction(0)),
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
    )
    valor = am.valor
    if valor is not None:
        raw = damage(rules, _with(base, [*mults, valor]))
        raw_crit = raw
        crit = 0
    else:
        raw = damage(rules, _with(base, mults))
        raw_crit = damage(rules, _with(base, [*mults, rules.crit_mul]))
        crit = crit_chance(ap.skill, tp.skill, w.crit, am.crit)
    barrier, cost, source = 0, 0, None
    for b in tm.barriers:
        if (fury and b.fury_pierces) or not b.stops(w):
            continue
        if b.value > barrier:
            barrier, cost, source = b.value, b.en_cost, b.source
    holds = barrier > 0 and t.en >= cost
    applied = barrier if holds else 0
    return StrikeCalc(
        attacker=a.uid,
        target=t.uid,
        weapon=w.id,
        role=role,
        hit=hit,
        crit=crit,
        damage=finish_damage(rules, raw, applied),
        crit_damage=finish_damage(rules, raw_crit, applied),
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


def _with(base: DamageInputs, mults: list[Fraction]) -> DamageInputs:
    return DamageInputs(
        base.power,
        base.weapon_rank_mul,
        base.attack_stat,
        base.will_attacker,
        base.armor,
        base.perf_defender,
        base.pilot_defense,
        base.will_defender,
        base.size_attacker,
        base.size_defender,
        base.tile_defense,
        base.ignore_size_penalty,
        tuple(m for m in mults if m != 1),
    )


# ---- the exchange ----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Forecast:
    """Everything an exchange will do, before any roll (RULES §8)."""

    attacker: str
    defender: str
    weapon: str
    reaction: str
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


def counter_weapons(state: BattleState, d: UnitState, a: UnitState) -> list[WeaponDef]:
    """Weapons `d` could counter `a` with (any weapon, P or not; never MAP)."""
    ctx = state.ctx
    if "no_counter" in collect(ctx, d, "counter").flags:
        return []
    out = []
    for w in unit_def(ctx, d).weapons:
        if w.is_map or weapon_problem(state, d, w, after_move=False) is not None:
            continue
        if target_problem(state, d, w, a) is None:
            out.append(w)
    return out


def best_weapon(
    state: BattleState, a: UnitState, weapons: list[WeaponDef], t: UnitState, role: str
) -> WeaponDef | None:
    best, best_value = None, Fraction(-1)
    for w in weapons:
        value = strike(state, a, w, t, role).expected
        if value > best_value:
            best, best_value = w, value
    return best


def support_attackers(state: BattleState, a: UnitState, t: UnitState) -> list[tuple[UnitState, WeaponDef]]:
    """Adjacent friends of the attacker with a support-attack charge left and a weapon that reaches."""
    ctx = state.ctx
    out = []
    for s in state.units.values():
        if s.status != ACTIVE or s.uid == a.uid or not ctx.friendly(s.side, a.side):
            continue
        if distance(s.pos, a.pos) != 1 or s.acted:
            continue
        if collect(ctx, s, "support_attack").support_attack <= s.support_attacks:
            continue
        weapons = [
            w
            for w in unit_def(ctx, s).weapons
            if not w.is_map
            and weapon_problem(state, s, w, after_move=False) is None
            and target_problem(state, s, w, t) is None
        ]
        w = best_weapon(state, s, weapons, t, "support_attack")
        if w is not None:
            out.append((s, w))
    return out


def support_defenders(state: BattleState, d: UnitState) -> list[UnitState]:
    ctx = state.ctx
    out = []
    for s in state.units.values():
        if s.status != ACTIVE or s.uid == d.uid or not ctx.friendly(s.side, d.side):
            continue
        if distance(s.pos, d.pos) != 1:
            continue
        if collect(ctx, s, "defend").support_defend <= s.support_defends:
            continue
        out.append(s)
    return out


def forecast(
    state: BattleState,
    attacker: str,
    weapon: str,
    target: str,
    reaction: str = "counter",
    *,
    counter_weapon: str = AUTO,
    support_attack: str = AUTO,
    support_defend: str = AUTO,
    check: bool = True,
) -> Forecast:
    """The exchange `attacker` starts with `weapon` on `target`, the target reacting with `reaction`."""
    ctx = state.ctx
    a = state.unit(attacker)
    t = state.unit(target)
    if reaction not in REACTIONS:
        raise IllegalCommand(f"reaction must be one of {', '.join(REACTIONS)}, not {reaction!r}")
    adef = unit_def(ctx, a)
    if not adef.has_weapon(weapon):
        raise IllegalCommand(f"{adef.name} has no weapon {weapon!r}")
    w = adef.weapon(weapon)
    if check:
        if w.is_map:
            raise IllegalCommand(f"{w.name} is a MAP weapon: fire it at an area")
        problem = weapon_problem(state, a, w, after_move=a.moved) or target_problem(state, a, w, t)
        if problem:
            raise IllegalCommand(problem)
    fury = "fury" in collect(ctx, a, "attack", w).flags

    # Support defend: an adjacent friend takes the hits, defending.
    guard: UnitState | None = None
    if support_defend != NONE and not fury:
        candidates = support_defenders(state, t)
        if support_defend == AUTO:
            if candidates:
                guard = max(
                    candidates,
                    key=lambda s: (s.hp - strike(state, a, w, s, "attack", defending=True).damage, s.uid),
                )
        else:
            guard = next((s for s in candidates if s.uid == support_defend), None)
            if guard is None:
                raise IllegalCommand(f"{support_defend} cannot support-defend {t.uid}")
    victim = guard if guard is not None else t
    attack = strike(
        state,
        a,
        w,
        victim,
        "attack",
        defending=guard is not None or reaction == "defend",
        evading=guard is None and reaction == "evade",
    )

    # Support attack: an adjacent friend of the attacker strikes after the main attack.
    helper: tuple[UnitState, WeaponDef] | None = None
    if support_attack != NONE:
        helpers = support_attackers(state, a, t)
        if support_attack == AUTO:
            if helpers:
                helper = max(
                    helpers,
                    key=lambda sw: (strike(state, sw[0], sw[1], t, "support_attack").expected, sw[0].uid),
                )
        else:
            helper = next((h for h in helpers if h[0].uid == support_attack), None)
            if helper is None:
                raise IllegalCommand(f"{support_attack} cannot support-attack {t.uid}")
    support_calc = None
    if helper is not None:
        support_calc = strike(
            state,
            helper[0],
            helper[1],
            victim,
            "support_attack",
            defending=guard is not None or reaction == "defend",
            evading=guard is None and reaction == "evade",
        )

    # Counter: the original defender shoots back if it chose to and can.
    counter = None
    first = 0
    if reaction == "counter":
        options = counter_weapons(state, t, a)
        cw: WeaponDef | None
        if counter_weapon == AUTO:
            cw = best_weapon(state, t, options, a, "counter")
        else:
            cw = next((o for o in options if o.id == counter_weapon), None)
            if cw is None:
                raise IllegalCommand(f"{t.uid} cannot counter with {counter_weapon!r}")
        if cw is not None:
            counter = strike(state, t, cw, a, "counter")
            first = max(0, min(100, collect(ctx, t, "counter", cw).counter_first))
    return Forecast(
        attacker=a.uid,
        defender=t.uid,
        weapon=w.id,
        reaction=reaction,
        attack=attack,
        support_attacker=None if helper is None else helper[0].uid,
        support_attack=support_calc,
        support_defender=None if guard is None else guard.uid,
        counter=counter,
        counter_first=first,
    )
