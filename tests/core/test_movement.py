"""RULES §3: Dijkstra over move cost, terrain, flying, blocking, closed terrain."""

from __future__ import annotations

from itertools import pairwise

import pytest

from game.core import CancelMove, Deployment, DeploymentError, IllegalCommand, Land, Move, TakeOff, reachable
from game.core.defs import TerrainDef, UnitDef
from game.core.headless import Battle, make_context, standard_terrains
from game.core.ranks import Ranks
from tests.core.roster import definitions, give

BUGGY = UnitDef(
    "buggy", "Buggy", hp=1200, en=0, mobility=60, armor=400, move=5, movement="vehicle", ranks=Ranks.parse("-/A/-/-")
)
JET = UnitDef(
    "jet",
    "Jet",
    hp=1500,
    en=100,
    mobility=120,
    armor=300,
    move=8,
    always_flying=True,
    can_fly=True,
    ranks=Ranks.parse("A/-/-/-"),
)


def battle(rows: list[str], deployments: list[Deployment], **kw) -> Battle:  # type: ignore[no-untyped-def]
    defs = definitions(units=[BUGGY, JET])
    return Battle.start(make_context(defs, rows, **kw), deployments, seed=3)


def P(uid: str, unit: str, side: str, pos: tuple[int, int], **kw) -> Deployment:  # type: ignore[no-untyped-def]
    return Deployment(
        unit, side, pilot=kw.pop("pilot", "eiji" if side == "player" else "grunt"), pos=pos, uid=uid, **kw
    )


def test_open_ground_reach_is_a_diamond_of_move() -> None:
    b = battle(["." * 21] * 21, [P("l", "layzner", "player", (10, 10))])
    reach = reachable(b.state, "l")
    assert all(abs(x - 10) + abs(y - 10) <= 7 for x, y in reach.costs)
    assert len(reach.costs) == 1 + 2 * 7 * 8  # centred diamond of radius 7
    assert (10, 10) not in reach.stops


def test_terrain_costs_are_paid() -> None:
    # Forest costs 2 for ground units: 3 forest tiles eat 6 of 7 move.
    b = battle([".fff....."], [P("l", "layzner", "player", (0, 0))])
    reach = reachable(b.state, "l")
    assert reach.costs[(3, 0)] == 6
    assert reach.costs[(4, 0)] == 7
    assert (5, 0) not in reach.costs


def test_movement_kind_changes_cost_and_closes_tiles() -> None:
    # Mountains are closed to vehicles; forests cost them 3.
    b = battle([".f^.."], [P("b", "buggy", "player", (0, 0), pilot=None)])
    reach = reachable(b.state, "b")
    assert reach.costs[(1, 0)] == 3
    assert (2, 0) not in reach.costs


def test_rank_dash_closes_terrain() -> None:
    # The buggy's Sea rank is '-': it cannot enter water at any cost.
    b = battle([".~..", "...."], [P("b", "buggy", "player", (0, 0), pilot=None)])
    reach = reachable(b.state, "b")
    assert (1, 0) not in reach.costs
    assert (2, 0) in reach.costs  # but can go around


def test_walls_block_ground_but_not_flyers() -> None:
    rows = [".#.", ".#.", ".#."]
    b = battle(rows, [P("l", "layzner", "player", (0, 1))])
    assert (2, 1) not in reachable(b.state, "l").costs
    b.do(TakeOff("l"))
    reach = reachable(b.state, "l")
    assert reach.costs[(1, 1)] == 1  # flyers pay 1 over a cliff
    assert reach.costs[(2, 1)] == 2


def test_flying_pays_one_everywhere_passable() -> None:
    b = battle([".fff^^....."], [P("j", "jet", "player", (0, 0), pilot=None)])
    reach = reachable(b.state, "j")
    assert reach.costs[(5, 0)] == 5
    assert reach.costs[(8, 0)] == 8


