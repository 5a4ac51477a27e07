"""Battles for tests: start one from a shipped scenario or from YAML written in the test,
give commands, let the AI finish, assert on what happened. See README ("For test writers")
and tests/examples/.

    from game.testing import scenario_battle

    def test_the_layzner_holds_the_base() -> None:
        battle = scenario_battle("blue_comet_falls", seed=3)
        battle.until(3, "player")
        battle.finish()
        assert battle.winner == "player"

Game data (units, pilots, rules) is loaded once per process from the game folder; pass
`data=` (a `game.data.LoadResult` or Definitions) to use other data, e.g. with a mod or
`--set`-style overrides from `shipped_data(overrides=[...])`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from game.core.errors import IllegalCommand
from game.scenario import Scenario, ScenarioError, load_scenario, load_scenario_text
from game.testing.scripted import ScriptedBattle, replay
from game.testing.text_map import DEFAULT_LEGEND, TextMapError, text_map

__all__ = [
    "DEFAULT_LEGEND",
    "IllegalCommand",
    "ScenarioError",
    "ScriptedBattle",
    "TextMapError",
    "load",
    "replay",
    "scenario_battle",
    "shipped_data",
    "text_map",
    "yaml_battle",
    "yaml_scenario",
]


def shipped_data(overrides: Sequence[str] = (), mods: Sequence[str | Path] = ()) -> Any:
    """The game's data (a LoadResult) from the game folder, without the user's own mods.
    Cached per arguments: tests share one load. SimulationError names every problem."""
    return _load_data(tuple(overrides), tuple(str(m) for m in mods))


@cache
def _load_data(overrides: tuple[str, ...], mods: tuple[str, ...]) -> Any:
    from game.sim.simulate import load_data

    return load_data(None, [Path(m) for m in mods], overrides)


def load(scenario_id: str, data: Any = None) -> Scenario:
    """A shipped (or mod) scenario by id, loaded against `data` (default: `shipped_data()`)."""
    return load_scenario(scenario_id, data if data is not None else shipped_data())


def scenario_battle(scenario_id: str, seed: int = 1, data: Any = None) -> ScriptedBattle:
    """The battle of scenario `scenario_id` at the start of turn 1 (opening events fired)."""
    return ScriptedBattle(load(scenario_id, data), seed)


def yaml_scenario(
    text: str,
    data: Any = None,
    *,
    grid: str | None = None,
    legend: Mapping[str, str] | None = None,
    space: bool = False,
) -> Scenario:
    """A scenario written in the test, in the same YAML as `maps/<id>/scenario.yaml`.

    The map is `grid` drawn as text when given (one character per tile; see DEFAULT_LEGEND,
    extend it with `legend`), otherwise the `.tmx` file its `map:` names relative to the
    game folder (e.g. `map: maps/blue_comet_falls/map.tmx`). Problems raise ScenarioError
    with the line of the YAML text, as the game reports a modder's file.
    """
    loaded = data if data is not None else shipped_data()
    defs = getattr(loaded, "definitions", loaded)
    map_data = None if grid is None else text_map(grid, defs.terrains, legend=legend, space=space)
    return load_scenario_text(text, loaded, map_data=map_data)


def yaml_battle(
    text: str,
    seed: int = 1,
    data: Any = None,
    *,
    grid: str | None = None,
    legend: Mapping[str, str] | None = None,
    space: bool = False,
) -> ScriptedBattle:
    """The battle of a scenario written in the test (see `yaml_scenario`)."""
    return ScriptedBattle(yaml_scenario(text, data, grid=grid, legend=legend, space=space), seed)
