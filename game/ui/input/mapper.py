"""The one place where raw pygame events become abstract `InputEvent`s.

Keyboard keys go through the player's bindings; mouse positions are converted to the
logical 640x360 screen; gamepads use SDL's game controller API (hot-plugged). Held
directions auto-repeat here, for every device alike.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import pygame

from game.ui.input.actions import DIRECTIONS, Action, Device, InputEvent, Kind

REPEAT_DELAY = 0.28  # seconds before a held direction repeats
REPEAT_RATE = 0.075
FAST_REPEAT_RATE = 0.03
DRAG_THRESHOLD = 4  # logical pixels before a held left button counts as a drag
STICK_THRESHOLD = 16000  # of 32767

PAD_BUTTONS: dict[int, Action] = {
    pygame.CONTROLLER_BUTTON_A: Action.CONFIRM,
    pygame.CONTROLLER_BUTTON_B: Action.CANCEL,
    pygame.CONTROLLER_BUTTON_X: Action.INFO,
    pygame.CONTROLLER_BUTTON_Y: Action.DANGER,
    pygame.CONTROLLER_BUTTON_START: Action.MENU,
    pygame.CONTROLLER_BUTTON_BACK: Action.OBJECTIVES,
    pygame.CONTROLLER_BUTTON_LEFTSHOULDER: Action.PREV_UNIT,
    pygame.CONTROLLER_BUTTON_RIGHTSHOULDER: Action.NEXT_UNIT,
    pygame.CONTROLLER_BUTTON_DPAD_UP: Action.UP,
    pygame.CONTROLLER_BUTTON_DPAD_DOWN: Action.DOWN,
    pygame.CONTROLLER_BUTTON_DPAD_LEFT: Action.LEFT,
    pygame.CONTROLLER_BUTTON_DPAD_RIGHT: Action.RIGHT,
}


def key_code(name: str) -> int | None:
    try:
        return pygame.key.key_code(name)
    except ValueError:
        return None


def build_keymap(bindings: dict[str, list[str]]) -> dict[int, Action]:
    """pygame key code -> action, from action -> key names (unknown names are skipped)."""
    out: dict[int, Action] = {}
    for action_name, names in bindings.items():
        try:
            action = Action(action_name)
        except ValueError:
            continue
        for name in names:
            code = key_code(name)
            if code is not None:
                out.setdefault(code, action)
    return out


class InputMapper:
    """Turns pygame events into `InputEvent`s; call `update(dt)` each frame for repeats."""

    def __init__(
        self,
        bindings: dict[str, list[str]],
        to_logical: Callable[[tuple[int, int]], tuple[int, int] | None] = lambda p: p,
    ) -> None:
        self.keymap = build_keymap(bindings)
        self.to_logical = to_logical
        self.held: dict[Action, set[str]] = {}  # action -> sources holding it
        self._repeat: dict[Action, float] = {}  # direction -> seconds until it repeats
        self._pad_axes: dict[tuple[int, int], int] = {}
        self.controllers: dict[int, Any] = {}  # instance id -> Controller
        self._mouse_down: tuple[int, int] | None = None
        self._mouse_last: tuple[int, int] | None = None
        self._dragging = False
        self.mouse_pos: tuple[int, int] | None = None
        self.last_device: Device = "keyboard"  # the device of the latest input: edge scrolling is for mouse users

    # ---- configuration ----------------------------------------------------------------------
    def rebind(self, bindings: dict[str, list[str]]) -> None:
        self.keymap = build_keymap(bindings)

    def open_controllers(self) -> None:
        """Open every game controller already plugged in (hot-plugged ones arrive as events)."""
        from pygame._sdl2 import controller

        if not controller.get_init():
            controller.init()
        for index in range(controller.get_count()):
            self._open(index)

    def _open(self, index: int) -> None:
        from pygame._sdl2 import controller

        if not controller.get_init():  # a hot-plug event before open_controllers(): nothing to open
            return
        try:
            if not controller.is_controller(index):
                return
            pad = controller.Controller(index)
        except pygame.error:
            return
        self.controllers[pad.as_joystick().get_instance_id()] = pad

    # ---- state -------------------------------------------------------------------------------
    def is_held(self, action: Action) -> bool:
        return bool(self.held.get(action))

    def _press(self, action: Action, source: str, device: Device, key_name: str | None = None) -> InputEvent:
        self.held.setdefault(action, set()).add(source)
        if action in DIRECTIONS:
            self._repeat[action] = REPEAT_DELAY
        return InputEvent(Kind.PRESS, action, device=device, key_name=key_name)

    def _release(self, action: Action, source: str, device: Device) -> InputEvent | None:
        sources = self.held.get(action)
        if not sources or source not in sources:
            return None
        sources.discard(source)
        if sources:
            return None
        self._repeat.pop(action, None)
        return InputEvent(Kind.RELEASE, action, device=device)

    def reset(self) -> None:
        """Forget held keys (the window lost focus)."""
        self.held.clear()
        self._repeat.clear()
        self._mouse_down = None
        self._dragging = False

    # ---- translation -------------------------------------------------------------------------
    def translate(self, events: Iterable[pygame.event.Event]) -> list[InputEvent]:
        out: list[InputEvent] = []
        for ev in events:
            got = self._one(ev)
            if got:
                self.last_device = got[-1].device
            out.extend(got)
        return out

    @property
    def edge_mouse(self) -> tuple[int, int] | None:
        """The mouse position for edge scrolling: only while the mouse is what the player uses."""
        return self.mouse_pos if self.last_device == "mouse" else None

    def _one(self, ev: pygame.event.Event) -> list[InputEvent]:
        t = ev.type
        if t == pygame.KEYDOWN:
            name = pygame.key.name(ev.key)
            if ev.key in (pygame.K_RETURN, pygame.K_KP_ENTER) and ev.mod & pygame.KMOD_ALT:
                return [InputEvent(Kind.PRESS, Action.FULLSCREEN, key_name=name)]
            action = self.keymap.get(ev.key)
            if action is None:
                return [InputEvent(Kind.PRESS, None, key_name=name)]
            return [self._press(action, f"key:{ev.key}", "keyboard", name)]
        if t == pygame.KEYUP:
            action = self.keymap.get(ev.key)
            if action is None:
                return []
            rel = self._release(action, f"key:{ev.key}", "keyboard")
            return [rel] if rel else []
        if t == pygame.MOUSEMOTION:
            return self._mouse_motion(ev)
        if t == pygame.MOUSEBUTTONDOWN:
            pos = self.to_logical(ev.pos)
            if ev.button == 1 and pos is not None:
                self._mouse_down = pos
                self._mouse_last = pos
                self._dragging = False
            elif ev.button == 3:
                return [InputEvent(Kind.PRESS, Action.CANCEL, pos=pos or (0, 0), device="mouse")]
            return []
        if t == pygame.MOUSEBUTTONUP:
            if ev.button != 1:
                return []
            pos = self.to_logical(ev.pos)
            was_drag = self._dragging
            self._mouse_down = None
            self._dragging = False
            if was_drag or pos is None:
                return []
            return [InputEvent(Kind.PRESS, Action.CONFIRM, pos=pos, device="mouse")]
        if t == pygame.MOUSEWHEEL:
            step = -1 if ev.y > 0 else 1 if ev.y < 0 else 0
            if step == 0:
                return []
            return [InputEvent(Kind.WHEEL, None, pos=self.mouse_pos, delta=(0, step), device="mouse")]
        if t == pygame.CONTROLLERBUTTONDOWN:
            action = PAD_BUTTONS.get(ev.button)
            if action is None:
                return []
            return [self._press(action, f"pad:{ev.instance_id}:{ev.button}", "gamepad")]
        if t == pygame.CONTROLLERBUTTONUP:
            action = PAD_BUTTONS.get(ev.button)
            if action is None:
                return []
            rel = self._release(action, f"pad:{ev.instance_id}:{ev.button}", "gamepad")
            return [rel] if rel else []
        if t == pygame.CONTROLLERAXISMOTION:
            return self._axis(ev.instance_id, ev.axis, ev.value)
        if t == pygame.CONTROLLERDEVICEADDED:
            self._open(ev.device_index)
            return []
        if t == pygame.CONTROLLERDEVICEREMOVED:
            pad = self.controllers.pop(ev.instance_id, None)
            if pad is not None:
                pad.quit()
            out = []
            for action in list(self.held):
                for source in [s for s in self.held[action] if s.startswith(f"pad:{ev.instance_id}:")]:
                    rel = self._release(action, source, "gamepad")
                    if rel:
                        out.append(rel)
            return out
        if t == pygame.WINDOWFOCUSLOST:
            self.reset()
        elif t == pygame.WINDOWLEAVE:
            self.mouse_pos = None
        return []

    def _mouse_motion(self, ev: pygame.event.Event) -> list[InputEvent]:
        pos = self.to_logical(ev.pos)
        if pos is None:
            return []
        self.mouse_pos = pos
        out = [InputEvent(Kind.POINT, None, pos=pos, device="mouse")]
        if self._mouse_down is not None and ev.buttons[0]:
            if not self._dragging:
                dx, dy = pos[0] - self._mouse_down[0], pos[1] - self._mouse_down[1]
                if abs(dx) + abs(dy) >= DRAG_THRESHOLD:
                    self._dragging = True
            if self._dragging and self._mouse_last is not None:
                delta = (pos[0] - self._mouse_last[0], pos[1] - self._mouse_last[1])
                out.append(InputEvent(Kind.DRAG, None, pos=pos, delta=delta, device="mouse"))
            self._mouse_last = pos
        return out

    def _axis(self, instance: int, axis: int, value: int) -> list[InputEvent]:
        out: list[InputEvent] = []
        if axis in (pygame.CONTROLLER_AXIS_TRIGGERLEFT, pygame.CONTROLLER_AXIS_TRIGGERRIGHT):
            source = f"pad:{instance}:trigger{axis}"
            if value > STICK_THRESHOLD:
                if source not in self.held.get(Action.FAST, set()):
                    out.append(self._press(Action.FAST, source, "gamepad"))
            else:
                rel = self._release(Action.FAST, source, "gamepad")
                if rel:
                    out.append(rel)
            return out
        if axis == pygame.CONTROLLER_AXIS_LEFTX:
            neg, pos = Action.LEFT, Action.RIGHT
        elif axis == pygame.CONTROLLER_AXIS_LEFTY:
            neg, pos = Action.UP, Action.DOWN
        else:
            return out
        state = -1 if value < -STICK_THRESHOLD else 1 if value > STICK_THRESHOLD else 0
        key = (instance, axis)
        before = self._pad_axes.get(key, 0)
        if state == before:
            return out
        self._pad_axes[key] = state
        source = f"pad:{instance}:axis{axis}"
        if before:
            rel = self._release(neg if before < 0 else pos, source, "gamepad")
            if rel:
                out.append(rel)
        if state:
            out.append(self._press(neg if state < 0 else pos, source, "gamepad"))
        return out

    # ---- auto-repeat -------------------------------------------------------------------------
    def update(self, dt: float) -> list[InputEvent]:
        """Repeat presses for held directions."""
        out: list[InputEvent] = []
        rate = FAST_REPEAT_RATE if self.is_held(Action.FAST) else REPEAT_RATE
        for action in list(self._repeat):
            left = self._repeat[action] - dt
            while left <= 0:
                out.append(InputEvent(Kind.PRESS, action, repeat=True))
                left += rate
            self._repeat[action] = left
        return out
