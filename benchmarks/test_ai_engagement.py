"""How readily the SRW AI engages a player who does nothing (a benchmark: run with
--benchmark-only): the share of seeds in which aggressive grunts in the open attack an idle
Layzner within 3 turns, and in which enemies attack player units within 5 turns of each
shipped scenario. Target (issue 20): nearly every seed."""

from __future__ import annotations

import pytest

from game.ai import make_controller
from game.sim import BatchSpec, Simulator, play_out
from game.sim.simulate import load_definitions
from tests.ai.test_engagement import SCENARIOS, attacks_on, open_field

SEEDS = range(40)


def _open_field_share(level: str) -> float:
    engaged = 0
    for seed in SEEDS:
        start = open_field(seed)
        result = play_out(start, {"player": make_controller("idle"), "enemy": make_controller("srw", level)}, 3)
        engaged += bool(attacks_on(start, result.commands))
    return engaged / len(SEEDS)


@pytest.mark.parametrize("level", ["easy", "normal", "hard"])
def test_grunts_engage_an_idle_layzner(benchmark, level: str) -> None:  # type: ignore[no-untyped-def]
    share = benchmark.pedantic(_open_field_share, args=(level,), rounds=1, iterations=1)
    benchmark.extra_info["seeds_with_an_attack_by_turn_3"] = share
    print(f"\n{level}: attacks by turn 3 in {share:.0%} of {len(SEEDS)} seeds")
    assert share >= 0.9


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_enemies_engage_an_idle_player(benchmark, scenario: str) -> None:  # type: ignore[no-untyped-def]
    sim = Simulator.load(BatchSpec(scenario, player_ai="idle", enemy_ai="srw", max_turns=5), load_definitions()[0])
    seeds = range(10)

    def share() -> float:
        hit = 0
        for seed in seeds:
            start = sim.scenario.start(seed)[0]
            result = play_out(start, sim.controllers(), 5)
            player = start.ctx.player_side
            hit += any(start.units[t].side == player for _turn, _a, t in attacks_on(start, result.commands))
        return hit / len(seeds)

    value = benchmark.pedantic(share, rounds=1, iterations=1)
    benchmark.extra_info["seeds_with_player_units_attacked"] = value
    print(f"\n{scenario}: player units attacked within 5 turns in {value:.0%} of {len(seeds)} seeds")
    assert value >= 0.9
