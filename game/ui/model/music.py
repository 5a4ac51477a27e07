"""Which music track a battle plays, from what the scenario and its map say."""

from __future__ import annotations

from game.core import BattleContext
from game.core.defs import UnitDef

EARTH_TERRAIN = frozenset({"road", "building", "skyscraper", "town", "bridge", "tower"})
BOSS_HP = 10000  # a unit this big arriving on the map is a boss: its theme plays


def battle_music(ctx: BattleContext) -> str:
    named = ctx.info.get("music") if ctx.info else None
    if isinstance(named, str) and named:
        return named
    if ctx.grid.space:
        return "space"
    if EARTH_TERRAIN & set(ctx.grid.tiles):
        return "occupied_earth"
    return "mars"


def is_boss(unit: UnitDef, side: str) -> bool:
    return side == "enemy" and unit.hp >= BOSS_HP
