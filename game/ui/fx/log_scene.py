"""The battle log screen (from the pause menu): the newest lines at the bottom, Up/Down to
scroll, any other key to close."""

from __future__ import annotations

import pygame

from game.ui.fx.log import LogLine
from game.ui.input.actions import Action, InputEvent, Kind
from game.ui.render import theme
from game.ui.render.text import Fonts
from game.ui.scene import Pop, Scene, Transition
from game.ui.services import Services

COLOURS = {
    "turn": theme.ACCENT,
    "quote": (190, 220, 255),
    "action": theme.TEXT,
    "result": theme.WARNING,
    "dialogue": theme.TEXT_DIM,
}


class BattleLogScene(Scene):
    opaque = False

    def __init__(self, services: Services, lines: list[LogLine]) -> None:
        self.services = services
        self.lines = lines
        self.scroll = 0  # rows up from the newest
        self._rows: list[tuple[str, str]] | None = None

    def rows(self) -> list[tuple[str, str]]:
        if self._rows is None:
            fonts = self.services.fonts
            self._rows = [(text, line.kind) for line in self.lines for text in fonts.wrap(line.text, 560, Fonts.SMALL)]
        return self._rows

    def handle(self, e: InputEvent) -> Transition | None:
        if e.kind is not Kind.PRESS or e.action is None:
            return None
        if e.action in (Action.UP, Action.DOWN):
            step = 1 if e.action is Action.UP else -1
            self.scroll = max(0, min(max(0, len(self.rows()) - 1), self.scroll + step))
            return None
        return Pop(None)

    def draw(self, surface: pygame.Surface) -> None:
        fonts = self.services.fonts
        w, h = surface.get_size()
        rect = pygame.Rect(20, 16, w - 40, h - 32)
        fonts.panel(surface, rect, edge=theme.ACCENT)
        fonts.draw(surface, "Battle Log", (rect.x + 12, rect.y + 8), size=Fonts.LARGE, bold=True, colour=theme.ACCENT)
        fonts.draw(
            surface,
            self.services.keys("Up/Down: scroll  ·  {cancel}: close"),
            (rect.right - 12, rect.y + 14),
            size=Fonts.SMALL,
            colour=theme.TEXT_DIM,
            align="right",
        )
        rows = self.rows()
        lh = fonts.line_height(Fonts.SMALL)
        fit = (rect.h - 50) // lh
        end = len(rows) - self.scroll
        shown = rows[max(0, end - fit) : end]
        y = rect.y + 42
        if not shown:
            fonts.draw(surface, "Nothing has happened yet.", (rect.x + 14, y), size=Fonts.SMALL, colour=theme.TEXT_DIM)
        for text, kind in shown:
            fonts.draw(surface, text, (rect.x + 14, y), size=Fonts.SMALL, colour=COLOURS.get(kind, theme.TEXT))
            y += lh
