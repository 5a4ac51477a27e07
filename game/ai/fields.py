"""Map-wide path fields for planning: move costs, reach ignoring units, distance to goals.

These look further than one move (core's `reachable` stops at the move budget) and ignore
units, which move anyway, so they can be cached for a whole phase.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable

from game.core.context import BattleContext
from game.core.grid import Pos
from game.core.movement import enter_cost

UNREACHABLE = 10**6


class Fields:
    """Caches of pure functions of one context's map and definitions."""

    def __init__(self, ctx: BattleContext) -> None:
        self.ctx = ctx
        self._costs: dict[tuple[str, bool], list[int | None]] = {}
        self._goal: dict[tuple[str, bool, frozenset[Pos]], list[int]] = {}
        self._reach: dict[tuple[str, bool, Pos, int], dict[Pos, int]] = {}

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

    def reach(self, unit_id: str, flying: bool, origin: Pos, budget: int) -> dict[Pos, int]:
        """Tiles within `budget` move cost of `origin`, ignoring units (an over-estimate)."""
        key = (unit_id, flying, origin, budget)
        found = self._reach.get(key)
        if found is not None:
            return found
        grid = self.ctx.grid
        width, height = grid.width, grid.height
        costs = self.tile_costs(unit_id, flying)
        out: dict[Pos, int] = {origin: 0}
        heap = [(0, origin[0], origin[1])]
        while heap:
            d, x, y = heapq.heappop(heap)
            if d > out.get((x, y), UNREACHABLE):
                continue
            for nx, ny in ((x, y - 1), (x + 1, y), (x, y + 1), (x - 1, y)):
                if nx < 0 or ny < 0 or nx >= width or ny >= height:
                    continue
                step = costs[ny * width + nx]
                if step is None:
                    continue
                nd = d + step
                if nd <= budget and nd < out.get((nx, ny), UNREACHABLE):
                    out[(nx, ny)] = nd
                    heapq.heappush(heap, (nd, nx, ny))
        if len(self._reach) > 512:
            self._reach.clear()
        self._reach[key] = out
        return out

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
