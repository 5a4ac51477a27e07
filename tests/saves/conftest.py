"""Shipped data, scenarios and whole AI battles (played once per test session) for the save,
replay and restore tests."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from game.ai import make_controller
from game.core import Command
from game.core.state import BattleState
from game.data import LoadResult, load_game_data
from game.scenario import Scenario, load_scenario
from game.sim import play_out

ROOT = Path(__file__).resolve().parents[2]
CAMPAIGN = ("blue_comet_falls", "sandstorm_decoy", "farewell_red_planet", "beautiful_le_cain", "seal_of_grados")
SEED = 11


@dataclass(frozen=True)
class Played:
    scenario: Scenario
    seed: int
    commands: tuple[Command, ...]
    final: BattleState


def ai_sides(scenario: Scenario) -> dict[str, object]:
    return {s.id: make_controller("srw") for s in scenario.context.sides}


@pytest.fixture(scope="session")
def game_data() -> LoadResult:
    result = load_game_data(ROOT, user_mods=False, check_assets_exist=False)
    assert result.ok, result.format_problems()
    return result


@pytest.fixture(scope="session")
def loader(game_data: LoadResult) -> Callable[[str], Scenario]:
    return lambda sid: load_scenario(sid, game_data, root=ROOT)


@pytest.fixture(scope="session")
def played(loader: Callable[[str], Scenario]) -> dict[str, Played]:
    """Every campaign scenario played to the end by the AI on all sides."""
    out = {}
    for sid in CAMPAIGN:
        scenario = loader(sid)
        state, _ = scenario.start(SEED)
        result = play_out(state, ai_sides(scenario))  # type: ignore[arg-type]
        assert result.state.outcome is not None, f"{sid} did not finish"
        out[sid] = Played(scenario, SEED, tuple(result.commands), result.state)
    return out
