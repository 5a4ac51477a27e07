"""Examples for test writers: drive a shipped scenario with `game.testing`.

Each test starts a battle from a scenario id and a seed, gives commands as a player would,
lets the AI play where the test does not care, and asserts on units, events and outcome.
Run just these with `python -m pytest tests/examples`.
"""

from __future__ import annotations

import pytest

from game.testing import IllegalCommand, scenario_battle


def test_mercy_makes_a_braver_pilot_eject() -> None:
    battle = scenario_battle("blue_comet_falls", seed=3)
    braver = battle.unit("braver_1")
    # Set the scene as a save file could: a worn-down Braver next to the Layzner.
    battle.arrange(braver_1={"hp": 50}, layzner={"pos": (braver.x - 1, braver.y)})
    battle.spirit("layzner", "mercy")
    battle.spirit("layzner", "strike")  # a certain hit, so the seed does not matter
    battle.attack("layzner", "knuckle_shot", "braver_1", reaction="defend")
    assert battle.unit("braver_1").status == "captured"
    assert "first_mercy" in battle.fired()
    assert ("rei", "Enemy pilot has ejected. Braver disabled.") in battle.said()


def test_the_forecast_is_what_the_attack_does() -> None:
    battle = scenario_battle("blue_comet_falls", seed=8)
    braver = battle.unit("braver_1")
    battle.arrange(layzner={"pos": (braver.x - 1, braver.y)})
    battle.spirit("layzner", "strike")
    shown = battle.forecast("layzner", "knuckle_shot", "braver_1").attack
    hp = battle.unit("braver_1").hp
    battle.attack("layzner", "knuckle_shot", "braver_1", reaction="counter")
    (hit,) = [e for e in battle.events_of("strike_resolved") if e.attacker == "layzner"]  # type: ignore[attr-defined]
    assert shown.hit == 100 and hit.hit
    dealt = shown.crit_damage if hit.crit else shown.damage
    assert hp - battle.unit("braver_1").hp == min(hp, dealt)  # HP stops at 0


def test_a_unit_cannot_act_twice() -> None:
    battle = scenario_battle("blue_comet_falls")
    battle.wait("layzner")
    with pytest.raises(IllegalCommand, match="already"):
        battle.wait("layzner")


def test_the_carrier_lands_on_turn_3_and_gale_withdraws_when_hurt() -> None:
    battle = scenario_battle("blue_comet_falls", seed=5)
    battle.until(3, "player")  # nobody acts before then; scripted events still fire
    assert "carrier_drop" in battle.fired() and battle.unit("gale").status == "active"
    gale = battle.unit("gale")
    battle.arrange(gale={"hp": gale.hp * 6 // 10 + 100}, layzner={"pos": (gale.x - 1, gale.y), "will": 150})
    battle.spirit("layzner", "strike")
    battle.attack("layzner", "knuckle_shot", "gale", reaction="defend")
    assert battle.unit("gale").status == "retreated"


def test_the_ai_finishes_the_battle_the_same_way_for_the_same_seed() -> None:
    first = scenario_battle("blue_comet_falls", seed=11)
    first.finish()
    again = scenario_battle("blue_comet_falls", seed=11)
    again.finish()
    assert first.winner in ("player", "enemy") and first.turn >= 2
    assert first.digest() == again.digest() and first.commands == again.commands


def test_play_with_the_ai_up_to_a_phase_then_take_over() -> None:
    battle = scenario_battle("sandstorm_decoy", seed=2)
    battle.play_until(2, "player")  # the AI plays both sides through turn 1
    assert (battle.turn, battle.side) == (2, "player") and battle.outcome is None
    assert "roberia" in battle.state.units  # her ambush comes on turn 2
    battle.finish(player_ai="greedy")  # any controller can take over: srw, greedy, random
    assert battle.outcome is not None
