"""Putting units on the map: at battle start and when a script spawns reinforcements."""

from __future__ import annotations

from collections import deque

from game.core.defs import UnitDef
from game.core.grid import Pos
from game.core.modifiers import collect
from game.core.movement import can_stand
from game.core.script import Deployment
from game.core.state import EffectState, UnitState
from game.core.stats import max_en, max_hp, max_sp, start_will, will_limits
from game.core.tx import Tx


class DeploymentError(ValueError):
    """A deployment that cannot be placed (a scenario data error, not a player mistake)."""


def _free_tile_near(tx: Tx, udef: UnitDef, start: Pos, flying: bool) -> Pos | None:
    """The nearest tile to `start` the unit can stand on that nobody occupies (BFS, fixed order)."""
    ctx = tx.ctx
    occupied = set(tx.state.occupancy())
    seen = {start}
    queue = deque([start])
    while queue:
        p = queue.popleft()
        if p not in occupied and can_stand(ctx, udef, p, flying):
            return p
        for n in ctx.grid.neighbours(p):
            if n not in seen:
                seen.add(n)
                queue.append(n)
    return None


def place(tx: Tx, dep: Deployment, *, strict: bool) -> UnitState | None:
    """Create the unit for `dep`. `strict` (battle start) raises on any problem; spawns during
    a battle move to the nearest free tile instead, or are skipped when the map is full."""
    ctx = tx.ctx
    defs = ctx.defs
    if dep.unit not in defs.units:
        raise DeploymentError(f"unknown unit {dep.unit!r}")
    if dep.pilot is not None and dep.pilot not in defs.pilots:
        raise DeploymentError(f"unknown pilot {dep.pilot!r}")
    missing = [p for p in dep.parts if p not in defs.parts]
    if missing:
        raise DeploymentError(f"{dep.unit}: unknown part {missing[0]!r}")
    if not ctx.has_side(dep.side):
        raise DeploymentError(f"unknown side {dep.side!r}; this battle has {[s.id for s in ctx.sides]}")
    udef = defs.units[dep.unit]
    if dep.pos is not None:
        pos = dep.pos
    elif dep.spawn is not None:
        if dep.spawn not in ctx.script.spawn_points:
            raise DeploymentError(f"unknown spawn point {dep.spawn!r}")
        pos = ctx.script.spawn_points[dep.spawn]
    else:
        raise DeploymentError(f"{dep.unit}: a deployment needs a position or a spawn point")
    if not ctx.grid.in_bounds(pos):
        raise DeploymentError(f"{dep.unit}: position {pos} is outside the {ctx.grid.width}x{ctx.grid.height} map")
    flying = dep.flying
    if flying is None:
        flying = udef.always_flying or (udef.can_fly and not can_stand(ctx, udef, pos, False))
    if flying and not (udef.can_fly or udef.always_flying):
        raise DeploymentError(f"{dep.unit} cannot fly")
    uid = dep.uid
    if uid is None:
        n = tx.state.spawned + 1
        uid = f"{dep.unit}_{n}"
        while uid in tx.state.units:
            n += 1
            uid = f"{dep.unit}_{n}"
        tx.state.spawned = n
    elif uid in tx.state.units:
        raise DeploymentError(f"unit id {uid!r} is used twice")
    occupied = tx.state.occupancy()
    if pos in occupied or not can_stand(ctx, udef, pos, flying):
        if strict:
            if pos in occupied:
                raise DeploymentError(f"{uid}: tile {pos} is already taken by {occupied[pos].uid}")
            raise DeploymentError(f"{uid}: {udef.name} cannot stand on {ctx.grid.terrain_id(pos)} at {pos}")
        found = _free_tile_near(tx, udef, pos, flying)
        if found is None:
            return None
        pos = found
    pilot = defs.pilots.get(dep.pilot) if dep.pilot else None
    level = dep.level if dep.level is not None else (pilot.level if pilot else 1)
    u = UnitState(
        uid=uid,
        unit_id=dep.unit,
        pilot_id=dep.pilot,
        side=dep.side,
        x=pos[0],
        y=pos[1],
        hp=0,
        en=0,
        ammo={w.id: w.ammo for w in udef.weapons if w.ammo is not None},
        will=start_will(ctx, pilot) if dep.will is None else dep.will,
        sp=0,
        level=level,
        exp=max(0, dep.exp),
        flying=flying,
        tags=tuple(dep.tags),
        ai=dict(dep.ai),
        upgrades=dict(dep.upgrades),
        effects=_part_effects(tx, dep.parts),
    )
    u.hp = max(1, max_hp(ctx, u) * dep.hp_pct // 100)
    u.en = max_en(ctx, u)
    u.sp = max_sp(ctx, u)
    bonus = collect(ctx, u).start_will
    lo, hi = will_limits(ctx, u)
    u.will = max(lo, min(hi, u.will + bonus))
    tx.add_unit(u)
    return u


def _part_effects(tx: Tx, parts: tuple[str, ...]) -> tuple[EffectState, ...]:
    """Parts as effects lasting the battle: `part` for the ongoing kind, one `item` per use
    of a consumable (the UseItem command removes one)."""
    defs = tx.ctx.defs.parts
    return tuple(EffectState("item" if defs[p].consumable else "part", p, "battle") for p in parts)
