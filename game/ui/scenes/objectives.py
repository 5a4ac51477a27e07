"""The objectives of the battle in progress, viewable at any time (O, or the map menu)."""

from __future__ import annotations

import pygame

from game.core import BattleState
from game.ui.input.actions import InputEvent, Kind
from game.ui.model.objectives import BONUS_LEGEND, current_objectives
from game.ui.render import theme
from game.ui.render.text import Fonts
from game.ui.scene import Pop, Scene, Transition
from game.ui.services import Services


class ObjectivesScene(Scene):
    opaque = False

    def __init__(self, services: Services, state: BattleState) -> None:
        self.services = services
        self.state = state
        self.text = current_objectives(state)

    def handle(self, ev: InputEvent) -> Transition | None:
        if ev.kind is Kind.PRESS and ev.action is not None:
            return Pop(None)
        return None

    def draw(self, surface: pygame.Surface) -> None:
        fonts = self.services.fonts
        rows = sum(
            len(fonts.wrap(t, 370, Fonts.SMALL)) for t in (*self.text.victory, *self.text.defeat, *self.text.bonus)
        )
        headings = sum(1 for lines in (self.text.victory, self.text.defeat, self.text.bonus) if lines)
        height = 72 + rows * fonts.line_height(Fonts.SMALL) + headings * (fonts.line_height() + 6)
        rect = pygame.Rect(110, max(20, 170 - height // 2), 420, height)
        fonts.panel(surface, rect, edge=theme.ACCENT)
        x, y = rect.x + 14, rect.y + 10
        fonts.draw(
            surface, f"Objectives  ·  Turn {self.state.turn}", (x, y), size=Fonts.LARGE, bold=True, colour=theme.ACCENT
        )
        y += 34
        lh = fonts.line_height(Fonts.SMALL)
        sections = (
            ("Victory", self.text.victory, theme.GOOD, ()),
            ("Defeat", self.text.defeat, theme.WARNING, ()),
            ("Bonus", self.text.bonus, theme.ACCENT, self.text.bonus_done),
        )
        for heading, lines, colour, done in sections:
            if not lines:
                continue
            fonts.draw(surface, heading, (x, y), bold=True, colour=colour)
            y += fonts.line_height()
            for i, text in enumerate(lines):
                mark = "· "
                if done:
                    mark = "★ " if done[i] else "· "
                for j, row in enumerate(fonts.wrap(text, rect.w - 50, Fonts.SMALL)):
                    fonts.draw(surface, (mark if j == 0 else "  ") + row, (x + 10, y), size=Fonts.SMALL)
                    y += lh
            y += 6
        if self.text.bonus:
            fonts.draw(surface, BONUS_LEGEND, (x, rect.bottom - 18), size=Fonts.SMALL, colour=theme.TEXT_DIM)
        fonts.draw(
            surface,
            "Any key: close",
            (rect.right - 10, rect.bottom - 18),
            size=Fonts.SMALL,
            colour=theme.TEXT_DIM,
            align="right",
        )
