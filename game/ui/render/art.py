"""Pictures of units, pilots, terrain, effects and windows, behind one interface.

The game uses the asset library (`game.ui.render.library_art.LibraryArt`). `DrawnArt`
paints simple figures with pygame primitives: the fallback for ids the library lacks (a
mod's unit without a sprite) and the terrain of code-built battles, which have no Tiled
tileset. Every result is cached.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

import pygame

if TYPE_CHECKING:
    from game.assets import NineSlice

from game.ui.render import theme

TERRAIN_COLOURS: dict[str, tuple[int, int, int]] = {
    "plain": (176, 110, 74),
    "road": (150, 140, 130),
    "sand": (206, 150, 92),
    "crater": (150, 92, 64),
    "rough": (140, 96, 70),
    "cliff": (96, 64, 50),
    "mountain": (112, 74, 58),
    "forest": (60, 120, 60),
    "building": (120, 124, 140),
    "skyscraper": (90, 96, 120),
    "water": (50, 100, 170),
    "bridge": (130, 110, 90),
    "base": (130, 140, 160),
    "cave": (70, 54, 50),
    "town": (150, 140, 120),
    "tower": (80, 70, 90),
    "void": (8, 10, 24),
    "debris": (60, 60, 70),
    "asteroid": (90, 80, 76),
    "station": (120, 130, 150),
    "wall": (70, 60, 60),
    "chasm": (20, 16, 16),
}


class Art(Protocol):
    def unit_sprite(self, unit_id: str, side: str, frame: int = 0) -> pygame.Surface: ...

    def battle_sprite(self, unit_id: str, side: str, pose: int = 0) -> pygame.Surface: ...

    def battle_anchor(self, unit_id: str, name: str = "muzzle") -> tuple[int, int] | None: ...

    def portrait(
        self, portrait_id: str | None, speaking: bool = False, expression: str = "neutral"
    ) -> pygame.Surface | None: ...

    def terrain_tile(self, terrain_id: str, variant: int = 0) -> pygame.Surface: ...

    def effect(self, effect_id: str) -> Sequence[pygame.Surface] | None: ...

    def ui(self, ui_id: str) -> pygame.Surface | None: ...

    def ui_frames(self, ui_id: str) -> Sequence[pygame.Surface] | None: ...

    def window(self, kind: str) -> NineSlice | None: ...


def _hue(key: str) -> tuple[int, int, int]:
    digest = hashlib.sha256(key.encode()).digest()
    colour = pygame.Color(0)
    colour.hsva = (digest[0] * 360 / 256, 35 + digest[1] % 30, 70 + digest[2] % 25, 100)
    return (colour.r, colour.g, colour.b)


def body_colour(unit_id: str, side: str) -> tuple[int, int, int]:
    """Units keep one colour per id, nudged toward their side's colour so sides read at a glance."""
    base = _hue(unit_id)
    side_c = theme.SIDE_COLOURS.get(side, (200, 200, 200))
    return tuple((b + 2 * s) // 3 for b, s in zip(base, side_c, strict=True))  # type: ignore[return-value]


def draw_mech(
    surface: pygame.Surface, rect: pygame.Rect, colour: tuple[int, int, int], facing: int = 1, bob: int = 0
) -> None:
    """A small SPT silhouette: head, torso, shoulder armour, arms and legs."""
    x, y, w, h = rect.x, rect.y + bob, rect.w, rect.h
    dark = tuple(max(0, c - 70) for c in colour)
    light = tuple(min(255, c + 60) for c in colour)

    def r(fx: float, fy: float, fw: float, fh: float) -> pygame.Rect:
        if facing < 0:
            fx = 1 - fx - fw
        return pygame.Rect(x + int(fx * w), y + int(fy * h), max(1, int(fw * w)), max(1, int(fh * h)))

    pygame.draw.rect(surface, dark, r(0.30, 0.62, 0.14, 0.34))  # legs
    pygame.draw.rect(surface, dark, r(0.56, 0.62, 0.14, 0.34))
    pygame.draw.rect(surface, colour, r(0.26, 0.30, 0.48, 0.36))  # torso
    pygame.draw.rect(surface, light, r(0.32, 0.34, 0.36, 0.10))  # chest plate
    pygame.draw.rect(surface, colour, r(0.12, 0.28, 0.18, 0.16))  # shoulders
    pygame.draw.rect(surface, colour, r(0.70, 0.28, 0.18, 0.16))
    pygame.draw.rect(surface, dark, r(0.14, 0.44, 0.12, 0.24))  # arms
    pygame.draw.rect(surface, dark, r(0.74, 0.44, 0.12, 0.24))
    pygame.draw.rect(surface, colour, r(0.38, 0.10, 0.24, 0.20))  # head
    pygame.draw.rect(surface, (255, 240, 120), r(0.52, 0.16, 0.10, 0.05))  # visor
    pygame.draw.rect(surface, (0, 0, 0), r(0.12, 0.10, 0.76, 0.86), 1)


class DrawnArt:
    def __init__(self) -> None:
        self._cache: dict[tuple[object, ...], pygame.Surface | None] = {}

    def unit_sprite(self, unit_id: str, side: str, frame: int = 0) -> pygame.Surface:
        key = ("unit", unit_id, side, frame % 2)
        found = self._cache.get(key)
        if found is None:
            found = pygame.Surface((theme.TILE, theme.TILE), pygame.SRCALPHA)
            draw_mech(
                found, pygame.Rect(3, 1, 26, 29), body_colour(unit_id, side), 1 if side == "player" else -1, frame % 2
            )
            self._cache[key] = found
        return found

    def battle_sprite(self, unit_id: str, side: str, pose: int = 0) -> pygame.Surface:
        key = ("battle", unit_id, side)
        found = self._cache.get(key)
        if found is None:
            found = pygame.Surface((112, 112), pygame.SRCALPHA)
            draw_mech(found, pygame.Rect(6, 4, 100, 104), body_colour(unit_id, side), 1)
            self._cache[key] = found
        return found

    def battle_anchor(self, unit_id: str, name: str = "muzzle") -> tuple[int, int] | None:
        return None

    def effect(self, effect_id: str) -> Sequence[pygame.Surface] | None:
        return None

    def ui(self, ui_id: str) -> pygame.Surface | None:
        return None

    def ui_frames(self, ui_id: str) -> Sequence[pygame.Surface] | None:
        return None

    def window(self, kind: str) -> NineSlice | None:
        return None

    def portrait(
        self, portrait_id: str | None, speaking: bool = False, expression: str = "neutral"
    ) -> pygame.Surface | None:
        if not portrait_id:
            return None
        key = ("portrait", portrait_id, speaking)
        if key in self._cache:
            return self._cache[key]
        img = pygame.Surface((64, 64))
        skin = (236, 200, 170)
        hair = _hue(portrait_id + "hair")
        img.fill((30, 40, 70))
        pygame.draw.rect(img, _hue(portrait_id), (8, 46, 48, 18))  # shoulders
        pygame.draw.ellipse(img, skin, (18, 12, 28, 34))  # face
        pygame.draw.ellipse(img, hair, (14, 4, 36, 20))  # hair
        pygame.draw.rect(img, hair, (14, 12, 6, 22))
        pygame.draw.rect(img, (30, 30, 50), (25, 26, 4, 3))  # eyes
        pygame.draw.rect(img, (30, 30, 50), (36, 26, 4, 3))
        mouth = (28, 37, 9, 4 if speaking else 1)
        pygame.draw.rect(img, (150, 60, 60), mouth)
        pygame.draw.rect(img, theme.PANEL_EDGE, img.get_rect(), 1)
        self._cache[key] = img
        return img

    def terrain_tile(self, terrain_id: str, variant: int = 0) -> pygame.Surface:
        key = ("terrain", terrain_id, variant % 4)
        found = self._cache.get(key)
        if found is None:
            found = _drawn_tile(terrain_id, variant % 4)
            self._cache[key] = found
        return found


def _drawn_tile(terrain_id: str, variant: int) -> pygame.Surface:
    t = theme.TILE
    base = TERRAIN_COLOURS.get(terrain_id, _hue(terrain_id))
    img = pygame.Surface((t, t))
    img.fill(base)
    seed = hashlib.sha256(f"{terrain_id}:{variant}".encode()).digest()
    speck = tuple(max(0, c - 22) for c in base)
    glint = tuple(min(255, c + 18) for c in base)
    for i in range(0, 12, 2):
        x, y = seed[i] % t, seed[i + 1] % t
        img.fill(speck if i % 4 else glint, (x, y, 2, 2))
    dark = tuple(max(0, c - 50) for c in base)
    if terrain_id in ("mountain", "cliff"):
        pygame.draw.polygon(img, dark, [(2, t - 3), (t // 2, 4), (t - 3, t - 3)])
        pygame.draw.polygon(img, glint, [(t // 2, 4), (t // 2 + 5, 12), (t // 2 - 2, 12)])
    elif terrain_id == "crater":
        pygame.draw.ellipse(img, dark, (5, 9, t - 10, t - 16))
        pygame.draw.ellipse(img, base, (8, 11, t - 16, t - 21))
    elif terrain_id == "rough":
        for i in range(3):
            pygame.draw.circle(img, dark, (6 + i * 10, 10 + (seed[i] % 14)), 3)
    elif terrain_id == "water":
        for y in (8, 18, 27):
            pygame.draw.line(img, glint, (4 + (y % 5), y), (14 + (y % 5), y))
    elif terrain_id in ("base", "station", "building", "town"):
        pygame.draw.rect(img, dark, (4, 4, t - 8, t - 8), 2)
        pygame.draw.rect(img, glint, (9, 9, t - 18, t - 18))
    elif terrain_id == "sand":
        for y in (10, 22):
            pygame.draw.arc(img, glint, (4, y - 4, 22, 8), 0.2, 2.9)
    return img
