"""The objective texts of the set in force, for the objectives screen and briefings."""

from __future__ import annotations

from dataclasses import dataclass

from game.core import BattleState
from game.core.script import Objectives

BONUS_LEGEND = "★ bonus achieved   · not (yet) achieved"
BONUS_COUNT_LEGEND = "★n: bonus objectives achieved in that battle"


@dataclass(frozen=True)
class ObjectiveText:
    victory: tuple[str, ...]
    defeat: tuple[str, ...]
    bonus: tuple[str, ...]
    bonus_done: tuple[bool, ...]


def objective_texts(objectives: Objectives | None, state: BattleState | None = None) -> ObjectiveText:
    if objectives is None:
        return ObjectiveText(("Defeat every enemy unit.",), ("All of your units are lost.",), (), ())
    done = tuple(bool(state is not None and o.condition.holds(state)) for o in objectives.bonus)
    return ObjectiveText(
        tuple(o.text for o in objectives.victory),
        tuple(o.text for o in objectives.defeat),
        tuple(o.text for o in objectives.bonus),
        done,
    )


def current_objectives(state: BattleState) -> ObjectiveText:
    return objective_texts(state.ctx.script.objectives.get(state.objectives), state)
