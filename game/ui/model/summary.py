"""The numbers on the victory and defeat screens."""

from __future__ import annotations

from dataclasses import dataclass

from game.core import BattleState
from game.ui.model.objectives import current_objectives
from game.ui.model.session import PLAYER_SIDE


@dataclass(frozen=True)
class BattleSummary:
    won: bool
    reason: str
    turns: int
    kills: int
    funds: int
    units_lost: int
    damage_dealt: int
    bonus: tuple[tuple[str, bool], ...]  # bonus objective text, achieved


def summarize(state: BattleState) -> BattleSummary:
    result = state.results.get(PLAYER_SIDE)
    outcome = state.outcome
    objectives = current_objectives(state)
    achieved = set(state.bonus)
    script = state.ctx.script.objectives.get(state.objectives)
    bonus: list[tuple[str, bool]] = []
    if script is not None:
        for o in script.bonus:
            bonus.append((o.text, (o.id or o.text) in achieved))
    else:
        bonus = [(t, False) for t in objectives.bonus]
    return BattleSummary(
        won=outcome is not None and outcome.winner == PLAYER_SIDE,
        reason=outcome.reason if outcome is not None else "",
        turns=state.turn,
        kills=result.kills if result else 0,
        funds=result.funds if result else 0,
        units_lost=result.lost if result else 0,
        damage_dealt=result.damage_dealt if result else 0,
        bonus=tuple(bonus),
    )
