"""The pilot cut-in: a band across the screen with the pilot's portrait, name and line,
slid in from the pilot's side (special attacks, criticals, spirits)."""

from __future__ import annotations

import math

import pygame

from game.ui.fx.choreo import ease, span
from game.ui.render import theme
from game.ui.render.text import Fonts

BAND_H = 112


def draw_cut_in(
    surface: pygame.Surface,
    fonts: Fonts,
    portrait: pygame.Surface | None,
    name: str,
    title: str,
    line: str,
    colour: tuple[int, int, int],
    p: float,
    *,
    from_right: bool,
    y: int = 96,
) -> None:
    """`title`: the weapon or spirit, shown large; `line`: what the pilot says."""
    w = surface.get_width()
    slide = ease(span(p, 0.0, 0.16)) - ease(span(p, 0.86, 1.0))
    if slide <= 0:
        return
    band = pygame.Surface((w, BAND_H), pygame.SRCALPHA)
    band.fill((10, 14, 30, 225))
    t = p * 6
    for i in range(14):  # speed lines streaming across the band
        ly = (i * 41) % BAND_H
        lx = int(((i * 97 + t * 900) % (w + 200)) - 100)
        if from_right:
            lx = w - lx
        pygame.draw.line(band, (*colour, 90), (lx, ly), (lx + (-120 if from_right else 120), ly), 2)
    pygame.draw.rect(band, colour, (0, 0, w, 3))
    pygame.draw.rect(band, colour, (0, BAND_H - 3, w, 3))
    offset = int((1 - slide) * w) * (1 if from_right else -1)
    surface.blit(band, (offset, y))
    if portrait is not None:
        face = pygame.transform.scale(portrait, (BAND_H - 10, BAND_H - 10))
        px = w - face.get_width() - 24 if from_right else 24
        # a slight lean in as it arrives
        nudge = int(math.sin(span(p, 0.1, 0.3) * math.pi) * 6) * (-1 if from_right else 1)
        surface.blit(face, (px + offset + nudge, y + 5))
        pygame.draw.rect(
            surface, colour, (px + offset + nudge - 2, y + 3, face.get_width() + 4, face.get_height() + 4), 2
        )
    text_x = 24 if from_right else BAND_H + 40
    text_w = w - BAND_H - 80
    fonts.draw(surface, name, (text_x + offset, y + 8), size=Fonts.SMALL, colour=colour, bold=True)
    if title:
        fonts.draw(surface, title, (text_x + offset, y + 24), size=Fonts.LARGE, bold=True, colour=theme.ACCENT)
    for i, text in enumerate(fonts.wrap(f'"{line}"', text_w, Fonts.NORMAL)[:2] if line else []):
        fonts.draw(surface, text, (text_x + offset, y + 58 + i * 20), size=Fonts.NORMAL, colour=theme.TEXT)
