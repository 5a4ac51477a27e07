"""The battle map's input modes and what they answer.

The map is always in one mode (the free cursor, a unit's move range, choosing a target,
aiming a MAP weapon, events playing, the computer's phase). A mode handles the input and
answers with a `Result`, a closed set the battle scene applies with `match`: stay, become
another mode, open a scene over the map, order a command, or go to another screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol

from game.ui.render import theme
from game.ui.scene import Push, Scene, Then, Transition

if TYPE_CHECKING:
    import pygame

    from game.core import Command
    from game.ui.input.actions import InputEvent


class After(StrEnum):
    """What the player's turn does once the events of a command are shown."""

    NOTHING = "nothing"  # back to the free cursor
    MENU = "menu"  # the unit's menu again (it moved, or cast a spirit)
    RESELECT = "reselect"  # the unit's move range again (it took off, landed, undid its move)
    NEXT_UNIT = "next_unit"  # the unit is done: the cursor goes to the next ready unit


@dataclass(frozen=True)
class Stay:
    """Nothing for the scene to do (the mode handled it, or ignored it)."""


@dataclass(frozen=True)
class Become:
    mode: Mode


@dataclass(frozen=True)
class Open:
    """A scene over the map. `open(then)` builds the transition that pushes it; its answer
    goes to `answer`, whose result is applied in turn. `keep`: the mode underneath stays (its
    tiles and cursor still drawn); otherwise the map waits with nothing selected."""

    open: Callable[[Then], Transition]
    answer: Callable[[Any], Result] | None = None
    keep: bool = True


@dataclass(frozen=True)
class Order:
    """A command for the engine; once its events are shown, `after` says what follows.
    If the engine refuses it, `otherwise` is tried (the computer ends its phase)."""

    command: Command
    after: After = After.NOTHING
    otherwise: Command | None = None
    then: Callable[[], Result] | None = None  # in place of `after` (back to the forecast)


@dataclass(frozen=True)
class Go:
    """Leave the map for another screen (the replay viewer's "stop watching")."""

    transition: Transition | None


@dataclass(frozen=True)
class Steps:
    """Several results in order, up to the first that opens a scene or starts events."""

    results: tuple[Result, ...]


Result = Stay | Become | Open | Order | Go | Steps
STAY = Stay()


def show(scene: Scene, answer: Callable[[Any], Result] | None = None, *, keep: bool = True) -> Open:
    return Open(lambda then: Push(scene, then=then), answer, keep)


class Mode:
    """One way the map takes input. The defaults: the player moves a cursor over the map."""

    #: the key hints line (with {confirm}-style key names)
    hint = ""
    #: the player drives the cursor (it is drawn, the panels show, the screen edge scrolls);
    #: False while events play or the computer acts
    player_input = True
    cursor_colour = theme.CURSOR

    def press(self, e: InputEvent) -> Result:
        return STAY

    def wheel(self, step: int) -> Result:
        return STAY

    def pointed(self) -> None:
        """The mouse put the cursor on another tile."""

    def idle(self) -> Result:
        """Every event is shown and nothing covers the map (the modes that wait use it)."""
        return STAY

    def draw(self, surface: pygame.Surface, offset: tuple[int, int]) -> None:
        """Tiles under the units."""

    def draw_over(self, surface: pygame.Surface, offset: tuple[int, int]) -> None:
        """Marks over the units (a move path)."""


class Orders(Protocol):
    """The player's turn: what picking a unit or a menu entry leads to (`orders.PlayerOrders`)."""

    def free(self) -> Result:
        """Nothing selected: the free cursor."""
        ...

    def select(self, uid: str) -> Result: ...

    def action_menu(self, uid: str) -> Result: ...

    def weapons(self, uid: str) -> Result: ...

    def spirits(self, uid: str) -> Result: ...

    def map_weapons(self, uid: str) -> Result: ...

    def forecast(self, uid: str, weapon: str, target: str) -> Result: ...

    def status(self, uid: str) -> Result:
        """The status screen of `uid`; the map is as it was when it closes."""
        ...

    def resume(self, uid: str | None, after: After) -> Result:
        """The events of the player's command are shown: what follows."""
        ...
