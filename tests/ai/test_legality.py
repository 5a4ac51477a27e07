"""Hypothesis: from any state reached by random legal play, every controller answers with a
command (and a reaction) the engine accepts."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.ai import make_controller
from game.core import Attack, BattleState, apply, legal_commands
from game.core.engine import new_battle
from game.core.headless import make_context
from game.core.script import Deployment
from tests.ai.roster import definitions

MAP = [
    "..f...^^....",
    "..f..~~~....",
    "..##.~~~..f.",
    "............",
    "....B....ff.",
    "............",
]
DEPLOY = [
    Deployment("layzner", "player", pilot="eiji", pos=(0, 1), uid="layzner", will=118),
    Deployment("dtol", "player", pilot="grunt", pos=(0, 3), uid="dtol"),
    Deployment("doll", "player", pilot="rookie", pos=(1, 4), uid="doll"),
    Deployment("braver", "enemy", pilot="grunt", pos=(10, 1), uid="b1", ai={"behaviour": "defensive"}),
    Deployment("gunstaid", "enemy", pilot="grunt", pos=(11, 4), uid="b2", ai={"retreat_hp_pct": 50}),
    Deployment(
        "greimkaiser", "enemy", pilot="gale", pos=(9, 3), uid="gale", ai={"behaviour": "boss", "hold_until_turn": 2}
    ),
    Deployment("mars_base", "player", pos=(4, 4), uid="base"),
]
CONTROLLERS = [("srw", "normal"), ("srw", "easy"), ("srw", "hard"), ("greedy", "normal"), ("random", "normal")]
REACTIONS = ("counter", "defend", "evade")


def reach(seed: int, choices: list[int]) -> BattleState:
    state, _ = new_battle(make_context(definitions(), MAP), DEPLOY, seed)
    for choice in choices:
        legal = legal_commands(state)
        if not legal:
            break
        cmd = legal[choice % len(legal)]
        if isinstance(cmd, Attack):
            cmd = Attack(cmd.unit, cmd.weapon, cmd.target, REACTIONS[choice % 3])
        state, _ = apply(state, cmd)
    return state


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 2**32),
    choices=st.lists(st.integers(0, 10_000), max_size=50),
    pick=st.sampled_from(CONTROLLERS),
)
def test_controllers_only_give_legal_commands(seed: int, choices: list[int], pick: tuple[str, str]) -> None:
    state = reach(seed, choices)
    if state.outcome is not None:
        return
    controller = make_controller(*pick)
    before = state.digest()
    # A few commands in a row, so mid-action states (moved, not acted) are covered too.
    for _ in range(4):
        if state.outcome is not None:
            break
        cmd = controller.next_command(state)
        assert state.digest() == before
        if isinstance(cmd, Attack):
            defender = make_controller(*pick)
            cmd = defender.react(state, cmd)
            assert state.digest() == before
        state, _ = apply(state, cmd)  # raises IllegalCommand if the controller lied
        before = state.digest()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32), choices=st.lists(st.integers(0, 10_000), max_size=50))
def test_srw_plans_are_legal_without_the_safety_net(seed: int, choices: list[int]) -> None:
    """`next_command` falls back to Wait if a plan were illegal; the plans themselves must
    never need it, for every unit still to act."""
    from game.ai import SRWController
    from game.ai.legality import problem

    state = reach(seed, choices)
    if state.outcome is not None:
        return
    controller = SRWController("hard")
    for u in state.active_units(state.side):
        if u.moved and u.acted:
            continue
        cmd = controller.decide(state, u)
        assert problem(state, cmd) is None, (cmd, problem(state, cmd))
