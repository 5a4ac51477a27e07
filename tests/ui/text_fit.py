"""Watching what a screen writes: every text's ink and every panel, as drawn, to find text
that leaves its panel, runs off the screen or is written over other text."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pygame

from game.ui.render.text import Fonts

FRAME = 2  # pixels of a panel's border that text must not touch


@dataclass(frozen=True)
class Written:
    text: str
    ink: pygame.Rect  # where its pixels are
    anchor: tuple[int, int]  # the point it was placed by (left, centre or right of the line)
    panels: int  # how many panels were drawn before it


@dataclass
class Page:
    """One drawing of a screen."""

    size: tuple[int, int]
    panels: list[pygame.Rect] = field(default_factory=list)
    texts: list[Written] = field(default_factory=list)

    def problems(self) -> list[str]:
        out = []
        screen = pygame.Rect((0, 0), self.size)
        for t in self.texts:
            if not screen.contains(t.ink):
                out.append(f"{t.text!r} runs off the screen at {t.ink}")
                continue
            home = self._panel_of(t)
            if home is not None and not home.inflate(-FRAME, -FRAME).contains(t.ink):
                out.append(f"{t.text!r} leaves its panel {home}: ink at {t.ink}")
        for i, a in enumerate(self.texts):
            for b in self.texts[i + 1 :]:
                if a.ink.colliderect(b.ink) and self._same_layer(a, b):
                    out.append(f"{a.text!r} and {b.text!r} are written over each other at {a.ink.clip(b.ink)}")
        return out

    def _panel_of(self, t: Written) -> pygame.Rect | None:
        """The innermost panel drawn before `t` that holds the point it was placed by."""
        holding = [p for p in self.panels[: t.panels] if p.collidepoint(t.anchor)]
        return min(holding, key=lambda p: p.w * p.h) if holding else None

    def _same_layer(self, a: Written, b: Written) -> bool:
        """Text under a panel drawn later is covered by it (a menu over the map), not overprinted."""
        later = self.panels[min(a.panels, b.panels) : max(a.panels, b.panels)]
        first = a if a.panels <= b.panels else b
        return not any(p.colliderect(first.ink) for p in later)


@contextmanager
def watching(fonts: Fonts, size: tuple[int, int] = (640, 360)) -> Iterator[Callable[[], Page]]:
    """While active, every `fonts.draw` and `fonts.panel` is recorded; call the yielded
    function to take the page drawn so far and start a new one."""
    page = [Page(size)]
    draw, panel = fonts.draw, fonts.panel

    def recording_panel(surface: pygame.Surface, rect: pygame.Rect, **kw: Any) -> None:
        if surface.get_size() == size:
            page[0].panels.append(pygame.Rect(rect))
        panel(surface, rect, **kw)

    def recording_draw(surface: pygame.Surface, text: str, pos: tuple[int, int], **kw: Any) -> pygame.Rect:
        font = fonts.get(kw.get("size", Fonts.NORMAL), kw.get("bold", False))
        img = font.render(text, True, (255, 255, 255))
        x, y = pos
        align = kw.get("align", "left")
        if align == "center":
            x -= img.get_width() // 2
        elif align == "right":
            x -= img.get_width()
        ink = img.get_bounding_rect().move(x, y)
        if ink.w and ink.h and surface.get_size() == size:  # drawn on the screen, not an offscreen layer
            anchor = (pos[0] if align != "right" else pos[0] - 1, y + img.get_height() // 2)
            page[0].texts.append(Written(text, ink, anchor, len(page[0].panels)))
        return draw(surface, text, pos, **kw)

    def take() -> Page:
        done, page[0] = page[0], Page(size)
        return done

    fonts.draw = recording_draw  # type: ignore[method-assign]
    fonts.panel = recording_panel  # type: ignore[method-assign]
    try:
        yield take
    finally:
        del fonts.draw
        del fonts.panel
