"""Examples for test writers: a battle written in the test itself.

`yaml_battle` takes the same YAML as `maps/<id>/scenario.yaml` (docs/SCENARIOS.md) and a map
drawn as text, one character per tile (`game.testing.DEFAULT_LEGEND`: `.` plain, `T`
forest, `^` mountain, `#` building, `~` water, `x` cliff, `*` space ...), or `map:` naming a
shipped `.tmx` file. Units and pilots are the shipped ones (or pass `data=`).
"""

from __future__ import annotations

import pytest

from game.testing import ScenarioError, shipped_data, yaml_battle

DUEL = """
id: duel
title: Layzner against a Braver
units:
  - {uid: layzner, unit: layzner, pilot: eiji, side: player, at: [1, 2]}
  - {uid: braver, unit: braver, pilot: grados_soldier, side: enemy, at: [5, 2]}
regions:
  ridge: {rect: [3, 0, 1, 5]}
objectives:
  main:
    victory:
      - {text: Defeat the Braver, when: {destroyed: braver}}
    defeat:
      - {text: The Layzner is destroyed, when: {destroyed: layzner}}
      - {text: Out of time, when: {after_turn: 8}}
events:
  - id: on_the_ridge
    when: {in_region: {uid: layzner, region: ridge}}
    do:
      - change_will: {uid: layzner, delta: 10}
"""

FIELD = """
.......
...T...
...T...
...T...
.......
"""


def test_terrain_drawn_in_the_test_counts_in_the_forecast() -> None:
    battle = yaml_battle(DUEL, seed=1, grid=FIELD)
    open_ground = battle.forecast("layzner", "layzered_rifle", "braver").attack.hit
    battle.arrange(braver={"pos": (3, 2)})  # into the forest: defence and evasion bonus
    in_forest = battle.forecast("layzner", "layzered_rifle", "braver").attack.hit
    assert in_forest < open_ground


def test_a_scripted_event_fires_when_the_layzner_reaches_the_ridge() -> None:
    battle = yaml_battle(DUEL, grid=FIELD)
    will = battle.unit("layzner").will
    battle.move("layzner", (3, 2))
    assert battle.fired() == ["on_the_ridge"]
    assert battle.unit("layzner").will == will + 10


def test_the_layzner_wins_the_duel_against_the_ai() -> None:
    wins = 0
    for seed in range(5):
        battle = yaml_battle(DUEL, seed=seed, grid=FIELD)
        battle.finish()
        wins += battle.winner == "player"
        assert battle.outcome is not None  # a win, or a loss on time: never undecided
    assert wins >= 4


def test_a_data_variant_changes_the_battle() -> None:
    tough = shipped_data(overrides=["units.braver.hp=9000"])
    battle = yaml_battle(DUEL, grid=FIELD, data=tough)
    assert battle.unit("braver").hp == 9000


def test_a_mistake_in_the_yaml_is_reported_with_its_line() -> None:
    broken = DUEL.replace("pilot: grados_soldier", "pilot: grados_soldir")
    with pytest.raises(ScenarioError) as caught:
        yaml_battle(broken, grid=FIELD)
    message = str(caught.value)
    assert ":6:" in message and "grados_soldier" in message  # line 6; did you mean ...
