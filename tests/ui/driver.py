"""Drives the game like a player would: abstract inputs into the app, time on a fake clock."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pygame

from game.ai import make_controller
from game.ui.app import App, build_services
from game.ui.input.actions import Action, InputEvent, Kind
from game.ui.scene import Scene
from game.ui.services import Services
from tests.ui.training import training_catalog

FRAME = 1 / 60


class Driver:
    def __init__(self, config_dir: Path, first: Callable[[Services], Scene] | None = None) -> None:
        from game.ui.scenes.title import TitleScene

        self.services = build_services(None, config_dir=config_dir, headless=True)
        # The flows below are written against the code-built training battles and the plain
        # greedy AI, whatever the shipped scenarios and the SRW AI do (they have their own tests).
        self.services.catalog = training_catalog()
        self.services.controllers = lambda side: make_controller("greedy")
        self.app = App(self.services, (first or TitleScene)(self.services))
        self.surface = pygame.Surface((640, 360))

    # ---- reading ----------------------------------------------------------------------------
    @property
    def top(self) -> Scene:
        top = self.app.stack.top
        assert top is not None
        return top

    @property
    def scenes(self) -> list[str]:
        return [type(s).__name__ for s in self.app.stack.scenes]

    def find(self, cls: type) -> object | None:
        return next((s for s in self.app.stack.scenes if isinstance(s, cls)), None)

    # ---- input ------------------------------------------------------------------------------
    def press(self, action: Action, times: int = 1) -> None:
        for _ in range(times):
            self.app.feed([InputEvent(Kind.PRESS, action)])
            self.app.feed([InputEvent(Kind.RELEASE, action)])
            self.frame()

    def click(self, pos: tuple[int, int]) -> None:
        self.app.feed(
            [
                InputEvent(Kind.POINT, pos=pos, device="mouse"),
                InputEvent(Kind.PRESS, Action.CONFIRM, pos=pos, device="mouse"),
            ]
        )
        self.frame()

    def raw(self, events: list[pygame.event.Event]) -> None:
        self.app.step(FRAME, events)
        self.draw()

    # ---- time -------------------------------------------------------------------------------
    def frame(self) -> None:
        self.app.step(FRAME)
        self.draw()

    def run(self, seconds: float) -> None:
        for _ in range(round(seconds / FRAME)):
            self.app.step(FRAME)
        self.draw()

    def until(self, done: Callable[[], bool], seconds: float = 60.0, every: Callable[[], None] | None = None) -> None:
        """Advance time until `done()`; fails the test if it never happens."""
        for _ in range(round(seconds / FRAME)):
            if done():
                return
            if every is not None:
                every()
            self.app.step(FRAME)
        self.draw()
        assert done(), f"timed out; scenes: {self.scenes}"

    def draw(self) -> None:
        if self.app.running:
            self.app.draw(self.surface)
