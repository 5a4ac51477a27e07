"""The battle scene puts the right two units on screen for any exchange, whichever sides fight.

A neutral jet attacked by an enemy Braver (or countering it) once showed the Braver on both
sides; these tests walk every pair of hostile sides through every shape of exchange and
check, frame by frame, that each strike's striker and target are the two units shown.
"""

from __future__ import annotations

from itertools import permutations
from pathlib import Path

import pytest

from game.core import Deployment, new_battle
from game.core import events as ev
from game.core.context import SideDef
from game.core.headless import make_context
from game.ui.app import build_services
from game.ui.scenes.combat import STRIKE, CombatScene
from game.ui.services import Services
from tests.ui.training import _definitions

SIDES = ("player", "ally", "enemy", "neutral")
TEAMS = {"player": "blue", "ally": "blue", "enemy": "red", "neutral": "yellow"}


@pytest.fixture
def services(config_dir: Path) -> Services:
    return build_services(None, config_dir=config_dir)


def _state():  # type: ignore[no-untyped-def]
    defs = _definitions()
    ctx = make_context(defs, (12, 8), sides=tuple(SideDef(s) for s in SIDES))
    deployments = []
    for row, side in enumerate(SIDES):
        for i in range(2):
            deployments.append(
                Deployment("braver", side, pilot="grados_soldier", pos=(1 + i * 5, row * 2), uid=f"{side}_{i}")
            )
    state, _ = new_battle(ctx, deployments, seed=1)
    return state


def _strike(attacker: str, target: str, role: str) -> ev.StrikeResolved:
    return ev.StrikeResolved(
        attacker, target, "braver_knuckle", role, 80, True, 5, False, 300, 1000, 700, 0, False, False, ()
    )


def _exchanges(a: str, d: str) -> dict[str, list[ev.Event]]:
    """Every shape of exchange between side `a` (attacking) and side `d`."""
    att, sup_a, dfn, sup_d = f"{a}_0", f"{a}_1", f"{d}_0", f"{d}_1"
    end = ev.ExchangeEnded(att, dfn)

    def start(support_attacker: str | None = None, support_defender: str | None = None) -> ev.ExchangeStarted:
        return ev.ExchangeStarted(att, dfn, "braver_knuckle", "counter", support_attacker, support_defender, None)

    return {
        "attack": [start(), _strike(att, dfn, "attack"), end],
        "attack and counter": [start(), _strike(att, dfn, "attack"), _strike(dfn, att, "counter"), end],
        "support attack": [
            start(support_attacker=sup_a),
            _strike(att, dfn, "attack"),
            _strike(sup_a, dfn, "support_attack"),
            _strike(dfn, att, "counter"),
            end,
        ],
        "support defend": [
            start(support_defender=sup_d),
            _strike(att, sup_d, "attack"),
            _strike(dfn, att, "counter"),
            end,
        ],
        "destroyed": [start(), _strike(att, dfn, "attack"), ev.UnitDestroyed(dfn, att), end],
    }


PAIRS = [(a, d) for a, d in permutations(SIDES, 2) if TEAMS[a] != TEAMS[d]]


@pytest.mark.parametrize(("attacker", "defender"), PAIRS)
def test_every_strike_shows_its_striker_and_its_target(services: Services, attacker: str, defender: str) -> None:
    state = _state()
    for shape, events in _exchanges(attacker, defender).items():
        before = {u.uid: (u.hp, 2000) for u in state.active_units()}
        scene = CombatScene(services, state, events, before)
        scene.on_enter()
        seen = 0
        for _ in range(2000):
            seg = scene.segments[scene.index]
            assert scene.left != scene.right, f"{attacker} vs {defender}, {shape}: one unit on both sides"
            if seg.kind == STRIKE and isinstance(seg.event, ev.StrikeResolved):
                e = seg.event
                assert {scene.left, scene.right} == {e.attacker, e.target}, f"{attacker} vs {defender}, {shape}: {e}"
                seen += 1
            if scene.update(1 / 30) is not None:
                break
        assert seen, f"{shape}: no strike was shown"


@pytest.mark.parametrize(("attacker", "defender"), PAIRS)
def test_the_player_team_fights_from_the_right(services: Services, attacker: str, defender: str) -> None:
    state = _state()
    events = _exchanges(attacker, defender)["attack and counter"]
    scene = CombatScene(services, state, events, {u.uid: (u.hp, 2000) for u in state.active_units()})
    blue = {s for s, t in TEAMS.items() if t == "blue"}
    if attacker in blue:
        assert scene.right == f"{attacker}_0"
    elif defender in blue:
        assert scene.right == f"{defender}_0"
    else:  # neither side is the player's: the attacker comes in from the left
        assert scene.left == f"{attacker}_0"
