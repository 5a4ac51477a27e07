"""Move and attack ranges for the map overlays (blue move tiles, red attack tiles, danger zone).

Pure queries over the engine's `reachable` and weapon ranges: nothing here decides a rule,
it only shows where the rules let a unit go and strike.
"""

from __future__ import annotations

from game.core import BattleState
from game.core.combat import weapon_problem, weapon_range
from game.core.grid import Pos
from game.core.modifiers import collect
from game.core.movement import reachable
from game.core.stats import unit_def


def move_tiles(state: BattleState, uid: str) -> set[Pos]:
    u = state.unit(uid)
    if u.moved:
        return set()
    reach = reachable(state, uid)
    return set(reach.costs)


def _ring(center: Pos, lo: int, hi: int, width: int, height: int) -> set[Pos]:
    out: set[Pos] = set()
    cx, cy = center
    for dy in range(-hi, hi + 1):
        rest = hi - abs(dy)
        for dx in range(-rest, rest + 1):
            if abs(dx) + abs(dy) < lo:
                continue
            x, y = cx + dx, cy + dy
            if 0 <= x < width and 0 <= y < height:
                out.add((x, y))
    return out


def attack_tiles(
    state: BattleState, uid: str, *, from_tiles: set[Pos] | None = None, ignore_resources: bool = False
) -> set[Pos]:
    """Tiles the unit could strike this phase: P weapons from every reachable tile, the others
    from where it stands. `ignore_resources` shows ranges even without EN/ammo/Will."""
    u = state.unit(uid)
    ctx = state.ctx
    grid = ctx.grid
    moves = from_tiles if from_tiles is not None else (move_tiles(state, uid) or {u.pos})
    out: set[Pos] = set()
    for w in unit_def(ctx, u).weapons:
        if w.is_map:
            continue
        if not ignore_resources and weapon_problem(state, u, w, after_move=False) is not None:
            continue
        lo, hi = weapon_range(w, collect(ctx, u, "attack", w))
        origins = moves if w.post_move else {u.pos}
        for p in origins:
            out |= _ring(p, lo, hi, grid.width, grid.height)
    return out


def weapon_tiles(state: BattleState, uid: str, weapon_id: str) -> set[Pos]:
    u = state.unit(uid)
    ctx = state.ctx
    w = unit_def(ctx, u).weapon(weapon_id)
    lo, hi = weapon_range(w, collect(ctx, u, "attack", w))
    return _ring(u.pos, lo, hi, ctx.grid.width, ctx.grid.height)


def danger_zone(state: BattleState, side: str) -> set[Pos]:
    """Every tile a unit hostile to `side` could attack in its next phase."""
    ctx = state.ctx
    out: set[Pos] = set()
    for u in state.active_units():
        if not ctx.hostile(side, u.side):
            continue
        # Evaluate as if it were the start of that unit's phase: it may move and act.
        reach = reachable(state, u.uid)
        out |= attack_tiles(state, u.uid, from_tiles=set(reach.costs))
    return out


def map_weapon_tiles(state: BattleState, uid: str, weapon_id: str, direction: int, cursor: Pos) -> set[Pos]:
    """The area a MAP weapon would cover: turned to `direction`, or centred on `cursor` for a
    targeted burst; empty where the engine says it cannot be aimed."""
    from game.core.errors import IllegalCommand
    from game.core.exchange import map_area

    w = unit_def(state.ctx, state.unit(uid)).weapon(weapon_id)
    targeted = w.map_area is not None and w.map_area.shape == "targeted"
    try:
        return set(map_area(state, uid, weapon_id, 0 if targeted else direction, cursor if targeted else None))
    except IllegalCommand:
        return set()
