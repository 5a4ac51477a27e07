"""Aggressive units engage: facing a player who does nothing, they close in and attack what
they can reach, taking the counter (SRW enemies feed the player's EXP, Will and captures),
while scenario objectives and priorities still steer them."""

from __future__ import annotations

import pytest

from game.ai import make_controller
from game.core import Attack, apply
from game.core.state import BattleState
from game.sim import BatchSpec, Simulator, play_out
from game.sim.simulate import load_definitions
from tests.ai.roster import battle, dep

SEEDS = range(8)


def open_field(seed: int) -> BattleState:
    """An idle Layzner in the open, three aggressive Bravers 17-18 tiles away."""
    return battle(
        [
            dep("layzner", "player", (3, 10), "layzner", pilot="eiji"),
            dep("braver", "enemy", (20, 6), "b1"),
            dep("braver", "enemy", (21, 10), "b2"),
            dep("braver", "enemy", (20, 14), "b3"),
        ],
        grid=(26, 20),
        seed=seed,
    )


def attacks_on(start: BattleState, commands: list[object], player_team: bool = True) -> list[tuple[int, str, str]]:
    """(turn, attacker, target) of every attack by the non-player team on the player's team."""
    ctx = start.ctx
    out = []
    state = start
    for cmd in commands:
        if isinstance(cmd, Attack):
            a, t = state.units[cmd.unit], state.units[cmd.target]
            if ctx.friendly(t.side, ctx.player_side) and not ctx.friendly(a.side, ctx.player_side):
                out.append((state.turn, a.uid, t.uid))
        state, _ = apply(state, cmd)
    return out


@pytest.mark.parametrize("level", ["easy", "normal", "hard"])
def test_aggressive_grunts_attack_an_idle_player_within_three_turns(level: str) -> None:
    engaged = 0
    for seed in SEEDS:
        start = open_field(seed)
        result = play_out(start, {"player": make_controller("idle"), "enemy": make_controller("srw", level)}, 3)
        if attacks_on(start, result.commands):
            engaged += 1
    assert engaged >= len(SEEDS) - 1, f"only {engaged} of {len(SEEDS)} seeds saw an attack by turn 3"


SCENARIOS = ["blue_comet_falls", "sandstorm_decoy", "beautiful_le_cain", "seal_of_grados", "farewell_red_planet"]


@pytest.fixture(scope="module")
def defs():  # type: ignore[no-untyped-def]
    return load_definitions()[0]


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_enemies_attack_player_units_in_every_shipped_scenario(scenario: str, defs) -> None:  # type: ignore[no-untyped-def]
    sim = Simulator.load(BatchSpec(scenario, player_ai="idle", enemy_ai="srw", max_turns=5), defs)
    start = sim.scenario.start(1)[0]
    result = play_out(start, sim.controllers(), 5)
    hit = attacks_on(start, result.commands)
    # Player units proper (not only the allied base or other friends) come under attack.
    player_side = start.ctx.player_side
    assert any(start.units[t].side == player_side for _turn, _a, t in hit), hit


def test_battle_one_teaches_reactions_an_enemy_attacks_the_layzner(defs) -> None:  # type: ignore[no-untyped-def]
    sim = Simulator.load(BatchSpec("blue_comet_falls", player_ai="idle", enemy_ai="srw", max_turns=3), defs)
    for seed in (0, 1, 2):
        start = sim.scenario.start(seed)[0]
        result = play_out(start, sim.controllers(), 3)
        assert any(t == "layzner" for _turn, _a, t in attacks_on(start, result.commands)), seed


def test_a_unit_told_to_go_for_the_base_still_does(defs) -> None:  # type: ignore[no-untyped-def]
    """Battle 1's first two Bravers list the Mars base first: with the Layzner idle next to
    their path they still shoot the base."""
    sim = Simulator.load(BatchSpec("blue_comet_falls", player_ai="idle", enemy_ai="srw", max_turns=3), defs)
    start = sim.scenario.start(0)[0]
    result = play_out(start, sim.controllers(), 3)
    targets = {(a, t) for _turn, a, t in attacks_on(start, result.commands)}
    assert ("braver_1", "mars_base") in targets or ("braver_2", "mars_base") in targets, targets
