"""The campaign against the shipped data (units/): every scenario and map checks clean and
every battle starts."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from game.core.defs import Definitions
from game.data import load_game_data
from game.scenario import check_all, list_scenarios, load_scenario
from game.sim.ai_blocks import check_ai_blocks

ROOT = Path(__file__).resolve().parents[2]
# The linear campaign in story order (route stages have no `order` and are listed after it).
CAMPAIGN = [
    "blue_comet_falls",
    "sandstorm_decoy",
    "nuclear_dawn",
    "farewell_red_planet",
    "fouron_awakens",
    "sea_of_silence",
    "red_kaiser",
    "earth_falls",
    "curfew",
    "beautiful_le_cain",
    "red_power",
    "seal_of_grados",
]
ROUTES = ["demon_squad", "saint_of_cusco"]  # no `order`: the campaign inserts the chosen one
SHIPPED = [i.id for i in list_scenarios(ROOT) if i.source == "game"]


@cache
def shipped() -> Definitions:
    result = load_game_data(ROOT, user_mods=False, check_assets_exist=False)
    assert result.ok, result.format_problems()
    return result.definitions


def test_every_scenario_and_map_checks_clean() -> None:
    loaded, problems = check_all(shipped(), root=ROOT)
    assert [str(p) for p in problems] == []
    assert sorted(s.id for s in loaded) == sorted(CAMPAIGN + ROUTES)


@pytest.mark.parametrize("sid", SHIPPED)
def test_battle_starts_with_the_shipped_roster(sid: str) -> None:
    sc = load_scenario(sid, shipped(), root=ROOT)
    state, events = sc.start(11)
    assert state.outcome is None
    assert any(e.kind == "dialogue_shown" for e in events)
    assert all(u.unit_id in shipped().units for u in state.units.values())
    assert check_ai_blocks(sc) == []  # every ai: block is one the AI understands


def test_load_scenario_takes_the_data_layers_result() -> None:
    result = load_game_data(ROOT, user_mods=False, check_assets_exist=False)
    assert load_scenario("sandstorm_decoy", result).context.defs is result.definitions
