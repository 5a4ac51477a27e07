"""Headless simulation: play scenarios out with AI controllers."""

from game.sim.simulate import SimReport, SimRun, SimulationError, simulate

__all__ = ["SimReport", "SimRun", "SimulationError", "simulate"]
