"""Abstract input actions: what the player means, whatever the device."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal


class Action(StrEnum):
    UP = "up"
    DOWN = "down"
    LEFT = "left"
    RIGHT = "right"
    CONFIRM = "confirm"
    CANCEL = "cancel"
    MENU = "menu"  # pause menu
    INFO = "info"  # status screen of the unit under the cursor
    NEXT_UNIT = "next_unit"
    PREV_UNIT = "prev_unit"
    DANGER = "danger"  # toggle the enemy danger zone
    OBJECTIVES = "objectives"
    FAST = "fast"  # held: fast cursor, fast-forward animations
    REWIND = "rewind"  # take back the player's last action of this phase
    FULLSCREEN = "fullscreen"


DIRECTIONS: dict[Action, tuple[int, int]] = {
    Action.UP: (0, -1),
    Action.DOWN: (0, 1),
    Action.LEFT: (-1, 0),
    Action.RIGHT: (1, 0),
}

# pygame key names (pygame.key.name) per action; players can change these in Settings.
DEFAULT_KEY_BINDINGS: dict[str, list[str]] = {
    Action.UP.value: ["up", "w"],
    Action.DOWN.value: ["down", "s"],
    Action.LEFT.value: ["left", "a"],
    Action.RIGHT.value: ["right", "d"],
    Action.CONFIRM.value: ["z", "return", "space"],
    Action.CANCEL.value: ["x", "escape", "backspace"],
    Action.MENU.value: ["p", "f10"],
    Action.INFO.value: ["c", "i"],
    Action.NEXT_UNIT.value: ["e"],
    Action.PREV_UNIT.value: ["q"],
    Action.DANGER.value: ["v"],
    Action.OBJECTIVES.value: ["o"],
    Action.FAST.value: ["left shift", "right shift"],
    Action.REWIND.value: ["r"],
    Action.FULLSCREEN.value: ["f11"],
}

# Actions a player may rebind in Settings, in menu order, with their labels.
REBINDABLE: tuple[tuple[Action, str], ...] = (
    (Action.UP, "Up"),
    (Action.DOWN, "Down"),
    (Action.LEFT, "Left"),
    (Action.RIGHT, "Right"),
    (Action.CONFIRM, "Confirm"),
    (Action.CANCEL, "Cancel"),
    (Action.MENU, "Pause menu"),
    (Action.INFO, "Unit status"),
    (Action.NEXT_UNIT, "Next unit"),
    (Action.PREV_UNIT, "Previous unit"),
    (Action.DANGER, "Danger zone"),
    (Action.OBJECTIVES, "Objectives"),
    (Action.FAST, "Fast (hold)"),
    (Action.REWIND, "Rewind"),
)


class Kind(StrEnum):
    PRESS = "press"  # an action started (or repeats while held, with repeat=True)
    RELEASE = "release"
    POINT = "point"  # the mouse moved over the logical screen
    WHEEL = "wheel"
    DRAG = "drag"  # mouse dragged with the left button: delta in logical pixels


# What an input came from: mouse users get edge scrolling, the others do not.
Device = Literal["keyboard", "mouse", "gamepad"]


@dataclass(frozen=True, slots=True)
class InputEvent:
    """One abstract input. Clicks are CONFIRM presses with a `pos`; right clicks are CANCEL."""

    kind: Kind
    action: Action | None = None
    pos: tuple[int, int] | None = None  # logical screen coordinates for mouse input
    delta: tuple[int, int] = (0, 0)  # wheel steps (0, ±1) or drag delta
    repeat: bool = False
    device: Device = "keyboard"
    key_name: str | None = None  # the raw key for key remapping

    def pressed(self, action: Action) -> bool:
        return self.kind is Kind.PRESS and self.action is action

    @property
    def is_click(self) -> bool:
        return self.kind is Kind.PRESS and self.pos is not None
