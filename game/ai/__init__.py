"""Controllers that choose commands and reactions: the SRW-style AI, two baselines and
`idle` (which ends its phase at once, for tests).

Controllers evaluate on copies and never change the state they are given (`apply` is
pure); their randomness comes from the state's `ai` stream state without drawing from it.
"""

from game.ai.baselines import GreedyController, IdleController, RandomController
from game.ai.behaviour import Behaviour, BehaviourError, parse_behaviour
from game.ai.controller import CONTROLLER_NAMES, Controller, make_controller
from game.ai.difficulty import DIFFICULTIES, Difficulty
from game.ai.srw import SRWController

__all__ = [
    "CONTROLLER_NAMES",
    "DIFFICULTIES",
    "Behaviour",
    "BehaviourError",
    "Controller",
    "Difficulty",
    "GreedyController",
    "IdleController",
    "RandomController",
    "SRWController",
    "make_controller",
    "parse_behaviour",
]
