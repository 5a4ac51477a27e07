"""What the hover panel and the status screen show about a unit, read from the engine."""

from __future__ import annotations

from dataclasses import dataclass

from game.core import BattleState
from game.core.combat import weapon_range
from game.core.modifiers import collect
from game.core.movement import move_budget
from game.core.ranks import ENVIRONMENTS
from game.core.spirits import known_spirits, sp_cost
from game.core.stats import (
    base_armor,
    base_mobility,
    max_en,
    max_hp,
    max_sp,
    pilot_def,
    pilot_stats,
    unit_def,
    weapon_power,
)


@dataclass(frozen=True)
class WeaponLine:
    name: str
    range: str
    power: int
    hit: int
    crit: int
    cost: str
    flags: str  # P (after move), MAP, melee/beam ...
    ranks: str
    will: int


@dataclass(frozen=True)
class UnitInfo:
    uid: str
    name: str
    side: str
    pilot: str
    level: int
    hp: int
    max_hp: int
    en: int
    max_en: int
    will: int
    sp: int
    max_sp: int
    move: int
    mobility: int
    armor: int
    size: str
    unit_ranks: str
    pilot_ranks: str
    pilot_stats: tuple[tuple[str, int], ...]
    weapons: tuple[WeaponLine, ...]
    spirits: tuple[tuple[str, int, bool], ...]  # name, SP cost, active now
    skills: tuple[str, ...]
    abilities: tuple[str, ...]
    effects: tuple[str, ...]
    flying: bool
    kills: int
    exp: int
    description: str
    parts: tuple[str, ...] = ()  # skill parts and consumables carried (spirits and statuses: `effects`)
    notes: tuple[tuple[str, str], ...] = ()  # skills and abilities: (name, what it does)


def unit_info(state: BattleState, uid: str) -> UnitInfo:
    ctx = state.ctx
    defs = ctx.defs
    u = state.unit(uid)
    udef = unit_def(ctx, u)
    p = pilot_def(ctx, u)
    ps = pilot_stats(ctx, u)
    mods = collect(ctx, u)
    weapons = []
    for w in udef.weapons:
        lo, hi = weapon_range(w, collect(ctx, u, "attack", w))
        costs = []
        if w.en_cost:
            costs.append(f"{w.en_cost} EN")
        if w.ammo is not None:
            costs.append(f"{u.ammo.get(w.id, 0)}/{w.ammo}")
        flags = []
        if w.post_move:
            flags.append("P")
        if w.is_map:
            flags.append("MAP")
        flags.append("melee" if w.melee else w.type)
        weapons.append(
            WeaponLine(
                w.name,
                f"{lo}" if lo == hi else f"{lo}-{hi}",
                weapon_power(ctx, u, w),
                w.hit,
                w.crit,
                " ".join(costs) or "-",
                " ".join(flags),
                "".join(w.ranks.get(e) for e in ENVIRONMENTS),
                w.will,
            )
        )
    active = {e.id for e in u.effects if e.kind == "spirit"}
    spirits = tuple((defs.spirits[r.id].name, sp_cost(state, u, r), r.id in active) for r in known_spirits(state, u))
    skills: tuple[str, ...] = ()
    if p is not None:
        skills = tuple(
            defs.skills[s.id].name + (f" L{s.level}" if defs.skills[s.id].max_level > 1 else "")
            for s in p.skills
            if s.id in defs.skills
        )
    abilities = tuple(defs.abilities[a.id].name for a in udef.abilities if a.id in defs.abilities)
    # (name, what it does) for the status screen's details page
    notes: list[tuple[str, str]] = []
    if p is not None:
        notes += [
            (name, defs.skills[s.id].description)
            for name, s in zip(skills, (s for s in p.skills if s.id in defs.skills), strict=True)
        ]
    notes += [
        (defs.abilities[a.id].name, defs.abilities[a.id].description) for a in udef.abilities if a.id in defs.abilities
    ]
    effects = []
    parts: dict[str, int] = {}  # skill parts and consumables (one `item` effect per use)
    for e in u.effects:
        if e.kind in ("part", "item"):
            part = defs.parts.get(e.id)
            name = part.name if part is not None else e.id
            parts[name] = parts.get(name, 0) + 1
            continue
        table = defs.spirits if e.kind == "spirit" else defs.statuses
        d = table.get(e.id)
        effects.append(d.name if d is not None else e.id)
    stats = (
        ("Melee", ps.melee),
        ("Ranged", ps.ranged),
        ("Skill", ps.skill),
        ("Defense", ps.defense),
        ("Hit", ps.hit),
        ("Evade", ps.evade),
    )
    return UnitInfo(
        uid=u.uid,
        name=udef.name,
        side=u.side,
        pilot=p.name if p is not None else "(unmanned)",
        level=u.level,
        hp=u.hp,
        max_hp=max_hp(ctx, u),
        en=u.en,
        max_en=max_en(ctx, u),
        will=u.will,
        sp=u.sp,
        max_sp=max_sp(ctx, u),
        move=move_budget(state, u),
        mobility=base_mobility(ctx, u) + mods.mobility,
        armor=base_armor(ctx, u) + mods.armor,
        size=udef.size,
        unit_ranks=str(udef.ranks),
        pilot_ranks=str(p.ranks) if p is not None else "-",
        pilot_stats=stats if p is not None else (),
        weapons=tuple(weapons),
        spirits=spirits,
        skills=skills,
        abilities=abilities,
        effects=tuple(effects),
        parts=tuple(name if n == 1 else f"{name} x{n}" for name, n in parts.items()),
        flying=u.flying,
        kills=u.kills,
        exp=u.exp,
        description=udef.description,
        notes=tuple(notes),
    )


@dataclass(frozen=True)
class TerrainInfo:
    name: str
    defense: int
    evade: int
    hp_recovery: int
    en_recovery: int
    environment: str


def terrain_info(state: BattleState, pos: tuple[int, int]) -> TerrainInfo:
    ctx = state.ctx
    t = ctx.defs.terrains[ctx.grid.terrain_id(pos)]
    env = "space" if ctx.grid.space else t.environment
    return TerrainInfo(t.name, t.defense, t.evade, t.hp_recovery, t.en_recovery, env)
