"""Map-wide path fields for planning: move costs, reach ignoring units, distance to goals.

These look further than one move (core's `reachable` stops at the move budget) and ignore
units, which move anyway, so they can be cached for a whole phase.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable

from game.core.context import BattleContext
from game.core.grid import Pos
from game.core.movement import enter_cost, move_budget
from game.core.state import BattleState, UnitState

UNREACHABLE = 10**6


class TileMask:
    """A set of map tiles as the bits of one integer (bit `y * stride + x`; the stride leaves
    an always-empty column, so shifting by one never wraps into the next row). Growing an
    area tile by tile, or meeting it with another, is a handful of big-integer operations."""

    __slots__ = ("bits", "stride")

    def __init__(self, bits: int, stride: int) -> None:
        self.bits = bits
        self.stride = stride

    def __contains__(self, p: object) -> bool:
        x, y = p  # type: ignore[misc]
        return x >= 0 and y >= 0 and x < self.stride - 1 and bool(self.bits >> (y * self.stride + x) & 1)

    def __bool__(self) -> bool:
        return self.bits != 0

    def __or__(self, other: TileMask) -> TileMask:
        return TileMask(self.bits | other.bits, self.stride)

    def overlaps(self, other: TileMask) -> bool:
        return self.bits & other.bits != 0

    def tiles(self) -> list[Pos]:
        """The tiles, in bit order (row by row)."""
        return tiles_of(self.bits, self.stride)


def tiles_of(bits: int, stride: int) -> list[Pos]:
    out: list[Pos] = []
    while bits:
        low = bits & -bits
        i = low.bit_length() - 1
        out.append((i % stride, i // stride))
        bits ^= low
    return out


class Fields:
    """Caches of pure functions of one context's map and definitions."""

    def __init__(self, ctx: BattleContext) -> None:
        self.ctx = ctx
        self._costs: dict[tuple[str, bool], list[int | None]] = {}
        self._goal: dict[tuple[str, bool, frozenset[Pos]], list[int]] = {}
        self.stride = ctx.grid.width + 1
        width, height = ctx.grid.width, ctx.grid.height
        row = (1 << width) - 1
        self._valid = sum(row << (y * self.stride) for y in range(height))
        self._by_cost: dict[tuple[str, bool], list[tuple[int, int]]] = {}
        self._region: dict[frozenset[Pos], TileMask] = {}

    # ---- masks -------------------------------------------------------------------------------
    def mask(self, tiles: Iterable[Pos]) -> TileMask:
        stride, width, height = self.stride, self.ctx.grid.width, self.ctx.grid.height
        bits = 0
        for x, y in tiles:
            if 0 <= x < width and 0 <= y < height:
                bits |= 1 << (y * stride + x)
        return TileMask(bits, stride)

    def region_mask(self, tiles: frozenset[Pos]) -> TileMask:
        """`mask` of a fixed tile set (a scenario region), kept."""
        found = self._region.get(tiles)
        if found is None:
            found = self._region[tiles] = self.mask(tiles)
        return found

    def _grow(self, bits: int) -> int:
        s = self.stride
        return (bits | bits << 1 | bits >> 1 | bits << s | bits >> s) & self._valid

    def _cost_masks(self, unit_id: str, flying: bool) -> list[tuple[int, int]]:
        """(enter cost, tiles of that cost) for this unit type, cheapest first."""
        key = (unit_id, flying)
        found = self._by_cost.get(key)
        if found is None:
            width = self.ctx.grid.width
            by: dict[int, int] = {}
            for i, c in enumerate(self.tile_costs(unit_id, flying)):
                if c is not None:
                    x, y = i % width, i // width
                    by[c] = by.get(c, 0) | 1 << (y * self.stride + x)
            found = self._by_cost[key] = sorted(by.items())
        return found

    def _spread_free(self, bits: int, free: int) -> int:
        """`bits` plus every tile of move cost 0 connected to it through such tiles."""
        while free:
            more = bits | (self._grow(bits) & free)
            if more == bits:
                break
            bits = more
        return bits

    def _reach_bits(self, unit_id: str, flying: bool, origin: Pos, budget: int, blocked: int = 0) -> int:
        """The tiles this unit type can reach from `origin` with `budget` move points, never
        entering a `blocked` tile: move points are spent layer by layer, so a tile of enter
        cost c joins layer k when a neighbour is in layer k - c."""
        costs = [(c, tiles & ~blocked) for c, tiles in self._cost_masks(unit_id, flying)]
        start = 1 << (origin[1] * self.stride + origin[0])
        # by_budget[k]: tiles reachable with at most k move points.
        free = next((tiles for c, tiles in costs if c == 0), 0)
        by_budget = [self._spread_free(start, free)]
        for k in range(1, budget + 1):
            bits = by_budget[k - 1]
            for c, tiles in costs:
                if c > k:
                    break
                if c:
                    bits |= self._grow(by_budget[k - c]) & tiles
            by_budget.append(self._spread_free(bits, free))
        return by_budget[budget]

    def threat_area(self, unit_id: str, flying: bool, origin: Pos, budget: int, radius: int) -> TileMask:
        """Every tile within `radius` (Manhattan, on the map) of a tile this unit type can
        reach from `origin` with `budget` move points, units ignored (units move anyway)."""
        bits = self._reach_bits(unit_id, flying, origin, budget)
        for _ in range(radius):
            bits = self._grow(bits)
        return TileMask(bits, self.stride)

    def stops(self, state: BattleState, u: UnitState) -> list[Pos]:
        """The tiles `u` may end a move on this phase, row by row: the same tiles as
        `movement.reachable(state, u.uid).stops` (hostile units block, friends can be passed
        but not stopped on), found with tile masks."""
        ctx = state.ctx
        team = ctx.team(u.side)
        stride = self.stride
        blocked = friends = 0
        for (x, y), other in state.positions().items():
            if other.uid == u.uid:
                continue
            if ctx.team(other.side) == team:
                friends |= 1 << (y * stride + x)
            else:
                blocked |= 1 << (y * stride + x)
        bits = self._reach_bits(u.unit_id, u.flying, u.pos, move_budget(state, u), blocked)
        bits &= ~friends & ~(1 << (u.y * stride + u.x))
        return tiles_of(bits, stride)

    def tile_costs(self, unit_id: str, flying: bool) -> list[int | None]:
        """Enter cost of every tile (row-major) for this unit type, None where it cannot go."""
        key = (unit_id, flying)
        found = self._costs.get(key)
        if found is None:
            ctx = self.ctx
            udef = ctx.defs.units[unit_id]
            by_terrain = {tid: enter_cost(ctx, udef, t, flying) for tid, t in ctx.defs.terrains.items()}
            found = [by_terrain[tid] for tid in ctx.grid.tiles]
            self._costs[key] = found
        return found

    def goal_distance(self, unit_id: str, flying: bool, goals: Iterable[Pos]) -> list[int]:
        """Move cost from every tile (row-major) to the nearest goal tile; UNREACHABLE if none.

        Reverse Dijkstra: walking p -> q costs q's enter cost, so the field is grown from the
        goals paying the cost of the tile being left towards them.
        """
        goal_set = frozenset(goals)
        key = (unit_id, flying, goal_set)
        found = self._goal.get(key)
        if found is not None:
            return found
        grid = self.ctx.grid
        width, height = grid.width, grid.height
        costs = self.tile_costs(unit_id, flying)
        dist = [UNREACHABLE] * (width * height)
        heap: list[tuple[int, int]] = []
        for gx, gy in goal_set:
            if 0 <= gx < width and 0 <= gy < height:
                i = gy * width + gx
                dist[i] = 0
                heap.append((0, i))
        heapq.heapify(heap)
        while heap:
            d, i = heapq.heappop(heap)
            if d > dist[i]:
                continue
            step = costs[i]
            if step is None:
                continue
            nd = d + step
            x, y = i % width, i // width
            if y > 0 and nd < dist[i - width]:
                dist[i - width] = nd
                heapq.heappush(heap, (nd, i - width))
            if y + 1 < height and nd < dist[i + width]:
                dist[i + width] = nd
                heapq.heappush(heap, (nd, i + width))
            if x > 0 and nd < dist[i - 1]:
                dist[i - 1] = nd
                heapq.heappush(heap, (nd, i - 1))
            if x + 1 < width and nd < dist[i + 1]:
                dist[i + 1] = nd
                heapq.heappush(heap, (nd, i + 1))
        if len(self._goal) > 256:
            self._goal.clear()
        self._goal[key] = dist
        return dist

    def within(self, sources: Iterable[Pos], radius: int) -> set[Pos]:
        """Every tile within Manhattan `radius` of any source tile (a breadth-first dilation)."""
        grid = self.ctx.grid
        width, height = grid.width, grid.height
        seen = set(sources)
        frontier = list(seen)
        for _ in range(radius):
            nxt = []
            for x, y in frontier:
                for n in ((x, y - 1), (x + 1, y), (x, y + 1), (x - 1, y)):
                    if n not in seen and 0 <= n[0] < width and 0 <= n[1] < height:
                        seen.add(n)
                        nxt.append(n)
            frontier = nxt
        return seen
