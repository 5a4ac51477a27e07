"""Effective numbers of a unit in battle: definitions + level + upgrades (+ modifiers)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.core.defs import PilotDef, PilotStats, UnitDef, WeaponDef, WillGains

if TYPE_CHECKING:
    from game.core.context import BattleContext
    from game.core.state import UnitState

NO_PILOT = PilotStats()


def unit_def(ctx: BattleContext, u: UnitState) -> UnitDef:
    return ctx.defs.units[u.unit_id]


def pilot_def(ctx: BattleContext, u: UnitState) -> PilotDef | None:
    return None if u.pilot_id is None else ctx.defs.pilots[u.pilot_id]


def pilot_stats(ctx: BattleContext, u: UnitState) -> PilotStats:
    key = (u.pilot_id, u.level)
    memo = ctx._cache.pilot_stats
    found = memo.get(key)
    if found is None:
        p = pilot_def(ctx, u)
        found = NO_PILOT if p is None else p.stats_at(u.level)
        memo[key] = found
    return found


def upgrade_gain(per_step: int | tuple[int, ...], steps: int) -> int:
    """What `steps` upgrade steps add: a flat gain per step, or the sum of a gain curve whose
    last value repeats past its end."""
    if steps <= 0:
        return 0
    if isinstance(per_step, int):
        return per_step * steps
    if not per_step:
        return 0
    return sum(per_step[:steps]) + max(0, steps - len(per_step)) * per_step[-1]


def max_hp(ctx: BattleContext, u: UnitState) -> int:
    return ctx.defs.units[u.unit_id].hp + upgrade_gain(ctx.defs.rules.upgrade_hp, u.upgrades.get("hp", 0))


def max_en(ctx: BattleContext, u: UnitState) -> int:
    return ctx.defs.units[u.unit_id].en + upgrade_gain(ctx.defs.rules.upgrade_en, u.upgrades.get("en", 0))


def base_mobility(ctx: BattleContext, u: UnitState) -> int:
    gain = upgrade_gain(ctx.defs.rules.upgrade_mobility, u.upgrades.get("mobility", 0))
    return ctx.defs.units[u.unit_id].mobility + gain


def base_armor(ctx: BattleContext, u: UnitState) -> int:
    return ctx.defs.units[u.unit_id].armor + upgrade_gain(ctx.defs.rules.upgrade_armor, u.upgrades.get("armor", 0))


def weapon_power(ctx: BattleContext, u: UnitState, w: WeaponDef) -> int:
    return w.power + upgrade_gain(ctx.defs.rules.upgrade_weapon, u.upgrades.get("weapons", 0))


def max_sp(ctx: BattleContext, u: UnitState) -> int:
    return pilot_stats(ctx, u).sp if u.pilot_id is not None else 0


def will_profile(ctx: BattleContext, pilot_id: str | None) -> tuple[bool, int, int, WillGains]:
    """(changes Will at all, min, max, gains by outcome) for a pilot; memoised."""
    found = ctx._cache.will.get(pilot_id)
    if found is None:
        rules = ctx.defs.rules
        p = None if pilot_id is None else ctx.defs.pilots[pilot_id]
        top = rules.will_max if p is None or p.max_will is None else p.max_will
        personality = "none" if p is None else p.personality
        gains = rules.will_table.get(personality) or WillGains(0, 0, 0, 0, 0, 0)
        found = ctx._cache.will[pilot_id] = (personality != "none", rules.will_min, top, gains)
    return found


def will_limits(ctx: BattleContext, u: UnitState) -> tuple[int, int]:
    _, lo, hi, _ = will_profile(ctx, u.pilot_id)
    return lo, hi


def start_will(ctx: BattleContext, pilot: PilotDef | None) -> int:
    rules = ctx.defs.rules
    return rules.will_start if pilot is None or pilot.start_will is None else pilot.start_will


def has_will(ctx: BattleContext, u: UnitState) -> bool:
    """Unmanned units and pilots of personality `none` never change Will."""
    return will_profile(ctx, u.pilot_id)[0]


def environment(ctx: BattleContext, u: UnitState) -> str:
    grid = ctx.grid
    return grid.environment(ctx.defs.terrains[grid.terrain_id(u.pos)], u.flying)


def hp_pct(ctx: BattleContext, u: UnitState) -> int:
    top = max_hp(ctx, u)
    return (u.hp * 100) // top if top > 0 else 0
