"""Movement (RULES §3): reachable tiles and shortest paths by Dijkstra over move cost."""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.core.grid import Pos
from game.core.modifiers import collect

if TYPE_CHECKING:
    from game.core.context import BattleContext
    from game.core.defs import TerrainDef, UnitDef
    from game.core.state import BattleState, UnitState


def enter_cost(ctx: BattleContext, udef: UnitDef, terrain: TerrainDef, flying: bool) -> int | None:
    """Cost for this unit to enter a tile of `terrain`, or None when it cannot.

    Flying units pay the `fly` cost (1 unless the terrain says otherwise); others pay the
    cost for their movement kind. A rank of `-` in the environment the unit would be in
    closes the tile.
    """
    env = ctx.grid.environment(terrain, flying)
    if env == "air" and not flying:
        return None  # an air-only tile (a chasm): only flyers may be there
    if not udef.ranks.allows(env):
        return None
    cost = terrain.cost_for("fly" if flying else udef.movement)
    if cost is None or cost < 0:
        return None
    return cost


def can_stand(ctx: BattleContext, udef: UnitDef, pos: Pos, flying: bool) -> bool:
    terrain = ctx.defs.terrains[ctx.grid.terrain_id(pos)]
    return enter_cost(ctx, udef, terrain, flying) is not None


def move_budget(state: BattleState, u: UnitState) -> int:
    udef = state.ctx.defs.units[u.unit_id]
    if udef.move <= 0:
        return 0
    return max(0, udef.move + collect(state.ctx, u).move)


@dataclass(frozen=True, slots=True)
class Reach:
    """The result of a Dijkstra search from a unit's tile."""

    origin: Pos
    costs: dict[Pos, int]  # every tile reached within budget, including pass-through tiles
    prev: dict[Pos, Pos]
    stops: frozenset[Pos]  # tiles the unit may end its move on (not occupied, not its own)

    def path_to(self, target: Pos) -> list[Pos]:
        """Tiles from the origin to `target`, both included."""
        if target not in self.costs:
            raise KeyError(target)
        path = [target]
        while path[-1] != self.origin:
            path.append(self.prev[path[-1]])
        path.reverse()
        return path


def reachable(state: BattleState, uid: str, budget: int | None = None) -> Reach:
    """Where unit `uid` can move this phase (within `budget`, default its move), with paths.

    With the default budget the result is kept on the state until a unit changes, so the
    AI's plan, its legality check and the move itself search once. It is kept with the
    unit's tile and budget, so a test that edits a unit of a state in place still gets a
    fresh search for that unit."""
    if budget is not None:
        return _search(state, uid, budget)
    u = state.units[uid]
    budget = move_budget(state, u)
    key = (u.x, u.y, u.flying, budget)
    cache = state._cache.reach
    found = cache.get(uid)
    if found is None or found[0] != key:
        found = cache[uid] = (key, _search(state, uid, budget))
    return found[1]


def _search(state: BattleState, uid: str, budget: int | None) -> Reach:
    ctx = state.ctx
    grid = ctx.grid
    u = state.units[uid]
    udef = ctx.defs.units[u.unit_id]
    if budget is None:
        budget = move_budget(state, u)
    flying = u.flying
    terrains = ctx.defs.terrains
    memo = ctx._cache.enter_costs
    key = (u.unit_id, flying)
    tcost = memo.get(key)
    if tcost is None:
        tcost = {tid: enter_cost(ctx, udef, t, flying) for tid, t in terrains.items()}
        memo[key] = tcost
    blocked: set[Pos] = set()  # hostile units
    friends: set[Pos] = set()  # friendly units: pass through, never stop
    team = ctx.team(u.side)
    for pos, other in state.positions().items():
        if other.uid == uid:
            continue
        if ctx.team(other.side) == team:
            friends.add(pos)
        else:
            blocked.add(pos)
    origin = u.pos
    costs: dict[Pos, int] = {origin: 0}
    prev: dict[Pos, Pos] = {}
    heap: list[tuple[int, int, int]] = [(0, origin[1], origin[0])]
    width, height, tiles = grid.width, grid.height, grid.tiles
    done: set[Pos] = set()
    while heap:
        cost, y, x = heapq.heappop(heap)
        pos = (x, y)
        if pos in done:
            continue
        done.add(pos)
        for nx, ny in ((x, y - 1), (x + 1, y), (x, y + 1), (x - 1, y)):
            if nx < 0 or ny < 0 or nx >= width or ny >= height:
                continue
            npos = (nx, ny)
            if npos in blocked or npos in done:
                continue
            step = tcost[tiles[ny * width + nx]]
            if step is None:
                continue
            ncost = cost + step
            if ncost > budget:
                continue
            old = costs.get(npos)
            if old is None or ncost < old:
                costs[npos] = ncost
                prev[npos] = pos
                heapq.heappush(heap, (ncost, ny, nx))
    stops = frozenset(p for p in costs if p != origin and p not in friends)
    return Reach(origin, costs, prev, stops)
