"""The window: a 640x360 logical surface scaled by whole numbers and letterboxed.

Everything is drawn at the logical size, so text and pixel art stay crisp at 2x, 3x...
When the window is smaller than the logical screen it is scaled down smoothly instead.
"""

from __future__ import annotations

import pygame

LOGICAL_SIZE = (640, 360)


def fit(window: tuple[int, int], logical: tuple[int, int] = LOGICAL_SIZE) -> tuple[pygame.Rect, int]:
    """Where the logical screen goes in a window of this size, and its integer scale (0 = shrunk)."""
    ww, wh = window
    lw, lh = logical
    scale = min(ww // lw, wh // lh)
    if scale >= 1:
        w, h = lw * scale, lh * scale
    else:  # too small for 1x: shrink, keeping the aspect ratio
        ratio = min(ww / lw, wh / lh)
        w, h = max(1, int(lw * ratio)), max(1, int(lh * ratio))
    return pygame.Rect((ww - w) // 2, (wh - h) // 2, w, h), scale


class Display:
    def __init__(self, scale: int = 2, fullscreen: bool = False, title: str = "Blue Comet Tactics") -> None:
        self.logical = pygame.Surface(LOGICAL_SIZE)
        self.windowed_size = (LOGICAL_SIZE[0] * max(1, scale), LOGICAL_SIZE[1] * max(1, scale))
        self.fullscreen = False
        pygame.display.set_caption(title)
        self.window = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
        if fullscreen:
            self.toggle_fullscreen()
        self._scaled: pygame.Surface | None = None

    @property
    def size(self) -> tuple[int, int]:
        return self.window.get_size()

    def set_scale(self, scale: int) -> None:
        self.windowed_size = (LOGICAL_SIZE[0] * scale, LOGICAL_SIZE[1] * scale)
        if not self.fullscreen:
            self.window = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)

    def toggle_fullscreen(self) -> None:
        if self.fullscreen:
            self.window = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
            self.fullscreen = False
        else:
            self.windowed_size = self.window.get_size()
            self.window = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
            self.fullscreen = True

    def resized(self, size: tuple[int, int]) -> None:
        """The window was resized by the player (pygame-ce keeps the display surface in sync)."""
        self.window = pygame.display.get_surface() or self.window
        if not self.fullscreen:
            self.windowed_size = size

    def to_logical(self, pos: tuple[int, int]) -> tuple[int, int] | None:
        rect, _ = fit(self.size)
        if not rect.collidepoint(pos):
            return None
        x = (pos[0] - rect.x) * LOGICAL_SIZE[0] // rect.w
        y = (pos[1] - rect.y) * LOGICAL_SIZE[1] // rect.h
        return (x, y)

    def present(self) -> None:
        rect, scale = fit(self.size)
        self.window.fill((0, 0, 0))
        if scale == 1:
            self.window.blit(self.logical, rect)
        elif scale > 1:
            if self._scaled is None or self._scaled.get_size() != rect.size:
                self._scaled = pygame.Surface(rect.size)
            pygame.transform.scale(self.logical, rect.size, self._scaled)
            self.window.blit(self._scaled, rect)
        else:
            self.window.blit(pygame.transform.smoothscale(self.logical, rect.size), rect)
        pygame.display.flip()
