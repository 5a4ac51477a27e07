"""The controller interface and the factory that builds controllers by name."""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Protocol

from game.ai.baselines import GreedyController, IdleController, RandomController
from game.ai.difficulty import difficulty as check_difficulty
from game.ai.planner import Planner
from game.ai.srw import SRWController
from game.core.commands import Attack, Command
from game.core.context import BattleContext
from game.core.state import BattleState

CONTROLLER_NAMES: tuple[str, ...] = ("srw", "greedy", "random", "idle")


class Controller(Protocol):
    """Chooses commands for the side in phase and reactions for its units when attacked.

    Both methods are pure functions of the state: they never change it (evaluating on
    copies), never draw from its combat stream, and give the same answer for the same
    state. `next_command` returns a command the engine accepts now (`EndPhase` when the
    side is done); `react` returns `attack` with `reaction` (and optionally
    `counter_weapon` / `support_defend`) chosen for the defending unit.
    """

    name: str

    def next_command(self, state: BattleState) -> Command: ...

    def react(self, state: BattleState, attack: Attack) -> Attack: ...


def make_controller(name: str, difficulty: str = "normal") -> Controller:
    """`srw` (the SRW-style AI), `greedy` (nearest target, strongest weapon), `random` or
    `idle` (ends its phase at once)."""
    check_difficulty(difficulty)
    if name == "srw":
        return SRWController(difficulty)
    if name == "greedy":
        return GreedyController()
    if name == "random":
        return RandomController()
    if name == "idle":
        return IdleController()
    raise ValueError(f"unknown AI controller {name!r}; choose one of {', '.join(CONTROLLER_NAMES)}")


def side_controllers(
    ctx: BattleContext,
    player_ai: str = "srw",
    enemy_ai: str = "srw",
    difficulty: str = "normal",
    planners: MutableMapping[str, Planner] | None = None,
) -> dict[str, Controller]:
    """One controller per side: `player_ai` for the player's side and its friends, `enemy_ai`
    for the rest. `difficulty` is the enemy's: the player's team, standing in for the
    player, always plays at normal, so a harder level shows as a lower player win rate.
    SRW controllers share the planner kept in `planners` per difficulty, so its caches of
    pure results stay warm from run to run (a warm planner answers as a fresh one does)."""
    check_difficulty(difficulty)
    out: dict[str, Controller] = {}
    for s in ctx.sides:
        players = ctx.friendly(s.id, ctx.player_side)
        name = player_ai if players else enemy_ai
        level = "normal" if players else difficulty
        if name == "srw" and planners is not None:
            planner = planners.get(level)
            if planner is None:
                planner = planners[level] = Planner(check_difficulty(level))
            out[s.id] = SRWController(level, planner=planner)
        else:
            out[s.id] = make_controller(name, level)
    return out
