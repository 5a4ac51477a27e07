"""Scenario hooks inside apply: triggers, actions, objectives (victory, defeat, bonus)."""

from __future__ import annotations

from game.core import Deployment, EndPhase, Move
from game.core.events import BattleEnded, DialogueShown, UnitRetreated, UnitSpawned
from game.core.headless import Battle, make_context
from game.core.script import (
    Adjacent,
    AllDefeated,
    AllOf,
    AnyDestroyed,
    AnyRetreated,
    ChangeWill,
    Dialogue,
    DialogueLine,
    HpAtMost,
    InRegion,
    Not,
    Objective,
    Objectives,
    PhaseIs,
    Retreat,
    Script,
    Select,
    SetFlag,
    SetObjectives,
    Spawn,
    Trigger,
    TurnAtLeast,
)
from tests.core.roster import definitions, give

GALE = Select(uid="gale")


def script(**extra) -> Script:  # type: ignore[no-untyped-def]
    main = Objectives(
        victory=(
            Objective(
                "Defeat the Bravers and drive Gale off", AllOf((AllDefeated(Select(unit="braver")), AnyRetreated(GALE)))
            ),
        ),
        defeat=(Objective("Layzner is destroyed", AnyDestroyed(Select(uid="layzner"))),),
        bonus=(Objective("Win by turn 3", Not(TurnAtLeast(4)), id="fast"),),
    )
    escape = Objectives(victory=(Objective("Reach the cave", InRegion(Select(uid="layzner"), "cave")),))
    return Script(
        regions={"cave": frozenset({(9, 0), (9, 1)})},
        spawn_points={"drop": (8, 2)},
        objectives={"main": main, "escape": escape},
        triggers=(
            Trigger("opening", PhaseIs("player", 1), (Dialogue((DialogueLine("Eiji", "Grados is coming!", "eiji"),)),)),
            Trigger(
                "gale_arrives",
                PhaseIs("player", 2),
                (Spawn((Deployment("greimkaiser", "enemy", pilot="gale", spawn="drop", uid="gale"),)),),
            ),
            Trigger("gale_retreats", HpAtMost(GALE, 60), (Retreat(GALE, DialogueLine("Gale", "Fall back!", "gale")),)),
            Trigger(
                "talk",
                Adjacent(Select(uid="layzner"), GALE),
                (ChangeWill(Select(uid="layzner"), 10), SetFlag("talked")),
            ),
            Trigger("switch", PhaseIs("player", 5), (SetObjectives("escape"),)),
        ),
        **extra,
    )


def start() -> Battle:
    ctx = make_context(definitions(), ["." * 10] * 4, script=script())
    return Battle.start(
        ctx,
        [
            Deployment("layzner", "player", pilot="eiji", pos=(0, 0), uid="layzner"),
            Deployment("braver", "enemy", pilot="grunt", pos=(5, 3), uid="b1"),
        ],
        seed=3,
    )


def test_opening_dialogue_fires_at_battle_start() -> None:
    b = start()
    (d,) = b.events_of(DialogueShown)
    assert d.trigger == "opening" and d.lines[0]["text"] == "Grados is coming!"  # type: ignore[attr-defined]


def test_reinforcement_spawns_on_turn_two_at_its_spawn_point() -> None:
    b = start()
    b.do(EndPhase())
    assert "gale" not in b.state.units
    b.do(EndPhase())
    (s,) = b.events_of(UnitSpawned)
    assert (s.unit, s.pos) == ("gale", (8, 2))  # type: ignore[attr-defined]
    b.do(EndPhase())
    b.do(EndPhase())
    assert len(b.events_of(UnitSpawned)) == 1  # once only


def test_hp_threshold_makes_the_boss_retreat_and_completes_the_objective() -> None:
    b = start()
    b.do(EndPhase())
    b.do(EndPhase())
    # Scenario conditions are state predicates; damage Gale directly to cross 60%.
    b.state.units["b1"].hp = 0
    b.state.units["b1"].status = "destroyed"
    b.state.units["gale"].hp = 14000 * 60 // 100
    b.do(Move("layzner", (1, 0)))
    assert any(isinstance(e, UnitRetreated) and e.unit == "gale" for e in b.events)
    (end,) = b.events_of(BattleEnded)
    assert end.winner == "player" and end.bonus == ("fast",)  # type: ignore[attr-defined]


def test_talk_event_when_adjacent() -> None:
    b = start()
    b.do(EndPhase())
    b.do(EndPhase())
    b.state.units["gale"].x, b.state.units["gale"].y = 3, 0
    b.do(Move("layzner", (2, 0)))
    assert b.unit("layzner").will == 100 + 1 + 10  # turn-2 Will +1, talk +10
    assert b.state.flags["talked"] is True


def test_move_that_fires_an_event_cannot_be_cancelled() -> None:
    b = start()
    b.do(EndPhase())
    b.do(EndPhase())
    b.state.units["gale"].x, b.state.units["gale"].y = 3, 0
    b.do(Move("layzner", (2, 0)))
    assert b.state.undo is None


def test_objectives_can_change_and_defeat_conditions_apply() -> None:
    b = start()
    for _ in range(8):
        b.do(EndPhase())
    assert b.state.objectives == "escape"
    give(b, "layzner", "accel", "next_move")
    b.do(Move("layzner", (9, 0)))
    (end,) = b.events_of(BattleEnded)
    assert end.winner == "player" and end.reason == "Reach the cave"  # type: ignore[attr-defined]
