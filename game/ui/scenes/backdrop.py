"""The starfield-and-Mars backdrop behind the title and other full-screen menus."""

from __future__ import annotations

import hashlib
import math

import pygame

from game.ui.render import theme


class Backdrop:
    """The title background picture when the art has one, drifting stars over it either way."""

    def __init__(self, picture: pygame.Surface | None = None) -> None:
        self.picture = picture
        digest = b"".join(hashlib.sha256(f"star{i}".encode()).digest() for i in range(8))
        self.stars = [
            (digest[i] * 640 // 256, digest[i + 1] * 360 // 256, 1 + digest[i + 2] % 3) for i in range(0, 240, 3)
        ]
        self._planet: pygame.Surface | None = None

    def draw(self, surface: pygame.Surface, t: float) -> None:
        if self.picture is not None:
            surface.blit(self.picture, (0, 0))
            for x, y, b in self.stars[::3]:
                if (int(t * 3) + x) % 7 == 0:
                    surface.fill((255, 255, 255), ((x - int(t * 4 * b)) % 640, y, 1, 1))
            return
        surface.fill(theme.BG)
        for x, y, b in self.stars:
            shade = 90 + b * 50
            tw = int(20 * math.sin(t * 2 + x))
            c = max(0, min(255, shade + tw))
            surface.fill(
                (c, c, min(255, c + 20)), ((x - int(t * 4 * b)) % 640, y, 1 if b < 3 else 2, 1 if b < 3 else 2)
            )
        if self._planet is None:
            self._planet = pygame.Surface((360, 360), pygame.SRCALPHA)
            for r in range(180, 0, -3):
                k = r / 180
                pygame.draw.circle(self._planet, (int(190 - 80 * k), int(80 - 40 * k), int(50 - 30 * k)), (180, 180), r)
            pygame.draw.circle(self._planet, (255, 170, 120, 60), (180, 180), 180, 3)
        surface.blit(self._planet, (380, 170))
        # the blue comet: the Layzner streaking across the sky
        cx = (t * 60) % 900 - 130
        cy = 60 + (cx * 0.18)
        for i in range(30):
            a = 255 - i * 8
            pygame.draw.circle(
                surface,
                (min(255, 80 + a // 3), min(255, 140 + a // 3), 255),
                (int(cx - i * 4), int(cy - i * 0.7)),
                max(1, 4 - i // 8),
            )
