"""Scenarios: `maps/<id>/scenario.yaml` beside its Tiled map, compiled into the engine's
BattleContext, Script and Deployments. See docs/SCENARIOS.md."""

from game.scenario.loader import Scenario, ScenarioInfo, list_scenarios, load_scenario, load_scenario_file
from game.scenario.problems import Problem, ScenarioError

__all__ = [
    "Problem",
    "Scenario",
    "ScenarioError",
    "ScenarioInfo",
    "list_scenarios",
    "load_scenario",
    "load_scenario_file",
]
