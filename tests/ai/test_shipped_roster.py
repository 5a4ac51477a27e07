"""The AI with the shipped YAML roster (units/): whole battles stay legal and make sense."""

from __future__ import annotations

from functools import cache

import pytest

from game.ai import SRWController, make_controller
from game.core import Attack, CastSpirit, apply
from game.core.defs import Definitions
from game.core.engine import new_battle
from game.core.headless import make_context
from game.core.script import Deployment
from game.core.state import BattleState
from game.data import default_game_dir, load_game_data
from game.sim import play_out

# A Martian field in the shipped terrain ids: rough ground, craters, a cliff, the UN base.
MARS = [
    "......rr..........cc",
    "..cc..rr.....#....cc",
    "..cc.........#......",
    "B............#..rr..",
    "B.......cc......rr..",
    "........cc..........",
    "....rr.......cc.....",
    "....rr.......cc.....",
    "..........#.........",
    "..cc......#.....rr..",
    "..cc......#.....rr..",
    "....................",
]
LEGEND = {".": "plain", "r": "rough", "c": "crater", "#": "cliff", "B": "base"}


@cache
def shipped() -> Definitions:
    result = load_game_data(default_game_dir())
    assert not result.errors, result.format_problems()
    return result.definitions


def mars_battle(seed: int, *, layzner_at: tuple[int, int] = (1, 5), enemy_first: bool = False) -> BattleState:
    sides = ("enemy", "player") if enemy_first else ("player", "enemy")
    ctx = make_context(shipped(), MARS, legend=LEGEND, sides=sides)
    deps = [
        Deployment("layzner", "player", pilot="eiji", pos=layzner_at, uid="layzner"),
        Deployment("baybull", "player", pilot="david", pos=(1, 7), uid="baybull"),
        Deployment("doll_repair", "player", pilot="simone", pos=(0, 6), uid="doll"),
        Deployment(
            "braver", "enemy", pilot="grados_soldier", pos=(17, 2), uid="b1", ai={"target_priority": ["layzner"]}
        ),
        Deployment("braver", "enemy", pilot="grados_soldier", pos=(17, 7), uid="b2"),
        Deployment("braver", "enemy", pilot="grados_soldier", pos=(16, 9), uid="b3", ai={"retreat_hp_pct": 30}),
        Deployment(
            "greimkaiser",
            "enemy",
            pilot="gale",
            pos=(19, 5),
            uid="gale",
            ai={"behaviour": "boss", "hold_until_turn": 3, "spirits": ["focus", "guard"]},
        ),
    ]
    state, _ = new_battle(ctx, deps, seed)
    return state


@pytest.mark.parametrize("seed", [1, 2])
def test_srw_plays_a_shipped_roster_battle_legally(seed: int) -> None:
    result = play_out(
        mars_battle(seed), {"player": make_controller("srw", "hard"), "enemy": make_controller("srw")}, max_turns=12
    )
    assert any(isinstance(c, Attack) for c in result.commands)
    assert result.forced_phase_ends == 0
    # The boss held its ground for the first two turns.
    state = mars_battle(seed)
    for cmd in result.commands:
        if state.turn >= 3:
            break
        assert getattr(cmd, "unit", None) != "gale" or cmd.kind in ("attack", "wait", "cast_spirit")
        state, _ = apply(state, cmd)


def test_gale_casts_his_listed_spirits_when_threatened() -> None:
    state = mars_battle(3, layzner_at=(15, 5), enemy_first=True)
    controller = SRWController()
    casts = []
    while state.side == "enemy" and state.outcome is None:
        cmd = controller.next_command(state)
        if isinstance(cmd, CastSpirit):
            casts.append((cmd.unit, cmd.spirit))
        if isinstance(cmd, Attack):
            cmd = SRWController().react(state, cmd)
        state, _ = apply(state, cmd)
    gale = [spirit for unit, spirit in casts if unit == "gale"]
    assert gale and set(gale) <= {"focus", "guard"}
