"""Who plays the computer's sides: the interface the battle scene needs from an AI
(`game.ai` provides the controllers; `game.ui.wiring` picks one per side)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from game.core import Attack, BattleState, Command


class Controller(Protocol):
    def next_command(self, state: BattleState) -> Command: ...

    def react(self, state: BattleState, attack: Attack) -> Attack: ...


ControllerFactory = Callable[[str], Controller]
