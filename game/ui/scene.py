"""Scenes and the transitions they return (push / pop / replace / reset / quit).

A scene never touches the stack: `handle` and `update` return a transition and the app
applies it. A pushed scene reports back one way only: `Push(scene, then=callback)`; when it
is popped, `callback(result)` runs and may return a further transition.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pygame

    from game.ui.input.actions import InputEvent


class Scene:
    #: False for overlays (menus, dialogue): the scenes below are drawn first.
    opaque: bool = True

    def handle(self, event: InputEvent) -> Transition | None:
        return None

    def update(self, dt: float) -> Transition | None:
        return None

    def draw(self, surface: pygame.Surface) -> None:
        pass

    def on_enter(self) -> None:
        """Called when the scene becomes the top of the stack (first time or after a pop)."""

    def keep_clear(self) -> list[pygame.Rect]:
        """Where notices must not be drawn over (a title, a banner), as last drawn."""
        return []


class Transition:
    pass


Then = Callable[[Any], "Transition | None"]


@dataclass(frozen=True)
class Push(Transition):
    """Put `scene` on top; when it pops, `then(result)` runs (the pusher's answer handler)."""

    scene: Scene
    then: Then | None = None


@dataclass(frozen=True)
class Pop(Transition):
    result: Any = None


@dataclass(frozen=True)
class Replace(Transition):
    scene: Scene


@dataclass(frozen=True)
class Reset(Transition):
    """Clear the stack and start again from `scene` (e.g. back to the title)."""

    scene: Scene


@dataclass(frozen=True)
class Quit(Transition):
    pass


@dataclass(frozen=True)
class Chain(Transition):
    """Several transitions in order (e.g. pop a menu, then push the next one)."""

    steps: tuple[Transition, ...]


class SceneStack:
    def __init__(self) -> None:
        self.scenes: list[Scene] = []
        self._then: list[Then | None] = []  # beside each scene: who hears its result
        self.quit = False

    @property
    def top(self) -> Scene | None:
        return self.scenes[-1] if self.scenes else None

    def apply(self, transition: Transition | None) -> None:
        while transition is not None:
            transition = self._apply_one(transition)

    def _apply_one(self, t: Transition) -> Transition | None:
        if isinstance(t, Chain):
            for step in t.steps:
                self.apply(step)
            return None
        if isinstance(t, Push):
            self.scenes.append(t.scene)
            self._then.append(t.then)
            t.scene.on_enter()
            return None
        if isinstance(t, Pop):
            then = None
            if self.scenes:
                self.scenes.pop()
                then = self._then.pop()
            if not self.scenes:
                self.quit = True
                return None
            self.scenes[-1].on_enter()
            return then(t.result) if then is not None else None
        if isinstance(t, Replace):
            then = None
            if self.scenes:
                self.scenes.pop()
                then = self._then.pop()  # the new scene answers to the same pusher
            self.scenes.append(t.scene)
            self._then.append(then)
            t.scene.on_enter()
            return None
        if isinstance(t, Reset):
            self.scenes = [t.scene]
            self._then = [None]
            t.scene.on_enter()
            return None
        if isinstance(t, Quit):
            self.quit = True
            return None
        raise TypeError(f"unknown transition {t!r}")

    def visible(self) -> list[Scene]:
        """The scenes to draw, bottom first: from the topmost opaque scene up."""
        start = 0
        for i in range(len(self.scenes) - 1, -1, -1):
            if self.scenes[i].opaque:
                start = i
                break
        return self.scenes[start:]
