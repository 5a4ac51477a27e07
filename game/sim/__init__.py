"""Headless simulation: play battles out with controllers, and whole scenarios with the AI,
one run or thousands in parallel, with summaries, comparisons and report pages.

Most names below are imported on first use, so that `validate` (which needs only
`game.sim.ai_blocks`) does not pay for the AI, the batch runner and multiprocessing.
`simulate` is imported at once: the submodule of the same name would otherwise stand in
for the function once anything imported it."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from game.sim.simulate import simulate

if TYPE_CHECKING:
    from game.sim.results import BatchSpec, SimReport, SimRun, SimulationError
    from game.sim.runner import ControllerError, RunResult, play_out
    from game.sim.simulator import Simulator
    from game.sim.summary import Comparison, Summary, compare

# name -> the module that defines it
_EXPORTS = {
    "BatchSpec": "game.sim.results",
    "SimReport": "game.sim.results",
    "SimRun": "game.sim.results",
    "SimulationError": "game.sim.results",
    "ControllerError": "game.sim.runner",
    "RunResult": "game.sim.runner",
    "play_out": "game.sim.runner",
    "Simulator": "game.sim.simulator",
    "Comparison": "game.sim.summary",
    "Summary": "game.sim.summary",
    "compare": "game.sim.summary",
}

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


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'game.sim' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
