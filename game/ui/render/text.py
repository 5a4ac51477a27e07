"""Fonts and text drawing (cached per size; word wrapping for dialogue and briefings)."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ui.render import theme

FontLoader = Callable[[int, bool], pygame.font.Font]


def default_font_loader(size: int, bold: bool) -> pygame.font.Font:
    font = pygame.font.Font(None, size)
    font.bold = bold
    return font


class Fonts:
    """Sizes used by the interface: small (panels), normal (menus), large (titles), huge."""

    SMALL, NORMAL, LARGE, HUGE = 15, 18, 26, 44

    def __init__(self, loader: FontLoader = default_font_loader) -> None:
        self._loader = loader
        self._cache: dict[tuple[int, bool], pygame.font.Font] = {}

    def get(self, size: int = NORMAL, bold: bool = False) -> pygame.font.Font:
        key = (size, bold)
        font = self._cache.get(key)
        if font is None:
            font = self._loader(size, bold)
            self._cache[key] = font
        return font

    def draw(
        self,
        surface: pygame.Surface,
        text: str,
        pos: tuple[int, int],
        *,
        size: int = NORMAL,
        colour: tuple[int, int, int] = theme.TEXT,
        bold: bool = False,
        align: str = "left",
        shadow: bool = True,
    ) -> pygame.Rect:
        font = self.get(size, bold)
        img = font.render(text, True, colour)
        x, y = pos
        if align == "center":
            x -= img.get_width() // 2
        elif align == "right":
            x -= img.get_width()
        if shadow:
            surface.blit(font.render(text, True, (0, 0, 0)), (x + 1, y + 1))
        return surface.blit(img, (x, y))

    def width(self, text: str, size: int = NORMAL, bold: bool = False) -> int:
        return self.get(size, bold).size(text)[0]

    def line_height(self, size: int = NORMAL) -> int:
        return self.get(size).get_linesize()

    def wrap(self, text: str, width: int, size: int = NORMAL) -> list[str]:
        font = self.get(size)
        lines: list[str] = []
        for paragraph in text.split("\n"):
            words = paragraph.split(" ")
            line = ""
            for word in words:
                trial = word if not line else f"{line} {word}"
                if font.size(trial)[0] <= width or not line:
                    line = trial
                else:
                    lines.append(line)
                    line = word
            lines.append(line)
        return lines
