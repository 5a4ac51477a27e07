"""Panels, bars and list menus drawn with pygame primitives."""

from __future__ import annotations

import pygame

from game.ui.render import theme


def panel(
    surface: pygame.Surface, rect: pygame.Rect, *, alpha: int = 235, edge: tuple[int, int, int] = theme.PANEL_EDGE
) -> None:
    """A framed translucent window."""
    body = pygame.Surface(rect.size, pygame.SRCALPHA)
    body.fill((*theme.PANEL, alpha))
    # a soft vertical gradient stripe keeps big panels from looking flat
    for i in range(rect.h // 2):
        shade = max(0, 18 - i // 2)
        pygame.draw.line(
            body, (theme.PANEL[0] + shade, theme.PANEL[1] + shade, theme.PANEL[2] + shade, alpha), (0, i), (rect.w, i)
        )
    surface.blit(body, rect)
    pygame.draw.rect(surface, theme.PANEL_DARK, rect, 1)
    pygame.draw.rect(surface, edge, rect.inflate(-2, -2), 1)


def bar(
    surface: pygame.Surface,
    rect: pygame.Rect,
    value: float,
    maximum: float,
    colour: tuple[int, int, int],
    *,
    back: tuple[int, int, int] = (30, 30, 40),
) -> None:
    pygame.draw.rect(surface, back, rect)
    if maximum > 0:
        w = int(rect.w * max(0.0, min(1.0, value / maximum)))
        if w > 0:
            pygame.draw.rect(surface, colour, (rect.x, rect.y, w, rect.h))
    pygame.draw.rect(surface, (0, 0, 0), rect, 1)


def hp_colour(value: float, maximum: float) -> tuple[int, int, int]:
    return theme.HP_LOW if maximum and value / maximum <= 0.3 else theme.HP_BAR


def alpha_fill(surface: pygame.Surface, rect: pygame.Rect, colour: tuple[int, int, int], alpha: int) -> None:
    layer = pygame.Surface(rect.size, pygame.SRCALPHA)
    layer.fill((*colour, alpha))
    surface.blit(layer, rect)


def cursor_box(surface: pygame.Surface, rect: pygame.Rect, colour: tuple[int, int, int], phase: float) -> None:
    """Corner brackets that pulse slightly, the SRW grid cursor."""
    grow = 1 if (phase % 0.8) < 0.4 else 0
    r = rect.inflate(grow * 2, grow * 2)
    n = max(4, r.w // 3)
    for cx, cy, dx, dy in (
        (r.left, r.top, 1, 1),
        (r.right - 1, r.top, -1, 1),
        (r.left, r.bottom - 1, 1, -1),
        (r.right - 1, r.bottom - 1, -1, -1),
    ):
        for t in (0, 1):
            pygame.draw.line(surface, (0, 0, 0), (cx + t * dx, cy + t * dy + dy), (cx + n * dx, cy + t * dy + dy))
            pygame.draw.line(surface, colour, (cx, cy + t * dy), (cx + n * dx, cy + t * dy))
            pygame.draw.line(surface, colour, (cx + t * dx, cy), (cx + t * dx, cy + n * dy))
