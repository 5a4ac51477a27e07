"""Type and windows: fonts by size (the asset library's pixel fonts in the game), text
drawing with word wrapping, and the window frame every panel is drawn with."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pygame

from game.ui.render import theme
from game.ui.render.widgets import panel

if TYPE_CHECKING:
    from game.assets import AssetLibrary, BitmapFont, NineSlice

FontLoader = Callable[[int, bool], Any]  # a pygame.font.Font or anything with render/size/get_linesize
WindowSource = Callable[[str], "NineSlice | None"]


def default_font_loader(size: int, bold: bool) -> pygame.font.Font:
    font = pygame.font.Font(None, size)
    font.bold = bold
    return font


class BitmapFace:
    """A pixel font at a whole-number scale, used where a `pygame.font.Font` would be."""

    def __init__(self, font: BitmapFont, scale: int = 1) -> None:
        self.font = font
        self.scale = scale
        self.bold = False

    def render(self, text: str, antialias: bool, colour: tuple[int, int, int]) -> pygame.Surface:
        img = self.font.render(text, colour)
        if self.scale > 1:
            img = pygame.transform.scale_by(img, self.scale)
        return img

    def size(self, text: str) -> tuple[int, int]:
        w, h = self.font.size(text)
        return w * self.scale, h * self.scale

    def get_linesize(self) -> int:
        return self.font.line_height * self.scale


def library_font_loader(library: AssetLibrary) -> FontLoader:
    """Small and bold pixel fonts for panels and menus, the large one for titles (twice for huge)."""

    def load(size: int, bold: bool) -> BitmapFace:
        if size >= Fonts.HUGE:
            return BitmapFace(library.font("large"), 2)
        if size >= Fonts.LARGE:
            return BitmapFace(library.font("large"))
        return BitmapFace(library.font("bold" if bold else "small"))

    return load


class Fonts:
    """Sizes used by the interface: small (panels), normal (menus), large (titles), huge;
    and the window frame panels are drawn with."""

    SMALL, NORMAL, LARGE, HUGE = 15, 18, 26, 44

    def __init__(self, loader: FontLoader = default_font_loader, windows: WindowSource | None = None) -> None:
        self._loader = loader
        self._cache: dict[tuple[int, bool], Any] = {}
        self._windows = windows

    def panel(
        self,
        surface: pygame.Surface,
        rect: pygame.Rect,
        *,
        edge: tuple[int, int, int] = theme.PANEL_EDGE,
        alpha: int = 235,
        kind: str = "",
    ) -> None:
        """A window: the skin's frame (red-trimmed for enemies and warnings), else a drawn one.
        A coloured edge (side, accent) is kept as a thin inner line."""
        frame = None
        if self._windows is not None:
            if not kind:
                kind = "window_enemy" if edge in (theme.SIDE_COLOURS["enemy"], theme.WARNING) else "window"
            frame = self._windows(kind)
        if frame is None:
            panel(surface, rect, alpha=alpha, edge=edge)
            return
        # The skin's middle is see-through; a dark fill keeps text readable over the map.
        body = pygame.Surface(rect.inflate(-4, -4).size, pygame.SRCALPHA)
        body.fill((*theme.PANEL_DARK, alpha))
        surface.blit(body, rect.inflate(-4, -4))
        frame.draw(surface, rect)
        if edge not in (theme.PANEL_EDGE, theme.SIDE_COLOURS["enemy"], theme.WARNING):
            pygame.draw.rect(surface, edge, rect.inflate(-6, -6), 1)

    def get(self, size: int = NORMAL, bold: bool = False) -> Any:
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

    def fit(self, text: str, width: int, size: int = NORMAL, bold: bool = False) -> tuple[str, int]:
        """`text` at the largest size from `size` down to SMALL that fits `width`; cut with
        an ellipsis at SMALL if even that is too wide (names of any length fit their panel)."""
        for s in (self.HUGE, self.LARGE, self.NORMAL, self.SMALL):
            if s <= size and self.width(text, s, bold) <= width:
                return text, s
        cut = text
        while cut and self.width(cut.rstrip() + "…", self.SMALL, bold) > width:
            cut = cut[:-1]
        return cut.rstrip() + "…", self.SMALL

    def draw_fitted(
        self,
        surface: pygame.Surface,
        text: str,
        pos: tuple[int, int],
        width: int,
        *,
        size: int = NORMAL,
        bold: bool = False,
        colour: tuple[int, int, int] = theme.TEXT,
        align: str = "left",
    ) -> pygame.Rect:
        """Like `draw`, at the size `fit` picks (centred on the line of the size asked for)."""
        shown, used = self.fit(text, width, size, bold)
        y = pos[1] + (self.line_height(size) - self.line_height(used)) // 2
        return self.draw(surface, shown, (pos[0], y), size=used, bold=bold, colour=colour, align=align)

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
