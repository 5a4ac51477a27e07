"""Dialogue from `DialogueShown`: portrait, speaker name and text typed at the text speed.

Confirm (or a click) completes the line, then advances; Cancel or Menu skips the rest.
"""

from __future__ import annotations

from typing import Any

import pygame

from game.ui.input.actions import Action, InputEvent, Kind
from game.ui.render import theme
from game.ui.render.text import Fonts
from game.ui.scene import Pop, Scene, Transition
from game.ui.services import Services

TEXT_SPEEDS = {"slow": 30.0, "normal": 60.0, "fast": 140.0}  # characters per second


class DialogueScene(Scene):
    opaque = False

    def __init__(self, services: Services, lines: list[dict[str, Any]]) -> None:
        self.services = services
        self.lines = lines
        self.index = 0
        self.shown = 0.0
        self.t = 0.0

    @property
    def line(self) -> dict[str, Any]:
        return self.lines[self.index]

    @property
    def complete(self) -> bool:
        return self.shown >= len(str(self.line.get("text", "")))

    def handle(self, ev: InputEvent) -> Transition | None:
        if ev.kind is not Kind.PRESS:
            return None
        if ev.action is Action.CONFIRM:
            if not self.complete:
                self.shown = float(len(str(self.line.get("text", ""))))
                return None
            self.index += 1
            self.shown = 0.0
            if self.index >= len(self.lines):
                return Pop(None)
            self.services.audio.sfx("text")
            return None
        if ev.action in (Action.CANCEL, Action.MENU):
            return Pop(None)
        return None

    def update(self, dt: float) -> Transition | None:
        self.t += dt
        speed = TEXT_SPEEDS.get(self.services.settings.text_speed, 60.0)
        if self.services.input.is_held(Action.FAST):
            speed *= 4
        self.shown = min(float(len(str(self.line.get("text", "")))), self.shown + dt * speed)
        return None

    def draw(self, surface: pygame.Surface) -> None:
        fonts = self.services.fonts
        w, h = surface.get_size()
        box = pygame.Rect(8, h - 104, w - 16, 96)
        fonts.panel(surface, box, alpha=245, kind="window_dialogue")
        line = self.line
        portrait_id = line.get("portrait")
        portrait = (
            self.services.art.portrait(
                portrait_id,
                speaking=not self.complete and int(self.t * 8) % 2 == 0,
                expression=str(line.get("expression") or "neutral"),
            )
            if portrait_id
            else None
        )
        x = box.x + 10
        if portrait is not None:
            img = pygame.transform.scale(portrait, (80, 80))
            surface.blit(img, (box.x + 8, box.y + 8))
            pygame.draw.rect(surface, theme.PANEL_EDGE, (box.x + 8, box.y + 8, 80, 80), 1)
            x = box.x + 98
        speaker = str(line.get("speaker", ""))
        if speaker:
            # Keep the name clear of the plate's border: the plate is the text height plus a margin.
            text_h = fonts.line_height()
            tag = pygame.Rect(x - 2, box.y - 16, fonts.width(speaker, Fonts.NORMAL, True) + 16, text_h + 10)
            fonts.panel(surface, tag, edge=theme.ACCENT)
            fonts.draw(surface, speaker, (tag.x + 8, tag.y + (tag.h - text_h) // 2 + 1), bold=True, colour=theme.ACCENT)
        text = str(line.get("text", ""))[: int(self.shown)]
        for i, row in enumerate(fonts.wrap(text, box.right - x - 14)[:4]):
            fonts.draw(surface, row, (x, box.y + 12 + i * fonts.line_height()))
        if self.complete and int(self.t * 3) % 2 == 0:
            pygame.draw.polygon(
                surface,
                theme.TEXT,
                [
                    (box.right - 20, box.bottom - 16),
                    (box.right - 10, box.bottom - 16),
                    (box.right - 15, box.bottom - 10),
                ],
            )
        fonts.draw(
            surface,
            f"{self.index + 1}/{len(self.lines)}  ·  " + self.services.keys("{cancel}: skip"),
            (box.right - 28, box.bottom - 17),
            size=Fonts.SMALL,
            colour=theme.TEXT_DIM,
            align="right",
        )
