"""Speed of the rules engine (issue targets, 2-core machine):

- reachable tiles for a Move 8 unit on a 64x64 map <= 1 ms
- one forecast <= 50 us
- apply(Attack) with its rolls <= 200 us
- legal_commands for one unit on a 64x64 map with 40 units <= 5 ms

Run: .venv/bin/python -m pytest benchmarks/test_core_speed.py --benchmark-only
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from game.core import Attack, BattleState, Deployment, forecast, legal_commands, new_battle, reachable
from game.core.context import BattleContext
from game.core.engine import apply
from game.core.grid import Grid
from game.core.headless import make_context
from tests.core.roster import LAYZNER, definitions


def _terrain(x: int, y: int) -> str:
    # A varied 64x64 map: forests, mountains, water, walls in a repeating but irregular pattern.
    v = (x * 7 + y * 13 + (x * y) % 5) % 23
    return {0: "forest", 1: "forest", 2: "mountain", 3: "water", 4: "wall"}.get(v, "plain")


@pytest.fixture(scope="module")
def big_setup() -> tuple[BattleContext, list[Deployment]]:
    mover = replace(LAYZNER, id="mover", move=8)
    defs = definitions(units=[mover])
    rows = [[_terrain(x, y) for x in range(64)] for y in range(64)]
    for x in range(30, 35):
        for y in range(30, 35):
            rows[y][x] = "plain"
    ctx = make_context(defs, Grid.from_rows(rows))
    deps = [Deployment("mover", "player", pilot="eiji", pos=(32, 32), uid="hero", will=130)]
    spots = [(x, y) for y in range(2, 62, 6) for x in range(2, 62, 6) if rows[y][x] == "plain"]
    # 39 more units: 19 friends and 20 enemies spread over the map, one enemy within reach.
    deps.append(Deployment("braver", "enemy", pilot="grunt", pos=(34, 32), uid="target"))
    deps.append(Deployment("greimkaiser", "enemy", pilot="gale", pos=(32, 33), uid="boss"))
    for i, pos in enumerate(spots[:37]):
        side = "player" if i % 2 else "enemy"
        deps.append(Deployment("braver", side, pilot="grunt", pos=pos, uid=f"u{i}"))
    return ctx, deps


@pytest.fixture(scope="module")
def big_battle(big_setup: tuple[BattleContext, list[Deployment]]) -> BattleState:
    state, _ = new_battle(*big_setup, seed=1)
    assert len(state.units) == 40
    return state


def test_reachable_move8_64x64(benchmark, big_setup: tuple[BattleContext, list[Deployment]]) -> None:  # type: ignore[no-untyped-def]
    """The search itself: every round gets a state that has not searched yet (a state keeps
    its units' reach until one of them changes, and timing that would time a cache hit)."""

    def fresh() -> tuple[tuple[BattleState, str], dict[str, object]]:
        state, _ = new_battle(*big_setup, seed=1)
        return (state, "hero"), {}

    reach = benchmark.pedantic(reachable, setup=fresh, rounds=200, iterations=1)
    assert len(reach.stops) > 100


def test_forecast(benchmark, big_battle: BattleState) -> None:  # type: ignore[no-untyped-def]
    fc = benchmark(forecast, big_battle, "hero", "layzered_rifle", "target")
    assert fc.attack.damage > 0 and fc.counter is not None


def test_apply_attack(benchmark, big_battle: BattleState) -> None:  # type: ignore[no-untyped-def]
    """A typical exchange: attack and counter, nobody destroyed."""
    cmd = Attack("hero", "calf_missile", "boss")
    _new, events = benchmark(apply, big_battle, cmd)
    assert [e.kind for e in events].count("strike_resolved") == 2
    assert not any(e.kind == "unit_destroyed" for e in events)


def test_apply_attack_that_destroys(benchmark, big_battle: BattleState) -> None:  # type: ignore[no-untyped-def]
    """The worst case: a kill changes the Will of all 40 units (side bonus, ally lost)."""
    cmd = Attack("hero", "layzered_rifle", "target")
    _new, events = benchmark(apply, big_battle, cmd)
    assert any(e.kind == "unit_destroyed" for e in events)


def test_legal_commands_one_unit_40_units_64x64(benchmark, big_battle: BattleState) -> None:  # type: ignore[no-untyped-def]
    cmds = benchmark(legal_commands, big_battle, "hero")
    assert len(cmds) > 100
