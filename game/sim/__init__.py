"""Headless simulation: play battles out with controllers, and whole scenarios with the AI,
one run or thousands in parallel, with summaries, comparisons and report pages."""

from game.sim.results import BatchSpec, SimReport, SimRun, SimulationError
from game.sim.runner import ControllerError, RunResult, play_out
from game.sim.simulate import simulate
from game.sim.simulator import Simulator
from game.sim.summary import Comparison, Summary, compare

__all__ = [
    "BatchSpec",
    "Comparison",
    "ControllerError",
    "RunResult",
    "SimReport",
    "SimRun",
    "SimulationError",
    "Simulator",
    "Summary",
    "compare",
    "play_out",
    "simulate",
]
