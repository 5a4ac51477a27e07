"""Headless simulation: play battles out with controllers."""

from game.sim.runner import ControllerError, RunResult, play_out

__all__ = ["ControllerError", "RunResult", "play_out"]
