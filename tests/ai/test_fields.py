"""Map-wide fields of the AI: threat areas as tile masks agree with a plain search."""

from __future__ import annotations

import heapq
import random

import pytest

from game.ai.fields import Fields, TileMask
from game.core.grid import Pos
from game.scenario import load_scenario
from game.sim.simulate import load_definitions


def reference_area(f: Fields, unit_id: str, flying: bool, origin: Pos, budget: int, radius: int) -> set[Pos]:
    """Dijkstra over enter costs within the budget, then every tile within `radius` steps."""
    grid = f.ctx.grid
    costs = f.tile_costs(unit_id, flying)
    best = {origin: 0}
    heap = [(0, origin)]
    while heap:
        d, (x, y) = heapq.heappop(heap)
        if d > best[(x, y)]:
            continue
        for n in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
            if not (0 <= n[0] < grid.width and 0 <= n[1] < grid.height):
                continue
            step = costs[n[1] * grid.width + n[0]]
            if step is not None and d + step <= budget and d + step < best.get(n, budget + 1):
                best[n] = d + step
                heapq.heappush(heap, (d + step, n))
    return {
        (x, y)
        for x in range(grid.width)
        for y in range(grid.height)
        if any(abs(x - p[0]) + abs(y - p[1]) <= radius for p in best)
    }


@pytest.mark.parametrize("sid", ["sandstorm_decoy", "beautiful_le_cain"])
def test_threat_areas_match_a_plain_search(sid: str) -> None:
    defs, _ = load_definitions()
    ctx = load_scenario(sid, defs).context
    f = Fields(ctx)
    rnd = random.Random(sid)
    grid = ctx.grid
    for _ in range(60):
        unit_id = rnd.choice(["layzner", "braver", "buggy", "dtol", "gunstaid", "solomco"])
        flying = rnd.random() < 0.3
        origin = (rnd.randrange(grid.width), rnd.randrange(grid.height))
        budget, radius = rnd.randrange(0, 9), rnd.randrange(0, 6)
        area = f.threat_area(unit_id, flying, origin, budget, radius)
        expected = reference_area(f, unit_id, flying, origin, budget, radius)
        assert set(area.tiles()) == expected
        assert all(((x, y) in area) == ((x, y) in expected) for x in range(-1, grid.width + 1) for y in (-1, 0, 5))


def test_tile_mask_operations() -> None:
    a, b = TileMask(0b101, 4), TileMask(0b010 << 4, 4)
    assert a.tiles() == [(0, 0), (2, 0)]
    assert (a | b).tiles() == [(0, 0), (2, 0), (1, 1)]
    assert not a.overlaps(b) and a.overlaps(a | b)
    assert (3, 0) not in TileMask(0b1111, 4)  # the stride's spare column is never a tile
    assert not TileMask(0, 4)


@pytest.mark.parametrize("sid", ["blue_comet_falls", "farewell_red_planet"])
def test_stops_match_the_engines_reach(sid: str) -> None:
    """The AI's tile-mask search finds exactly the engine's stops, units blocking included,
    for every unit through the first turns of a battle."""
    from game.ai import make_controller
    from game.core import Attack, apply
    from game.core.movement import reachable

    defs, _ = load_definitions()
    sc = load_scenario(sid, defs)
    state, _ = sc.start(3)
    f = Fields(sc.context)
    ai = {s.id: make_controller("greedy") for s in sc.context.sides}
    checked = 0
    while state.outcome is None and state.turn <= 3:
        for u in state.active_units():
            assert f.stops(state, u) == sorted(reachable(state, u.uid).stops, key=lambda p: (p[1], p[0]))
            checked += 1
        cmd = ai[state.side].next_command(state)
        if isinstance(cmd, Attack):
            cmd = ai[state.unit(cmd.target).side].react(state, cmd)
        state, _ = apply(state, cmd)
    assert checked > 100
