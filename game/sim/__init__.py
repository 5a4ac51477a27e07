"""Headless simulation: play battles out with controllers, and whole scenarios with the AI."""

from game.sim.runner import ControllerError, RunResult, play_out
from game.sim.simulate import SimReport, SimRun, SimulationError, simulate

__all__ = ["ControllerError", "RunResult", "SimReport", "SimRun", "SimulationError", "play_out", "simulate"]
