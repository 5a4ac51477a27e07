"""RULES §1 and §6: phase order, turns, start-of-phase upkeep, victory and defeat."""

from __future__ import annotations

from dataclasses import replace

import pytest

from game.core import Attack, Deployment, EndPhase, IllegalCommand, Move, SideDef, Wait, legal_commands
from game.core.defs import AbilityDef, AbilityRef
from game.core.effects import modifier
from game.core.events import BattleEnded, PhaseStarted, TurnStarted, UnitRecovered
from game.core.headless import Battle, make_context, make_definitions
from tests.core import roster
from tests.core.roster import BRAVER, definitions, give

REGEN = AbilityDef("hp_regen_s", "HP Regen S", (modifier("hp_regen_pct", 10),))
REGEN_BRAVER = replace(BRAVER, id="regen_braver", abilities=(AbilityRef("hp_regen_s"),))


def four_sides() -> Battle:
    defs = make_definitions(
        units=[roster.LAYZNER, roster.BRAVER, REGEN_BRAVER],
        pilots=[roster.EIJI, roster.GRUNT],
        spirits=roster.SPIRITS,
        abilities=(*roster.ABILITIES, REGEN),
        statuses=roster.STATUSES,
    )
    ctx = make_context(
        defs, ["." * 10] * 6, sides=[SideDef("player"), SideDef("ally"), SideDef("enemy"), SideDef("neutral")]
    )
    return Battle.start(
        ctx,
        [
            Deployment("layzner", "player", pilot="eiji", pos=(0, 0), uid="p"),
            Deployment("braver", "ally", pilot="grunt", pos=(0, 2), uid="a"),
            Deployment("regen_braver", "enemy", pilot="grunt", pos=(9, 0), uid="e", hp_pct=50),
            Deployment("braver", "neutral", pilot="grunt", pos=(9, 5), uid="n"),
        ],
        seed=4,
    )


def test_phase_order_and_turns() -> None:
    b = four_sides()
    seen = []
    for _ in range(8):
        seen.append((b.state.turn, b.state.side))
        b.do(EndPhase())
    assert seen == [
        (1, "player"),
        (1, "ally"),
        (1, "enemy"),
        (1, "neutral"),
        (2, "player"),
        (2, "ally"),
        (2, "enemy"),
        (2, "neutral"),
    ]
    assert [e.turn for e in b.events_of(TurnStarted)] == [2, 3]
    assert [(e.turn, e.side) for e in b.events_of(PhaseStarted)][:2] == [(1, "player"), (1, "ally")]


def test_will_plus_one_each_own_phase_from_turn_two() -> None:
    b = four_sides()
    assert b.unit("p").will == 100
    for _ in range(4):
        b.do(EndPhase())
    assert b.unit("p").will == 101  # turn 2 player phase
    assert b.unit("e").will == 100  # the enemy phase of turn 2 has not started yet
    b.do(EndPhase())
    b.do(EndPhase())
    assert b.unit("e").will == 101


def test_regeneration_at_own_phase_start() -> None:
    b = four_sides()
    hp = b.unit("e").hp
    for _ in range(6):  # to turn 2 enemy phase
        b.do(EndPhase())
    assert b.unit("e").hp == hp + 2600 // 10
    assert any(isinstance(e, UnitRecovered) and e.unit == "e" for e in b.events)


def test_units_refresh_each_phase_and_turn_effects_expire() -> None:
    b = four_sides()
    b.do(Move("p", (2, 0)))
    b.do(Wait("p"))
    assert b.unit("p").done
    give(b, "p", "focus", "turn")
    for _ in range(3):
        b.do(EndPhase())
    assert b.unit("p").has_effect("focus")  # lasts through the other phases
    b.do(EndPhase())
    assert not b.unit("p").done and not b.unit("p").has_effect("focus")


def test_only_the_side_in_phase_may_act() -> None:
    b = four_sides()
    with pytest.raises(IllegalCommand, match=r"belongs to the ally side; it is the player phase"):
        b.do(Move("a", (1, 2)))
    assert all(getattr(c, "unit", "p") == "p" for c in legal_commands(b.state))


def test_defeat_all_enemies_wins_and_nothing_is_legal_after() -> None:
    defs = definitions()
    ctx = make_context(defs, ["." * 6])
    b = Battle.start(
        ctx,
        [
            Deployment("layzner", "player", pilot="eiji", pos=(0, 0), uid="p"),
            Deployment("braver", "enemy", pilot="grunt", pos=(2, 0), uid="e", hp_pct=1),
        ],
        seed=1,
    )
    give(b, "p", "strike", "turn")
    b.do(Attack("p", "layzered_rifle", "e"))
    (end,) = b.events_of(BattleEnded)
    assert end.winner == "player"  # type: ignore[attr-defined]
    assert legal_commands(b.state) == []
    with pytest.raises(IllegalCommand, match="over"):
        b.do(EndPhase())


def test_losing_every_unit_is_a_defeat() -> None:
    defs = definitions()
    ctx = make_context(defs, ["." * 6])
    b = Battle.start(
        ctx,
        [
            Deployment("braver", "player", pilot="grunt", pos=(0, 0), uid="p", hp_pct=1),
            Deployment("layzner", "enemy", pilot="eiji", pos=(2, 0), uid="e"),
        ],
        seed=1,
    )
    b.do(EndPhase())
    give(b, "e", "strike", "turn")
    b.do(Attack("e", "layzered_rifle", "p"))
    assert b.state.outcome is not None and b.state.outcome.winner == "enemy"
