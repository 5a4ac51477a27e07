"""The rules engine: pure, deterministic, standard library only.

No pygame, YAML, pytmx or pydantic here, no file I/O and no global random: everything
else in the game is a client of `apply(state, command) -> (new_state, events)`.
"""

from game.core.combat import Forecast, StrikeCalc, forecast, forecast_attack
from game.core.commands import (
    Attack,
    CancelMove,
    CastSpirit,
    Command,
    EndPhase,
    Land,
    MapAttack,
    Move,
    Pick,
    Repair,
    Supply,
    TakeOff,
    UseItem,
    Wait,
    command_from_json,
)
from game.core.context import BattleContext, SideDef
from game.core.deploy import DeploymentError
from game.core.engine import apply, legal_commands, new_battle
from game.core.errors import IllegalCommand
from game.core.events import Event
from game.core.grid import Grid, distance
from game.core.movement import reachable
from game.core.script import Deployment, Script
from game.core.state import BattleState, UnitState, UnitStatus

__all__ = [
    "Attack",
    "BattleContext",
    "BattleState",
    "CancelMove",
    "CastSpirit",
    "Command",
    "Deployment",
    "DeploymentError",
    "EndPhase",
    "Event",
    "Forecast",
    "Grid",
    "IllegalCommand",
    "Land",
    "MapAttack",
    "Move",
    "Pick",
    "Repair",
    "Script",
    "SideDef",
    "StrikeCalc",
    "Supply",
    "TakeOff",
    "UnitState",
    "UnitStatus",
    "UseItem",
    "Wait",
    "apply",
    "command_from_json",
    "distance",
    "forecast",
    "forecast_attack",
    "legal_commands",
    "new_battle",
    "reachable",
]
