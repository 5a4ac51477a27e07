"""Side tinting: the map renderer marks a unit's side with a coloured silhouette or outline
made from the sprite's own alpha, so any sprite (a modder's too) can be tinted without a
separate mask file."""

from __future__ import annotations

import pygame


def silhouette(surface: pygame.Surface, color: pygame.typing.ColorLike) -> pygame.Surface:
    """The sprite's shape filled with one colour (use white and multiply, or the side colour)."""
    mask = pygame.mask.from_surface(surface, 1)
    return mask.to_surface(setcolor=color, unsetcolor=(0, 0, 0, 0))


def outline(surface: pygame.Surface, color: pygame.typing.ColorLike, thickness: int = 1) -> pygame.Surface:
    """A ring of `color` around the sprite, `thickness` pixels wide.

    The result is `2 * thickness` pixels wider and taller than the sprite: draw it at the
    sprite's position minus (thickness, thickness), then the sprite on top.
    """
    w, h = surface.get_size()
    shape = silhouette(surface, color)
    out = pygame.Surface((w + 2 * thickness, h + 2 * thickness), pygame.SRCALPHA)
    for dx in range(-thickness, thickness + 1):
        for dy in range(-thickness, thickness + 1):
            if abs(dx) + abs(dy) <= thickness and (dx or dy):
                out.blit(shape, (thickness + dx, thickness + dy))
    # Punch the sprite's own shape back out so only the ring remains.
    hole = silhouette(surface, (0, 0, 0, 255))
    out.blit(hole, (thickness, thickness), special_flags=pygame.BLEND_RGBA_SUB)
    return out


def tinted(surface: pygame.Surface, color: pygame.typing.ColorLike, amount: float) -> pygame.Surface:
    """The sprite blended toward `color` by `amount` (0..1), e.g. a red flash when hit."""
    amount = max(0.0, min(1.0, amount))
    out = surface.copy()
    wash = silhouette(surface, color)
    wash.set_alpha(round(255 * amount))
    out.blit(wash, (0, 0))
    return out
