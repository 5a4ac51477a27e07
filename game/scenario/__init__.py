"""Scenarios: `maps/<id>/scenario.yaml` beside its Tiled map, compiled into the engine's
BattleContext, Script and Deployments. See docs/SCENARIOS.md."""

from game.scenario.loader import (
    Scenario,
    ScenarioInfo,
    check_all,
    list_scenarios,
    load_scenario,
    load_scenario_file,
    load_scenario_text,
)
from game.scenario.problems import Problem, ScenarioError
from game.scenario.setup import BattleSetup, DeployPlan, SetupError

__all__ = [
    "BattleSetup",
    "DeployPlan",
    "Problem",
    "Scenario",
    "ScenarioError",
    "ScenarioInfo",
    "SetupError",
    "check_all",
    "list_scenarios",
    "load_scenario",
    "load_scenario_file",
    "load_scenario_text",
]
