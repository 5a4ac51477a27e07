"""game.testing itself: its errors say what is wrong, its AI steps stop where asked, and its
command log replays to the same battle."""

from __future__ import annotations

import re

import pytest

from game.testing import (
    ScenarioError,
    TextMapError,
    load,
    replay,
    scenario_battle,
    shipped_data,
    text_map,
    yaml_battle,
    yaml_scenario,
)

DUEL = """
id: duel
title: Duel
units:
  - {uid: layzner, unit: layzner, pilot: eiji, side: player, at: [0, 0]}
  - {uid: braver, unit: braver, pilot: grados_soldier, side: enemy, at: [3, 1]}
objectives:
  main:
    victory: [{text: Win, when: {destroyed: braver}}]
    defeat: [{text: Lose, when: {destroyed: layzner}}]
"""


def terrains():  # type: ignore[no-untyped-def]
    return shipped_data().definitions.terrains


def test_a_text_map_reads_its_legend_and_size() -> None:
    m = text_map("\n  ..~\n  T^#\n", terrains())
    assert (m.grid.width, m.grid.height) == (3, 2)
    assert m.grid.tiles == ("plain", "plain", "water", "forest", "mountain", "building")


@pytest.mark.parametrize(
    ("drawn", "legend", "message"),
    [
        ("...\n..", None, "row 2 has 2 tiles, the first row has 3"),
        ("..?", None, "unknown tile '?' at (2, 0)"),
        ("..L", {"L": "lava"}, "names terrain 'lava', which is not defined"),
        ("\n\n", None, "the map has no rows"),
    ],
)
def test_text_map_mistakes_are_named(drawn: str, legend: dict[str, str] | None, message: str) -> None:
    with pytest.raises(TextMapError, match=re.escape(message)):
        text_map(drawn, terrains(), legend=legend)


def test_yaml_can_borrow_a_shipped_map() -> None:
    text = DUEL.replace("title: Duel", "title: Duel\nmap: maps/blue_comet_falls/map.tmx")
    text = text.replace("at: [0, 0]", "at: [10, 10]").replace("at: [3, 1]", "at: [13, 10]")
    borrowed, shipped = yaml_scenario(text).map.grid, load("blue_comet_falls").map.grid
    assert (borrowed.width, borrowed.height) == (shipped.width, shipped.height)


def test_a_unit_off_the_map_is_a_scenario_error() -> None:
    with pytest.raises(ScenarioError, match=re.escape("<inline scenario>:6:") + ".*outside the 4x2 map"):
        yaml_battle(DUEL.replace("at: [3, 1]", "at: [9, 9]"), grid="....\n....")


def test_arrange_names_unknown_units_and_fields() -> None:
    battle = yaml_battle(DUEL, grid="....\n....")
    with pytest.raises(KeyError, match="no unit 'bravr'; units: braver, layzner"):
        battle.arrange(bravr={"hp": 1})
    with pytest.raises(KeyError, match=r"\['hitpoints'\] do not exist"):
        battle.arrange(braver={"hitpoints": 1})
    battle.arrange(braver={"hp": 7, "pos": (2, 1)})
    assert battle.unit("braver").hp == 7 and battle.unit("braver").pos == (2, 1)


def test_until_refuses_the_past_and_unknown_sides() -> None:
    battle = yaml_battle(DUEL, grid="....\n....")
    battle.until(2, "enemy")
    assert (battle.turn, battle.side) == (2, "enemy")
    with pytest.raises(ValueError, match="already past"):
        battle.until(1, "player")
    with pytest.raises(ValueError, match="no side 'ally'"):
        battle.until(3, "ally")


def test_play_until_stops_at_the_phase_asked_for() -> None:
    battle = scenario_battle("blue_comet_falls", seed=4)
    result = battle.play_until(2, "enemy")
    assert (battle.turn, battle.side) == (2, "enemy") and result.winner is None
    assert any(c.kind != "end_phase" for c in battle.commands)  # the AI acted on the way


def test_the_command_log_replays_to_the_same_battle() -> None:
    battle = scenario_battle("sandstorm_decoy", seed=6)
    battle.do(next(c for c in battle.legal("layzner") if c.kind == "move"))  # ours among the AI's
    battle.finish(max_turns=4)
    again = replay(battle.scenario, 6, battle.commands)
    assert again.digest() == battle.digest() and again.events == battle.events
