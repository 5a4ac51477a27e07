"""Aggregating a unit's active modifiers (spirits, statuses, skills, abilities, weather).

Every ongoing effect key of `game.core.effects` is interpreted here, once, into a `Mods`
record that the combat, movement and phase code read.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, NamedTuple

from game.core.caches import MODS_LIMIT, EffectKey, ModsKey
from game.core.defs import WeaponDef
from game.core.effects import ADDITIVE_KEYS, BARRIER_KEY, DEVICE_KEYS, FLAG_KEYS, FLOOR_KEYS, Modifier, Role, When
from game.core.stats import hp_pct, pilot_def, unit_def

if TYPE_CHECKING:
    from game.core.context import BattleContext
    from game.core.state import UnitState

ONE = Fraction(1)


@dataclass(slots=True)
class Barrier:
    source: str
    value: int
    types: frozenset[str]
    en_cost: int
    fury_pierces: bool

    def stops(self, weapon: WeaponDef) -> bool:
        return not self.types or weapon.type in self.types


@dataclass(slots=True)
class Mods:
    hit: int = 0
    evade: int = 0
    crit: int = 0
    mobility: int = 0
    armor: int = 0
    armor_pct: int = 0
    move: int = 0
    range: int = 0
    sp_regen: int = 0
    hp_regen_pct: int = 0
    en_regen_pct: int = 0
    will_per_phase: int = 0
    start_will: int = 0
    support_attack: int = 0
    support_defend: int = 0
    substitute: int = 0
    counter_first: int = 0
    exp_pct: int = 0
    unit_rank_at_least: int = 0  # the largest floor applies (A-Adapter)
    damage_mul: Fraction = ONE
    damage_taken_mul: Fraction = ONE  # Fury ignores these
    damage_taken_fixed: Fraction = ONE  # effects marked fury_pierces: false
    valor: Fraction | None = None
    funds_mul: Fraction = ONE
    exp_mul: Fraction = ONE
    sp_cost_mul: Fraction = ONE
    hit_set: int | None = None
    hit_taken_set: int | None = None
    flags: set[str] = field(default_factory=set)
    barriers: list[Barrier] = field(default_factory=list)
    repair: int = 0
    supply: int | None = None

    def add(self, mod: Modifier, level: int, source: str) -> None:
        key = mod.key
        value = mod.scaled(level)
        if key in ADDITIVE_KEYS:
            setattr(self, key, getattr(self, key) + int(value))
        elif key == "damage_taken_mul":
            if mod.fury_pierces:
                self.damage_taken_mul *= value
            else:
                self.damage_taken_fixed *= value
        elif key == "valor":
            self.valor = value if self.valor is None else max(self.valor, value)
        elif key in ("damage_mul", "funds_mul", "exp_mul", "sp_cost_mul"):
            setattr(self, key, getattr(self, key) * value)
        elif key == "hit_set":
            v = int(value)
            self.hit_set = v if self.hit_set is None else max(self.hit_set, v)
        elif key == "hit_taken_set":
            v = int(value)
            self.hit_taken_set = v if self.hit_taken_set is None else min(self.hit_taken_set, v)
        elif key in FLOOR_KEYS:
            setattr(self, key, max(getattr(self, key), int(value)))
        elif key in FLAG_KEYS:
            self.flags.add(key)
        elif key == BARRIER_KEY:
            self.barriers.append(Barrier(source, int(value), mod.types, mod.en_cost, mod.fury_pierces))
        elif key in DEVICE_KEYS:
            if key == "repair":
                self.repair = max(self.repair, int(value))
            else:
                self.supply = int(value) if self.supply is None else min(self.supply, int(value))
        # Instant keys only act when a spirit is cast.


def _static_sources(ctx: BattleContext, u: UnitState) -> tuple[tuple[Modifier, int, str], ...]:
    """Skills, abilities and battle-wide effects: fixed per (unit, pilot), so memoised."""
    key = (u.unit_id, u.pilot_id)
    found = ctx._cache.static_mods.get(key)
    if found is None:
        defs = ctx.defs
        out: list[tuple[Modifier, int, str]] = []
        p = pilot_def(ctx, u)
        if p is not None:
            for ref in p.skills:
                skill = defs.skills.get(ref.id)
                if skill is not None:
                    out.extend((m, ref.level, "skill:" + ref.id) for m in skill.effects)
        for aref in unit_def(ctx, u).abilities:
            ability = defs.abilities.get(aref.id)
            if ability is not None:
                out.extend((m, aref.level, "ability:" + aref.id) for m in ability.effects)
        out.extend((m, 1, "battle") for m in ctx.global_effects)
        found = ctx._cache.static_mods[key] = tuple(out)
    return found


def sources(ctx: BattleContext, u: UnitState) -> Iterator[tuple[Modifier, int, str]]:
    """Every modifier that could apply to `u`, with its level and a source label."""
    defs = ctx.defs
    for e in u.effects:
        if e.kind == "spirit":
            spirit = defs.spirits.get(e.id)
            if spirit is not None:
                for m in spirit.effects:
                    yield m, 1, "spirit:" + e.id
        elif e.kind == "part":
            part = defs.parts.get(e.id)
            if part is not None:
                for m in part.effects:
                    yield m, 1, "part:" + e.id
        elif e.kind != "item":  # a consumable's charge does nothing until it is used
            status = defs.statuses.get(e.id)
            if status is not None:
                for m in status.effects:
                    yield m, 1, "status:" + e.id
    yield from _static_sources(ctx, u)


def _applies(
    when: When,
    ctx: BattleContext,
    u: UnitState,
    role: Role | None,
    weapon: WeaponDef | None,
    env: str | None,
    cache: dict[str, int],
) -> bool:
    if when.will_at_least is not None and u.will < when.will_at_least:
        return False
    if when.hp_pct_at_most is not None or when.hp_pct_at_least is not None:
        pct = cache.get("hp")
        if pct is None:
            pct = cache["hp"] = hp_pct(ctx, u)
        if when.hp_pct_at_most is not None and pct > when.hp_pct_at_most:
            return False
        if when.hp_pct_at_least is not None and pct < when.hp_pct_at_least:
            return False
    if when.roles and role not in when.roles:
        return False
    if when.weapon_tags and (weapon is None or not (when.weapon_tags & weapon.tags)):
        return False
    if when.melee is not None and (weapon is None or weapon.melee != when.melee):
        return False
    return not (when.environments and env not in when.environments)


class Profile(NamedTuple):
    """Every modifier a unit can have with its current effects, and what their conditions read."""

    mods: tuple[tuple[Modifier, int, str], ...]
    role: bool
    weapon: bool
    env: bool
    will: bool
    hp: bool


def _profile(ctx: BattleContext, u: UnitState, effects: EffectKey) -> Profile:
    key = (u.unit_id, u.pilot_id, effects)
    found = ctx._cache.profiles.get(key)
    if found is None:
        mods = tuple(sources(ctx, u))
        whens = [m.when for m, _, _ in mods]
        found = ctx._cache.profiles[key] = Profile(
            mods,
            any(w.roles for w in whens),
            any(w.weapon_tags or w.melee is not None for w in whens),
            any(w.environments for w in whens),
            any(w.will_at_least is not None for w in whens),
            any(w.hp_pct_at_most is not None or w.hp_pct_at_least is not None for w in whens),
        )
    return found


def sensitivity(ctx: BattleContext, u: UnitState) -> tuple[bool, bool]:
    """Whether any modifier on `u` depends on (role, weapon): when neither does, `collect`
    gives the same answer for every role and weapon."""
    p = _profile(ctx, u, tuple((e.kind, e.id) for e in u.effects))
    return p.role, p.weapon


def collect(
    ctx: BattleContext,
    u: UnitState,
    role: Role | None = None,
    weapon: WeaponDef | None = None,
    env: str | None = None,
) -> Mods:
    """The modifiers active on `u` in this situation (role: attack/counter/support_attack/defend).

    The result is memoised on the context by everything its conditions read, and shared:
    callers must treat it as read-only.
    """
    effects: EffectKey = tuple([(e.kind, e.id) for e in u.effects]) if u.effects else ()
    tables = ctx._cache
    p = tables.profiles.get((u.unit_id, u.pilot_id, effects)) or _profile(ctx, u, effects)
    key: ModsKey = (
        u.unit_id,
        u.pilot_id,
        effects,
        role if p.role else None,
        weapon.id if p.weapon and weapon is not None else None,
        env if p.env else None,
        u.will if p.will else None,
        hp_pct(ctx, u) if p.hp else None,
    )
    memo = tables.mods
    found = memo.get(key)
    if found is not None:
        return found
    mods = Mods()
    cache: dict[str, int] = {}
    for m, level, source in p.mods:
        if m.when.always or _applies(m.when, ctx, u, role, weapon, env, cache):
            mods.add(m, level, source)
    if len(memo) > MODS_LIMIT:
        memo.clear()
    memo[key] = mods
    return mods