def test_enemies_block_and_allies_can_be_passed_but_not_stopped_on() -> None:
    rows = ["......", "######"]
    deps = [P("l", "layzner", "player", (0, 0)), Deployment("layzner", "player", pilot="eiji", pos=(1, 0), uid="a")]
    b = battle(rows, deps)
    reach = reachable(b.state, "l")
    assert (1, 0) in reach.costs and (1, 0) not in reach.stops
    assert (2, 0) in reach.stops
    with pytest.raises(IllegalCommand, match="pass through"):
        b.do(Move("l", (1, 0)))
    b2 = battle(rows, [P("l", "layzner", "player", (0, 0)), P("e", "braver", "enemy", (1, 0))])
    assert (2, 0) not in reachable(b2.state, "l").costs  # the only way is through the enemy


def test_path_is_shortest_and_starts_at_origin() -> None:
    b = battle(["....", ".##.", "...."], [P("l", "layzner", "player", (0, 1))])
    reach = reachable(b.state, "l")
    path = reach.path_to((3, 1))
    assert path[0] == (0, 1) and path[-1] == (3, 1)
    assert len(path) - 1 == reach.costs[(3, 1)] == 5
    assert all(abs(a[0] - c[0]) + abs(a[1] - c[1]) == 1 for a, c in pairwise(path))


def test_move_emits_path_and_can_be_cancelled() -> None:
    b = battle(["......"], [P("l", "layzner", "player", (0, 0))])
    events = b.do(Move("l", (3, 0)))
    assert events[0].path == ((0, 0), (1, 0), (2, 0), (3, 0))  # type: ignore[attr-defined]
    assert b.unit("l").pos == (3, 0) and b.unit("l").moved
    b.do(CancelMove("l"))
    assert b.unit("l").pos == (0, 0) and not b.unit("l").moved
    with pytest.raises(IllegalCommand, match="no longer be cancelled"):
        b.do(CancelMove("l"))


def test_cannot_move_twice_or_out_of_reach() -> None:
    b = battle(["." * 12], [P("l", "layzner", "player", (0, 0))])
    with pytest.raises(IllegalCommand, match="cannot reach"):
        b.do(Move("l", (10, 0)))
    b.do(Move("l", (2, 0)))
    with pytest.raises(IllegalCommand, match="already moved"):
        b.do(Move("l", (3, 0)))


def test_accel_adds_three_for_one_move() -> None:
    b = battle(["." * 14], [P("l", "layzner", "player", (0, 0))])
    give(b, "l", "accel", "next_move")
    assert max(x for x, _ in reachable(b.state, "l").costs) == 10
    b.do(Move("l", (10, 0)))
    assert not b.unit("l").effects  # consumed by the move


def test_landing_needs_ground_and_take_off_needs_wings() -> None:
    b = battle(["~..", "..."], [P("l", "layzner", "player", (1, 0)), P("bg", "buggy", "player", (2, 1), pilot=None)])
    with pytest.raises(IllegalCommand, match="cannot fly"):
        b.do(TakeOff("bg"))
    b.do(TakeOff("l"))
    assert b.unit("l").flying
    b.do(Land("l"))
    assert not b.unit("l").flying


def test_jets_cannot_land() -> None:
    b = battle(["..."], [P("j", "jet", "player", (0, 0), pilot=None)])
    assert b.unit("j").flying
    with pytest.raises(IllegalCommand, match="cannot land"):
        b.do(Land("j"))


def test_space_map_counts_everything_as_space() -> None:
    terrains = standard_terrains()
    terrains["debris"] = TerrainDef("debris", "Debris", environment="space", move_cost={"default": 2})
    defs = definitions(units=[BUGGY], terrains=terrains)
    ctx = make_context(defs, ["vvddvv"], legend={"v": "void", "d": "debris"}, space=True)
    b = Battle.start(ctx, [P("l", "layzner", "player", (0, 0))])
    assert reachable(b.state, "l").costs[(3, 0)] == 5
    with pytest.raises(DeploymentError, match="cannot stand"):  # the buggy's Space rank is '-'
        Battle.start(ctx, [P("bg", "buggy", "player", (5, 0), pilot=None)])
    with pytest.raises(IllegalCommand, match="space"):
        b.do(TakeOff("l"))
