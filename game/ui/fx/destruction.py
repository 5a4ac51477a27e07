"""A unit's destruction: it sags to its down pose and burns, smaller blasts break out over
its body, then one big explosion, a flash, and it is gone."""

from __future__ import annotations

import math

import pygame

from game.ui.fx.choreo import Effects, span

BLASTS = ((-22, -30), (18, -52), (-8, -70), (26, -20), (-30, -58), (4, -40))
GONE = 0.62  # the sprite disappears in the big explosion


def draw_destruction(
    surface: pygame.Surface,
    effects: Effects,
    sprite: pygame.Surface,
    burnt: pygame.Surface,
    stance: tuple[int, int],
    p: float,
    t: float,
) -> None:
    x, y = stance
    if p < GONE:
        sink = int(12 * span(p, 0.1, GONE))
        tilt = -8 * span(p, 0.2, GONE)
        img = burnt if int(t * 18) % 3 else sprite
        if tilt:
            img = pygame.transform.rotate(img, tilt)
        shake = int(math.sin(t * 80) * 3)
        surface.blit(img, img.get_rect(midbottom=(x + shake, y + sink)))
    for i, (dx, dy) in enumerate(BLASTS):
        start = 0.04 + i * 0.08
        if start <= p < start + 0.22:
            k = span(p, start, start + 0.22)
            if not effects.blit(surface, "explosion_small", (x + dx, y + dy), k, 1.6):
                pygame.draw.circle(surface, (255, 190, 90), (x + dx, y + dy), int(6 + 14 * k))
    if p >= GONE - 0.06:
        k = span(p, GONE - 0.06, 1.0)
        if not effects.blit(surface, "explosion", (x, y - 50), k, 3.0):
            pygame.draw.circle(surface, (255, 200, 80), (x, y - 50), int(10 + 90 * k))
    if GONE - 0.04 <= p < GONE + 0.08:  # the flash of the blast
        flash = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        flash.fill((255, 240, 220, int(170 * (1 - span(p, GONE - 0.04, GONE + 0.08)))))
        surface.blit(flash, (0, 0))
    if p >= GONE:  # debris thrown out
        k = span(p, GONE, 1.0)
        for i in range(10):
            a = i * 0.63 + 0.3
            d = 20 + 110 * k
            px = int(x + math.cos(a) * d * (1 if i % 2 else -1))
            py = int(y - 50 - math.sin(a) * d + 140 * k * k)
            pygame.draw.rect(surface, (90, 80, 80), (px, py, 4, 3))
