"""Decision speed of the SRW AI (a benchmark: run with --benchmark-only).

On a 26x20 map with 30 enemy units and 12 player units (no shipped map is larger yet):
one unit's decision (every command it gives until it has finished) should take at most
10 ms at the median, and a whole enemy phase at most 300 ms. The battle is first played
to turn 5 by the SRW AI on both sides, so the measured phase has units in contact.
"""

from __future__ import annotations

import statistics
import time

from game.ai import SRWController
from game.core import Attack, apply
from game.core.state import BattleState
from tests.ai.arena import big_battle

CONTACT_TURN = 5


def contact_state() -> BattleState:
    state = big_battle()
    ai = {"player": SRWController(), "enemy": SRWController()}
    while not (state.turn == CONTACT_TURN and state.side == "enemy"):
        cmd = ai[state.side].next_command(state)
        if isinstance(cmd, Attack):
            cmd = ai[state.unit(cmd.target).side].react(state, cmd)
        state, _ = apply(state, cmd)
    return state


def enemy_phase(state: BattleState, unit_times: dict[str, float] | None = None) -> BattleState:
    """The enemy phase with a fresh (cold-cache) controller; player reactions by the SRW AI."""
    enemy, player = SRWController(), SRWController()
    while state.side == "enemy" and state.outcome is None:
        start = time.perf_counter()
        cmd = enemy.next_command(state)
        spent = time.perf_counter() - start
        unit = getattr(cmd, "unit", None)
        if unit_times is not None and unit is not None:
            unit_times[unit] = unit_times.get(unit, 0.0) + spent
        if isinstance(cmd, Attack):
            cmd = player.react(state, cmd)
        state, _ = apply(state, cmd)
    return state


def test_whole_enemy_phase(benchmark) -> None:  # type: ignore[no-untyped-def]
    state = contact_state()
    assert sum(1 for _ in state.active_units("enemy")) >= 25
    benchmark.pedantic(enemy_phase, args=(state,), rounds=7, iterations=1, warmup_rounds=1)


def test_one_unit_decision(benchmark) -> None:  # type: ignore[no-untyped-def]
    state = contact_state()
    medians: list[float] = []

    def phase_median() -> float:
        times: dict[str, float] = {}
        enemy_phase(state, times)
        median = statistics.median(times.values())
        medians.append(median)
        return median

    benchmark.pedantic(phase_median, rounds=5, iterations=1)
    benchmark.extra_info["median_unit_decision_ms"] = round(statistics.median(medians) * 1000, 2)
    benchmark.extra_info["units"] = sum(1 for _ in state.active_units("enemy"))
    print(f"median unit decision: {statistics.median(medians) * 1000:.2f} ms")
