#!/usr/bin/env python3
"""Generate the map tilesets: `assets/tiles/<set>.png` (32x32 tiles, 8 columns) and the Tiled
external tileset `assets/tiles/<set>.tsx` beside each, where every tile carries a `terrain`
property (an id of `units/system/terrain.yaml`) and a `label` naming the picture.

Deterministic: run `python assets/src/make_tiles.py` and the files come out byte-identical.
Light falls from the top left; raised things cast shadows to the bottom right.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import quoteattr

sys.path.insert(0, str(Path(__file__).resolve().parent))
import itertools

from pixels import RGB, Canvas, Noise, mix, shade, write_png

T = 32
COLUMNS = 8
OUT = Path(__file__).resolve().parents[1] / "tiles"

Painter = Callable[[Canvas, random.Random], None]


@dataclass(frozen=True)
class Tile:
    label: str
    terrain: str
    paint: Painter


# ---- shared painting helpers -------------------------------------------------------------------
def ground(c: Canvas, seed: int, dark: RGB, mid: RGB, light: RGB, levels: int = 5, scale: float = 1.0) -> None:
    """Mottled ground: tileable noise quantised to a few shades (a pixel-art look).

    The mottling is strongest in the middle of a tile and calms towards its edges, so
    differently seeded variants sit next to each other without visible seams.
    """
    n = Noise(seed)
    for y in range(c.h):
        wy = math.sin(math.pi * ((y % T) + 0.5) / T)
        for x in range(c.w):
            w = (math.sin(math.pi * ((x % T) + 0.5) / T) * wy) ** 0.6
            v = n.at(x * scale, y * scale)
            v = min(0.999, max(0.0, (v - 0.5) * (0.7 + 1.0 * w) + 0.5))
            q = int(v * levels) / (levels - 1)
            col = mix(dark, mid, q * 2) if q < 0.5 else mix(mid, light, (q - 0.5) * 2)
            c.set(x, y, col)


def speckle(c: Canvas, rng: random.Random, count: int, col: RGB, alpha: float = 1.0) -> None:
    for _ in range(count):
        c.set(rng.randrange(T), rng.randrange(T), col, alpha)


def pebbles(c: Canvas, rng: random.Random, count: int, base: RGB) -> None:
    """Small stones: a body, a lit pixel top-left and a shadow bottom-right."""
    for _ in range(count):
        x, y = rng.randrange(1, T - 2), rng.randrange(1, T - 2)
        c.set(x + 1, y + 1, shade(base, 0.45), 0.7)
        c.set(x, y, base)
        if rng.random() < 0.6:
            c.set(x + 1, y, shade(base, 0.85))
        c.set(x, y - 1, shade(base, 1.25), 0.8)


def boulder(c: Canvas, cx: float, cy: float, rx: float, ry: float, base: RGB, shadow: float = 0.4) -> None:
    """A round rock lit from the top left, with a cast shadow."""
    c.ellipse(cx + rx * 0.35, cy + ry * 0.45, rx, ry * 0.8, (0, 0, 0), shadow)
    for y in range(int(cy - ry) - 1, int(cy + ry) + 2):
        for x in range(int(cx - rx) - 1, int(cx + rx) + 2):
            dx, dy = (x + 0.5 - cx) / rx, (y + 0.5 - cy) / ry
            d = dx * dx + dy * dy
            if d <= 1:
                light = -(dx + dy) * 0.7 + (1 - d) * 0.3
                f = 0.75 + light * 0.45
                f = round(f * 4) / 4
                c.set(x, y, shade(base, f))


def shaded_sphere(c: Canvas, cx: float, cy: float, r: float, base: RGB, rim: RGB | None = None) -> None:
    for y in range(int(cy - r) - 1, int(cy + r) + 2):
        for x in range(int(cx - r) - 1, int(cx + r) + 2):
            dx, dy = (x + 0.5 - cx) / r, (y + 0.5 - cy) / r
            d = dx * dx + dy * dy
            if d <= 1:
                nz = math.sqrt(1 - d)
                light = max(0.0, (-dx * 0.6 - dy * 0.6 + nz * 0.55))
                f = 0.45 + light * 0.75
                f = round(f * 6) / 6
                col = shade(base, f)
                if rim is not None and d > 0.8 and dx + dy > 0.3:
                    col = mix(col, rim, 0.5)
                c.set(x, y, col)


def block(c: Canvas, x: int, y: int, w: int, h: int, wall: int, roof: RGB, walls: RGB, shadow: int = 3) -> None:
    """A building seen from above at a slight tilt: roof, south wall, cast shadow to the east."""
    c.rect(x + w, y + shadow, shadow, h + wall - shadow, (0, 0, 0), 0.35)
    c.rect(x + shadow, y + h + wall, w, shadow if y + h + wall < T else 0, (0, 0, 0), 0.3)
    c.rect(x, y + h, w, wall, walls)
    c.rect(x, y + h, w, 1, shade(walls, 0.75))
    c.rect(x, y, w, h, roof)
    c.rect(x, y, w, 1, shade(roof, 1.2))
    c.rect(x, y, 1, h, shade(roof, 1.12))
    c.rect(x + w - 1, y, 1, h, shade(roof, 0.82))


def windows(c: Canvas, x: int, y: int, w: int, h: int, rng: random.Random, lit: RGB, dark: RGB, step: int = 3) -> None:
    for yy in range(y, y + h - 1, step):
        for xx in range(x + 1, x + w - 1, 2):
            c.set(xx, yy, lit if rng.random() < 0.35 else dark)


def big(painter: Callable[[Canvas, random.Random], None], w: int, h: int, seed: int) -> list[Canvas]:
    """Paint a multi-tile picture once and cut it into tiles (row-major)."""
    c = Canvas(w * T, h * T)
    painter(c, random.Random(seed))
    return [c.crop(i * T, j * T, T, T) for j in range(h) for i in range(w)]


def from_parts(parts: list[Canvas], index: int) -> Painter:
    def paint(c: Canvas, rng: random.Random) -> None:
        c.blit(parts[index], 0, 0)

    return paint


# ---- Mars ----------------------------------------------------------------------------------------
M_DARK, M_MID, M_LIGHT = (112, 46, 30), (158, 72, 42), (196, 104, 62)
M_ROCK = (132, 84, 66)
M_SAND = ((170, 96, 52), (206, 130, 74), (232, 166, 104))


def mars_plain(seed: int, rocks: int = 6) -> Painter:
    def paint(c: Canvas, rng: random.Random) -> None:
        ground(c, seed, M_DARK, M_MID, M_LIGHT)
        speckle(c, rng, 30, shade(M_MID, 0.8), 0.6)
        speckle(c, rng, 14, shade(M_LIGHT, 1.1), 0.6)
        pebbles(c, rng, rocks, M_ROCK)

    return paint


def mars_dunes(seed: int, phase: float) -> Painter:
    def paint(c: Canvas, rng: random.Random) -> None:
        ground(c, seed, *M_SAND, levels=4)
        n = Noise(seed + 7)
        for y in range(T):
            for x in range(T):
                # wind ripples: diagonal crests with a lit windward side and a shaded lee
                w = math.sin((x * 0.55 + y * 0.95) + n.at(x, y) * 4 + phase)
                if w > 0.82:
                    c.set(x, y, shade(M_SAND[2], 1.12))
                elif w < -0.86:
                    c.set(x, y, shade(M_SAND[0], 0.86))
        speckle(c, rng, 10, shade(M_SAND[0], 0.8), 0.5)

    return paint


def mars_crater(seed: int, r: float) -> Painter:
    def paint(c: Canvas, rng: random.Random) -> None:
        mars_plain(seed, 3)(c, rng)
        cx, cy = 16 + rng.uniform(-1, 1), 16 + rng.uniform(-1, 1)
        for y in range(T):
            for x in range(T):
                dx, dy = (x + 0.5 - cx) / r, (y + 0.5 - cy) / r
                d = math.hypot(dx, dy)
                if d < 1.0:
                    # bowl: lit on the far (bottom-right) wall, shaded near the top-left rim
                    f = 0.62 + (dx + dy) * 0.22 + d * 0.1
                    c.set(x, y, shade(M_MID, round(f * 5) / 5))
                elif d < 1.28:
                    f = 1.12 - (dx + dy) * 0.12
                    c.set(x, y, shade(M_LIGHT, round(f * 5) / 5))
                elif d < 1.45 and (dx + dy) > 0.4:
                    c.set(x, y, (0, 0, 0), 0.18)
        for _ in range(3):
            a = rng.uniform(0, math.tau)
            boulder(c, cx + math.cos(a) * r * 1.3, cy + math.sin(a) * r * 1.3, 1.6, 1.3, M_ROCK, 0.25)

    return paint


def mars_small_craters(seed: int) -> Painter:
    def paint(c: Canvas, rng: random.Random) -> None:
        mars_plain(seed, 2)(c, rng)
        for cx, cy, r in ((9, 10, 5.5), (22, 21, 6.5), (23, 7, 3.0)):
            for y in range(T):
                for x in range(T):
                    dx, dy = (x + 0.5 - cx) / r, (y + 0.5 - cy) / r
                    d = math.hypot(dx, dy)
                    if d < 1:
                        c.set(x, y, shade(M_MID, round((0.65 + (dx + dy) * 0.2) * 5) / 5))
                    elif d < 1.35:
                        c.set(x, y, shade(M_LIGHT, round((1.1 - (dx + dy) * 0.1) * 5) / 5))

    return paint


def mars_rough(seed: int) -> Painter:
    def paint(c: Canvas, rng: random.Random) -> None:
        ground(c, seed, shade(M_DARK, 0.95), M_MID, M_LIGHT)
        pebbles(c, rng, 12, M_ROCK)
        spots = [(7, 8, 4.5, 3.5), (22, 12, 5.5, 4.0), (12, 23, 4.0, 3.0), (25, 26, 3.0, 2.4), (4, 20, 2.4, 2.0)]
        for cx, cy, rx, ry in spots:
            boulder(c, cx + rng.uniform(-1, 1), cy + rng.uniform(-1, 1), rx, ry, mix(M_ROCK, M_MID, rng.random() * 0.4))

    return paint


CLIFF_TOP = (176, 92, 56)
CLIFF_FACE = (110, 50, 34)


def strata(c: Canvas, x0: int, y0: int, w: int, h: int, seed: int, base: RGB) -> None:
    """A cliff face: horizontal rock layers broken by vertical cracks."""
    n = Noise(seed)
    for y in range(y0, y0 + h):
        for x in range(x0, x0 + w):
            band = math.sin(y * 1.3 + n.at(x * 2, y) * 3)
            f = 0.8 + band * 0.12 + (n.at(x, y * 3) - 0.5) * 0.3
            if (x * 7 + seed) % 9 == 0 and n.at(x, y) > 0.5:
                f -= 0.22
            c.set(x, y, shade(base, round(f * 6) / 6))


def mesa_top(seed: int) -> Painter:
    def paint(c: Canvas, rng: random.Random) -> None:
        ground(c, seed, shade(CLIFF_TOP, 0.8), CLIFF_TOP, shade(CLIFF_TOP, 1.15), levels=4)
        pebbles(c, rng, 4, M_ROCK)
        for _ in range(3):
            x, y = rng.randrange(4, 28), rng.randrange(4, 28)
            c.line(x, y, x + rng.randrange(-4, 5), y + rng.randrange(2, 6), shade(CLIFF_TOP, 0.7))

    return paint


def mesa_edge(seed: int, face: int) -> Painter:
    """A mesa top whose southern part drops away as a cliff face of height `face`."""

    def paint(c: Canvas, rng: random.Random) -> None:
        mesa_top(seed)(c, rng)
        top = T - face
        strata(c, 0, top, T, face, seed, CLIFF_FACE)
        c.rect(0, top, T, 1, shade(CLIFF_TOP, 1.25))
        c.rect(0, top + 1, T, 1, shade(CLIFF_FACE, 0.7))
        c.rect(0, T - 2, T, 2, shade(CLIFF_FACE, 0.55))

    return paint


def canyon_floor(seed: int) -> Painter:
    def paint(c: Canvas, rng: random.Random) -> None:
        ground(c, seed, shade(M_DARK, 0.8), shade(M_MID, 0.85), shade(M_LIGHT, 0.85))
        pebbles(c, rng, 9, shade(M_ROCK, 0.9))
        # shadow cast by the canyon's western wall
        for y in range(T):
            for x in range(6):
                c.set(x, y, (20, 0, 0), 0.28 - x * 0.04)

    return paint


def canyon_wall(seed: int) -> Painter:
    def paint(c: Canvas, rng: random.Random) -> None:
        strata(c, 0, 0, T, T, seed, CLIFF_FACE)
        for _ in range(5):
            boulder(c, rng.uniform(4, 28), rng.uniform(4, 28), rng.uniform(2, 4), rng.uniform(1.6, 3), CLIFF_FACE, 0.2)

    return paint


def mars_track(seed: int, vertical: bool) -> Painter:
    def paint(c: Canvas, rng: random.Random) -> None:
        mars_plain(seed, 2)(c, rng)
        # packed ground of a vehicle track with two wheel ruts
        for i in range(T):
            for j in range(9, 23):
                x, y = (j, i) if vertical else (i, j)
                c.set(x, y, shade(M_LIGHT, 0.92 + ((i * 3 + j) % 5 == 0) * 0.06))
            for j in (11, 12, 19, 20):
                x, y = (j, i) if vertical else (i, j)
                c.set(x, y, shade(M_MID, 0.78 if (i // 2) % 2 else 0.7))

    return paint


BASE_FLOOR = (128, 134, 142)
BASE_TRIM = (220, 224, 228)
UN_BLUE = (74, 128, 200)


def base_floor(seed: int, marks: str) -> Painter:
    def paint(c: Canvas, rng: random.Random) -> None:
        ground(c, seed, shade(BASE_FLOOR, 0.82), BASE_FLOOR, shade(BASE_FLOOR, 1.1), levels=3, scale=0.5)
        for i in range(0, T, 16):
            c.rect(i, 0, 1, T, shade(BASE_FLOOR, 0.7))
            c.rect(0, i, T, 1, shade(BASE_FLOOR, 0.7))
        if marks == "pad":
            c.ellipse(16, 16, 12, 12, (236, 200, 60))
            c.ellipse(16, 16, 10.5, 10.5, BASE_FLOOR)
            c.rect(10, 9, 3, 14, BASE_TRIM)
            c.rect(19, 9, 3, 14, BASE_TRIM)
            c.rect(12, 15, 8, 2, BASE_TRIM)
        elif marks == "stripes":
            for x in range(-T, T, 6):
                c.line(x, T - 1, x + 8, T - 9, (236, 200, 60))
                c.line(x + 1, T - 1, x + 9, T - 9, (236, 200, 60))
            c.rect(0, T - 10, T, 1, (40, 40, 44))
        speckle(c, rng, 12, shade(BASE_FLOOR, 0.6), 0.4)

    return paint


def paint_base_complex(c: Canvas, rng: random.Random) -> None:
    """The UN Mars Observation Base, 3x3 tiles: a central dome ringed by modules."""
    w = c.w
    ground(c, 11, shade(BASE_FLOOR, 0.8), BASE_FLOOR, shade(BASE_FLOOR, 1.08), levels=3)
    c.rect(4, 4, w - 8, w - 8, shade(BASE_FLOOR, 0.9))
    for i in range(4, w - 4, 8):
        c.rect(i, 4, 1, w - 8, shade(BASE_FLOOR, 0.72))
    # corner modules and connecting tubes
    for mx, my in ((16, 16), (80, 16), (16, 80), (80, 80)):
        c.rect(mx + 6, my + 6, 8, 8, (0, 0, 0), 0.3)
        shaded_sphere(c, mx, my, 11, (206, 210, 214))
        c.ellipse(mx - 3, my - 3, 3, 2, (255, 255, 255), 0.6)
    for ax, ay, bx, by in ((16, 16, 80, 16), (16, 80, 80, 80), (16, 16, 16, 80), (80, 16, 80, 80)):
        if ay == by:
            c.rect(ax + 11, ay - 3, bx - ax - 22, 6, (180, 184, 190))
            c.rect(ax + 11, ay - 3, bx - ax - 22, 1, BASE_TRIM)
            c.rect(ax + 11, ay + 3, bx - ax - 22, 1, (90, 92, 98))
        else:
            c.rect(ax - 3, ay + 11, 6, by - ay - 22, (180, 184, 190))
            c.rect(ax - 3, ay + 11, 1, by - ay - 22, BASE_TRIM)
            c.rect(ax + 3, ay + 11, 1, by - ay - 22, (90, 92, 98))
    # the main greenhouse dome, glazed, with the first flower grown on Mars inside
    c.ellipse(52, 53, 21, 21, (0, 0, 0), 0.35)
    shaded_sphere(c, 48, 48, 21, (150, 190, 210), (220, 240, 250))
    for a in range(0, 360, 45):
        rad = math.radians(a)
        c.line(48, 48, int(48 + math.cos(rad) * 20), int(48 + math.sin(rad) * 20), (110, 150, 170))
    c.ellipse(48, 48, 4, 4, (70, 140, 60))
    c.set(48, 47, (240, 90, 120))
    c.set(47, 48, (240, 90, 120))
    c.ellipse(40, 40, 5, 3, (255, 255, 255), 0.55)
    # UN emblem on the north module and an antenna mast
    c.ellipse(80, 16, 4, 4, UN_BLUE)
    c.set(80, 16, BASE_TRIM)
    c.line(16, 16, 16, 3, (60, 60, 66))
    c.set(16, 2, (255, 60, 60))


def base_hangar(seed: int) -> Painter:
    def paint(c: Canvas, rng: random.Random) -> None:
        base_floor(seed, "")(c, rng)
        block(c, 3, 3, 25, 18, 6, (170, 176, 184), (120, 124, 132))
        for x in range(4, 27, 3):
            c.rect(x, 4, 1, 16, shade((170, 176, 184), 0.85))
        c.rect(8, 22, 15, 5, (70, 74, 80))
        c.rect(8, 22, 15, 1, (236, 200, 60))

    return paint


def ruins(seed: int, variant: int) -> Painter:
    def paint(c: Canvas, rng: random.Random) -> None:
        mars_plain(seed, 3)(c, rng)
        wall = (150, 150, 156)
        if variant == 0:
            # a broken L of walls around scorched floor
            c.rect(4, 6, 20, 20, (60, 50, 48), 0.55)
            block(c, 4, 4, 18, 3, 3, wall, shade(wall, 0.6), 2)
            block(c, 4, 4, 3, 20, 3, wall, shade(wall, 0.6), 2)
            c.rect(12, 4, 4, 3, (60, 50, 48))
        else:
            block(c, 18, 6, 10, 3, 3, wall, shade(wall, 0.6), 2)
            block(c, 22, 6, 3, 16, 3, wall, shade(wall, 0.6), 2)
            c.rect(3, 14, 12, 12, (60, 50, 48), 0.5)
        for _ in range(8):
            x, y = rng.randrange(3, 29), rng.randrange(3, 29)
            c.rect(x, y, rng.randrange(1, 4), rng.randrange(1, 3), shade(wall, rng.uniform(0.6, 1.0)))
        for _ in range(4):
            x, y = rng.randrange(4, 28), rng.randrange(4, 28)
            c.line(x, y, x + rng.randrange(-5, 6), y + rng.randrange(-5, 6), (90, 70, 60))

    return paint


def cave_mouth(seed: int) -> Painter:
    def paint(c: Canvas, rng: random.Random) -> None:
        strata(c, 0, 0, T, T, seed, CLIFF_FACE)
        # the dark opening with a lit lip and the unmanned post's light inside
        c.ellipse(16, 21, 12, 11, (24, 10, 8))
        c.ellipse(16, 23, 9, 8, (8, 2, 2))
        for x in range(5, 28):
            c.set(x, 10 + int(abs(x - 16) ** 1.6 / 12), shade(CLIFF_TOP, 1.2))
        c.ellipse(16, 27, 2, 1.2, (120, 220, 255), 0.7)
        c.rect(4, T - 3, 24, 3, shade(M_MID, 0.8))

    return paint


def cave_floor(seed: int) -> Painter:
    def paint(c: Canvas, rng: random.Random) -> None:
        ground(c, seed, (44, 22, 18), (70, 36, 28), (96, 52, 38), levels=4)
        pebbles(c, rng, 7, (96, 64, 52))
        c.rect(14, 0, 4, T, (118, 122, 130), 0.5)
        for y in range(2, T, 8):
            c.ellipse(16, y, 1.5, 1.2, (120, 220, 255), 0.9)

    return paint


def mars_hills(seed: int) -> Painter:
    """Rolling hills as a height field lit from the top left (slopes facing the light are bright)."""

    def paint(c: Canvas, rng: random.Random) -> None:
        mars_plain(seed, 1)(c, rng)
        bumps = [(9.0, 20.0, 8.0, 1.0), (21.0, 12.0, 9.0, 1.2), (24.0, 25.0, 5.5, 0.7), (8.0, 7.0, 5.0, 0.6)]

        def h(x: float, y: float) -> float:
            # fades to flat ground at the tile's edges so hills sit on the plain without seams
            edge = max(0.0, math.sin(math.pi * x / T) * math.sin(math.pi * y / T)) ** 0.5
            return edge * sum(a * math.exp(-((x - bx) ** 2 + (y - by) ** 2) / (2 * r * r)) for bx, by, r, a in bumps)

        for y in range(T):
            for x in range(T):
                z = h(x + 0.5, y + 0.5)
                if z < 0.08:
                    continue
                # the slope facing the light (up-left) is bright: n.L grows with dh/dx + dh/dy
                slope = (h(x + 1.5, y + 0.5) - h(x - 0.5, y + 0.5)) + (h(x + 0.5, y + 1.5) - h(x + 0.5, y - 0.5))
                f = 0.9 + slope * 2.6 + (z - 0.5) * 0.1
                col = shade(M_MID, round(f * 6) / 6)
                alpha = min(1.0, (z - 0.08) / 0.2)  # the foot of the hill blends into the plain
                c.set(x, y, col, round(alpha * 4) / 4)
        pebbles(c, rng, 3, M_ROCK)

    return paint


def mars_tiles() -> list[Tile]:
    base = big(paint_base_complex, 3, 3, 5)
    tiles = [
        Tile("plain", "plain", mars_plain(101)),
        Tile("plain_2", "plain", mars_plain(102, 3)),
        Tile("plain_3", "plain", mars_plain(103, 9)),
        Tile("plain_4", "plain", mars_plain(104, 1)),
        Tile("dunes", "sand", mars_dunes(201, 0.0)),
        Tile("dunes_2", "sand", mars_dunes(202, 2.0)),
        Tile("crater", "crater", mars_crater(301, 9.5)),
        Tile("craters_small", "crater", mars_small_craters(302)),
        Tile("rough", "rough", mars_rough(401)),
        Tile("rough_2", "rough", mars_rough(402)),
        Tile("mesa_top", "cliff", mesa_top(501)),
        Tile("mesa_edge", "cliff", mesa_edge(502, 16)),
        Tile("canyon_wall", "cliff", canyon_wall(503)),
        Tile("canyon_floor", "plain", canyon_floor(504)),
        Tile("hills", "mountain", mars_hills(505)),
        Tile("track_h", "road", mars_track(601, False)),
        Tile("track_v", "road", mars_track(602, True)),
        Tile("base_floor", "base", base_floor(701, "")),
        Tile("base_pad", "base", base_floor(702, "pad")),
        Tile("base_stripes", "base", base_floor(703, "stripes")),
        Tile("hangar", "building", base_hangar(704)),
        Tile("ruins", "rough", ruins(801, 0)),
        Tile("ruins_2", "building", ruins(802, 1)),
        Tile("cave_mouth", "cave", cave_mouth(901)),
        Tile("cave_floor", "cave", cave_floor(902)),
    ]
    tiles += [Tile(f"base_{i}", "base", from_parts(base, i)) for i in range(9)]
    return tiles


# ---- space ----------------------------------------------------------------------------------------
VOID = (6, 8, 20)


def starfield(seed: int, density: int, nebula: RGB | None = None) -> Painter:
    def paint(c: Canvas, rng: random.Random) -> None:
        c.fill(VOID)
        if nebula is not None:
            # A soft cloud that fades out before the tile's edges (no seams, no hard blob),
            # dithered to a few alpha steps for a pixel-art look.
            n = Noise(seed)
            bayer = ((0, 8, 2, 10), (12, 4, 14, 6), (3, 11, 1, 9), (15, 7, 13, 5))
            for y in range(T):
                for x in range(T):
                    d = math.hypot(x + 0.5 - 16, y + 0.5 - 16) / 16
                    fade = max(0.0, 1 - d) ** 1.2
                    a = (0.25 + 0.75 * n.at(x, y)) * fade * 0.6
                    step = (a * 4 + bayer[y % 4][x % 4] / 16) // 1 / 4
                    if step > 0:
                        c.set(x, y, nebula, step)
        for _ in range(density):
            x, y = rng.randrange(T), rng.randrange(T)
            tint = rng.choice(((255, 255, 255), (200, 220, 255), (255, 230, 200), (170, 180, 210)))
            b = rng.random()
            c.set(x, y, tint, 0.35 + b * 0.65)
        # one brighter star with a cross glint
        x, y = rng.randrange(4, 28), rng.randrange(4, 28)
        for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            c.set(x + dx, y + dy, (180, 200, 255), 0.5)
        c.set(x, y, (255, 255, 255))

    return paint


def debris(seed: int) -> Painter:
    def paint(c: Canvas, rng: random.Random) -> None:
        starfield(seed, 10)(c, rng)
        for _ in range(7):
            cx, cy = rng.uniform(4, 28), rng.uniform(4, 28)
            a = rng.uniform(0, math.pi)
            ln, wd = rng.uniform(2.5, 6), rng.uniform(1, 2.2)
            ca, sa = math.cos(a), math.sin(a)
            pts = [
                (cx + ca * ln - sa * wd, cy + sa * ln + ca * wd),
                (cx - ca * ln - sa * wd, cy - sa * ln + ca * wd),
                (cx - ca * ln + sa * wd, cy - sa * ln - ca * wd),
                (cx + ca * ln * 0.6 + sa * wd, cy + sa * ln * 0.6 - ca * wd),
            ]
            metal = rng.choice(((150, 154, 164), (120, 126, 140), (170, 150, 120)))
            c.polygon([(x + 1, y + 1) for x, y in pts], (0, 0, 0), 0.5)
            c.polygon(pts, metal)
            c.line(int(pts[2][0]), int(pts[2][1]), int(pts[3][0]), int(pts[3][1]), shade(metal, 1.3))
        c.set(rng.randrange(6, 26), rng.randrange(6, 26), (255, 160, 60))

    return paint


ROCK_SPACE = (112, 100, 92)


def asteroid(seed: int, r: float, count: int = 1) -> Painter:
    def paint(c: Canvas, rng: random.Random) -> None:
        starfield(seed, 12)(c, rng)
        n = Noise(seed + 1)
        spots = [(16.0, 16.0, r)] if count == 1 else [(10, 11, r), (22, 21, r * 0.8), (24, 7, r * 0.45)]
        for cx, cy, rr in spots:
            for y in range(T):
                for x in range(T):
                    dx, dy = (x + 0.5 - cx), (y + 0.5 - cy)
                    ang = math.atan2(dy, dx)
                    edge = rr * (0.82 + 0.3 * n.at(16 + math.cos(ang) * 10, 16 + math.sin(ang) * 10))
                    d = math.hypot(dx, dy) / edge
                    if d <= 1:
                        nz = math.sqrt(max(0.0, 1 - d * d))
                        light = max(0.0, -dx / edge * 0.6 - dy / edge * 0.6 + nz * 0.6)
                        f = round((0.3 + light * 0.85) * 6) / 6
                        col = shade(ROCK_SPACE, f)
                        if n.at(x * 2, y * 2) > 0.62:
                            col = shade(col, 0.72)  # pits
                        c.set(x, y, col)

    return paint


STATION = (150, 126, 170)
GLOW = (120, 255, 200)


def paint_warp_station(c: Canvas, rng: random.Random) -> None:
    """The Grados warp station, 2x2: a ring of hull around a glowing warp core."""
    starfield(9, 14)(c, rng)
    for t in range(1, 4):
        starfield(9 + t, 14)(tmp := Canvas(T, T), random.Random(t))
        c.blit(tmp, (t % 2) * T, (t // 2) * T)
    cx = cy = 32
    for y in range(64):
        for x in range(64):
            dx, dy = x + 0.5 - cx, y + 0.5 - cy
            d = math.hypot(dx, dy)
            if 19 <= d <= 29:
                ring = 1 - abs(d - 24) / 5
                light = -(dx + dy) / (d + 1e-6) * 0.35
                f = round((0.6 + ring * 0.35 + light) * 6) / 6
                col = shade(STATION, f)
                if int(math.degrees(math.atan2(dy, dx)) + 360) % 30 < 3:
                    col = shade(STATION, 0.45)
                c.set(x, y, col)
            elif d < 12:
                c.set(x, y, mix(GLOW, (255, 255, 255), max(0.0, 1 - d / 6)))
            elif d < 19:
                c.set(x, y, GLOW, max(0.0, 0.55 - (d - 12) / 14))
    for a in (45, 135, 225, 315):
        rad = math.radians(a)
        for k in range(12, 20):
            c.set(int(cx + math.cos(rad) * k), int(cy + math.sin(rad) * k), shade(STATION, 0.8))
    for a in range(0, 360, 30):
        rad = math.radians(a + 15)
        c.set(int(cx + math.cos(rad) * 28), int(cy + math.sin(rad) * 28), (255, 90, 90))


def station_hull(seed: int, vertical: bool) -> Painter:
    def paint(c: Canvas, rng: random.Random) -> None:
        starfield(seed, 12)(c, rng)
        for i in range(T):
            for j in range(8, 24):
                x, y = (j, i) if vertical else (i, j)
                f = 0.7 + (1 - abs(j - 14) / 10) * 0.35
                c.set(x, y, shade(STATION, round(f * 5) / 5))
        for i in range(2, T, 8):
            x, y = (15, i) if vertical else (i, 15)
            c.rect(x, y, 2, 2, GLOW)
        for i in range(0, T, 8):
            x, y = (8, i) if vertical else (i, 8)
            c.rect(x, y, 16 if vertical else 1, 1 if vertical else 16, shade(STATION, 0.5))

    return paint


def paint_mars_limb(c: Canvas, rng: random.Random) -> None:
    """Mars seen from orbit across 2x2 tiles, for the map's bottom-left corner: the planet's
    centre lies beyond that corner, so its edge curves inside the stamp and the tiles to the
    right and above show open space (no cut-off disc)."""
    for t in range(4):
        tile = Canvas(T, T)
        starfield(40 + t, 10)(tile, random.Random(t))
        c.blit(tile, (t % 2) * T, (t // 2) * T)
    n = Noise(77, 32)
    cx, cy, r = -6.0, 70.0, 58.0
    for y in range(64):
        for x in range(64):
            dx, dy = x + 0.5 - cx, y + 0.5 - cy
            d = math.hypot(dx, dy)
            if d <= r:
                # Lit from the upper right, towards the middle of the map.
                lit = max(0.0, (dx - dy) / (d * 1.42 + 1e-6)) * (d / r) ** 2
                base = mix(M_DARK, M_LIGHT, n.at(x, y))
                col = shade(base, 0.35 + lit * 0.9)
                c.set(x, y, col)
            elif d <= r + 2.5:
                c.set(x, y, (255, 170, 130), 0.45 * (1 - (d - r) / 2.5))


def space_tiles() -> list[Tile]:
    station = big(paint_warp_station, 2, 2, 3)
    limb = big(paint_mars_limb, 2, 2, 4)
    tiles = [
        Tile("void", "void", starfield(1, 8)),
        Tile("void_2", "void", starfield(2, 14)),
        Tile("void_3", "void", starfield(3, 5)),
        Tile("void_nebula", "void", starfield(4, 10, (110, 40, 120))),
        Tile("void_nebula_2", "void", starfield(5, 10, (40, 70, 140))),
        Tile("debris", "debris", debris(11)),
        Tile("debris_2", "debris", debris(12)),
        Tile("asteroid", "asteroid", asteroid(21, 11.5)),
        Tile("asteroid_small", "asteroid", asteroid(22, 6.5, 3)),
        Tile("asteroid_big", "asteroid", asteroid(23, 14.5)),
        Tile("station_hull_h", "station", station_hull(31, False)),
        Tile("station_hull_v", "station", station_hull(32, True)),
    ]
    tiles += [Tile(f"station_{i}", "station", from_parts(station, i)) for i in range(4)]
    tiles += [Tile(f"mars_limb_{i}", "void", from_parts(limb, i)) for i in range(4)]
    return tiles


# ---- Manhattan ------------------------------------------------------------------------------------
ASPHALT = (62, 64, 70)
SIDEWALK = (150, 146, 138)
LANE = (226, 204, 90)


def street(seed: int, kind: str) -> Painter:
    """kind: h, v (two-lane avenues with a dashed centre line), x (crossing), plaza."""

    def paint(c: Canvas, rng: random.Random) -> None:
        if kind == "plaza":
            ground(c, seed, shade(SIDEWALK, 0.86), SIDEWALK, shade(SIDEWALK, 1.08), levels=3)
            for i in range(0, T, 8):
                c.rect(i, 0, 1, T, shade(SIDEWALK, 0.8))
                c.rect(0, i, T, 1, shade(SIDEWALK, 0.8))
            return
        ground(c, seed, shade(ASPHALT, 0.85), ASPHALT, shade(ASPHALT, 1.12), levels=3)
        speckle(c, rng, 20, shade(ASPHALT, 1.3), 0.5)
        if kind == "h":
            c.rect(0, 0, T, 3, SIDEWALK)
            c.rect(0, 3, T, 1, shade(SIDEWALK, 0.6))
            c.rect(0, T - 3, T, 3, SIDEWALK)
            for x in range(0, T, 8):
                c.rect(x + 1, 15, 5, 2, LANE)
        elif kind == "v":
            c.rect(0, 0, 3, T, SIDEWALK)
            c.rect(3, 0, 1, T, shade(SIDEWALK, 0.6))
            c.rect(T - 3, 0, 3, T, SIDEWALK)
            for y in range(0, T, 8):
                c.rect(15, y + 1, 2, 5, LANE)
        else:
            for corner in ((0, 0), (T - 3, 0), (0, T - 3), (T - 3, T - 3)):
                c.rect(*corner, 3, 3, SIDEWALK)
            for i in range(5, 27, 3):
                c.rect(i, 1, 2, 3, (220, 220, 220))
                c.rect(i, T - 4, 2, 3, (220, 220, 220))
                c.rect(1, i, 3, 2, (220, 220, 220))
                c.rect(T - 4, i, 3, 2, (220, 220, 220))
        c.rect(rng.randrange(6, 24), rng.randrange(6, 24), 3, 2, shade(ASPHALT, 0.7))  # a pothole

    return paint


def building(seed: int, roof: RGB, wall: int, detail: str) -> Painter:
    def paint(c: Canvas, rng: random.Random) -> None:
        street(seed, "plaza")(c, rng)
        h = T - 4 - wall
        block(c, 2, 1, 27, h, wall, roof, shade(roof, 0.6))
        windows(c, 3, 1 + h + 1, 26, wall - 1, rng, (250, 220, 130), shade(roof, 0.35), 2)
        if detail == "ac":
            for x, y in ((6, 5), (18, 8)):
                block(c, x, y, 5, 4, 2, (190, 192, 196), (120, 122, 128), 1)
        elif detail == "tank":
            c.ellipse(20, 10, 4, 4, (0, 0, 0), 0.3)
            shaded_sphere(c, 19, 9, 4, (140, 100, 70))
            c.rect(5, 5, 8, 1, shade(roof, 0.7))
        elif detail == "garden":
            c.rect(6, 5, 18, h - 8, (70, 110, 60))
            for _ in range(6):
                c.ellipse(rng.uniform(8, 22), rng.uniform(7, h - 4), 2, 2, (90, 140, 70))

    return paint


def skyscraper(seed: int, glass: RGB) -> Painter:
    def paint(c: Canvas, rng: random.Random) -> None:
        street(seed, "plaza")(c, rng)
        c.polygon([(29, 6), (32, 9), (32, 32), (29, 32)], (0, 0, 0), 0.35)
        c.rect(4, 15, 24, 16, shade(glass, 0.55))
        for x in range(5, 27, 3):
            for y in range(16, 30, 2):
                c.set(x, y, (250, 220, 130) if rng.random() < 0.3 else shade(glass, 0.75))
                c.set(x + 1, y, shade(glass, 0.45))
        c.rect(4, 2, 24, 14, shade(glass, 0.95))
        c.rect(7, 4, 18, 10, shade(glass, 0.8))
        c.rect(4, 2, 24, 1, shade(glass, 1.3))
        c.rect(14, 6, 4, 4, (180, 184, 190))
        c.set(16, 7, (255, 60, 60))

    return paint


def park(seed: int, trees: int) -> Painter:
    def paint(c: Canvas, rng: random.Random) -> None:
        ground(c, seed, (58, 96, 48), (76, 122, 58), (98, 146, 70), levels=4)
        if trees:
            c.line(0, 26, 31, 20, (170, 150, 110))
            c.line(0, 27, 31, 21, (170, 150, 110))
        spots = [(rng.uniform(6, 26), rng.uniform(5, 24), rng.uniform(4, 6.5)) for _ in range(trees)]
        for x, y, r in sorted(spots, key=lambda s: s[1]):
            c.ellipse(x + 2, y + 3, r, r * 0.8, (0, 0, 0), 0.3)
            shaded_sphere(c, x, y, r, (64, 120, 52))
            for _ in range(5):
                c.set(int(x + rng.uniform(-r, r) * 0.6), int(y + rng.uniform(-r, r) * 0.6), (110, 170, 80))

    return paint


WATER = (40, 74, 120)


def river(seed: int, bank: str) -> Painter:
    def paint(c: Canvas, rng: random.Random) -> None:
        n = Noise(seed)
        for y in range(T):
            for x in range(T):
                v = math.sin(x * 0.4 + y * 0.15 + n.at(x, y) * 6)
                f = 0.9 + (0.18 if v > 0.85 else 0) - (0.1 if v < -0.8 else 0)
                c.set(x, y, shade(WATER, f))
        speckle(c, rng, 6, (170, 200, 230), 0.6)
        if bank in ("n", "s"):
            y0 = 0 if bank == "n" else T - 5
            c.rect(0, y0, T, 5, (120, 118, 112))
            c.rect(0, y0 + (4 if bank == "n" else 0), T, 1, (80, 78, 74))
            for x in range(0, T, 6):
                c.rect(x, y0 + 1, 1, 3, (96, 94, 90))

    return paint


def bridge(seed: int, vertical: bool) -> Painter:
    def paint(c: Canvas, rng: random.Random) -> None:
        river(seed, "")(c, rng)
        for i in range(T):
            for j in range(5, 27):
                x, y = (j, i) if vertical else (i, j)
                c.set(x, y, ASPHALT if 7 <= j <= 24 else (150, 80, 60))
            if i % 8 < 4:
                x, y = (16, i) if vertical else (i, 16)
                c.set(x, y, LANE)
        for i in range(0, T, 4):
            for j in (5, 26):
                x, y = (j, i) if vertical else (i, j)
                c.set(x, y, (200, 120, 90))
        for j in (4, 27):
            for i in range(T):
                x, y = (j, i) if vertical else (i, j)
                c.set(x, y, (0, 0, 0), 0.3)

    return paint


def rubble(seed: int) -> Painter:
    def paint(c: Canvas, rng: random.Random) -> None:
        street(seed, "plaza")(c, rng)
        c.ellipse(16, 16, 14, 12, (40, 36, 34), 0.5)
        for _ in range(14):
            boulder(
                c, rng.uniform(4, 28), rng.uniform(4, 28), rng.uniform(1.5, 4), rng.uniform(1.2, 3), (130, 124, 118)
            )
        for _ in range(3):
            x, y = rng.randrange(4, 26), rng.randrange(4, 26)
            c.line(x, y, x + 5, y + rng.randrange(-3, 4), (170, 90, 60))

    return paint


GRADOS = (96, 70, 120)


def paint_grados_tower(c: Canvas, rng: random.Random) -> None:
    """Grados Tower, 2x2: an octagonal spire seen from above, red beacon at its tip."""
    street(3, "plaza")(tmp := Canvas(T, T), rng)
    for t in range(4):
        c.blit(tmp, (t % 2) * T, (t // 2) * T)
    c.ellipse(37, 37, 29, 29, (0, 0, 0), 0.35)
    cx = cy = 31.5
    for ring, (r, f) in enumerate(((29, 0.55), (23, 0.75), (16, 0.95), (9, 1.15))):
        pts = [
            (cx + r * math.cos(math.radians(22.5 + 45 * k)), cy + r * math.sin(math.radians(22.5 + 45 * k)))
            for k in range(8)
        ]
        c.polygon(pts, shade(GRADOS, f))
        for k in range(8):
            a, b = pts[k], pts[(k + 1) % 8]
            lit = (a[0] + b[0]) / 2 < cx and (a[1] + b[1]) / 2 < cy
            c.line(int(a[0]), int(a[1]), int(b[0]), int(b[1]), shade(GRADOS, f * (1.3 if lit else 0.7)))
        if ring == 1:
            for k in range(8):
                a = math.radians(45 * k)
                c.set(int(cx + math.cos(a) * 19), int(cy + math.sin(a) * 19), (255, 120, 60))
    c.ellipse(cx, cy, 4, 4, (200, 30, 40))
    c.ellipse(cx - 1, cy - 1, 1.6, 1.6, (255, 200, 200))
    # the Grados crest, a stylised eye, on the south face
    c.ellipse(cx, cy + 20, 4, 2, (230, 200, 80))
    c.set(int(cx), int(cy + 20), (120, 20, 30))


def loudspeaker(seed: int) -> Painter:
    def paint(c: Canvas, rng: random.Random) -> None:
        street(seed, "plaza")(c, rng)
        c.rect(15, 10, 3, 18, (0, 0, 0), 0.3)
        c.rect(14, 8, 3, 18, (90, 92, 98))
        c.rect(14, 8, 1, 18, (140, 142, 150))
        for dx, dy in ((-7, -1), (4, -1)):
            c.polygon([(15 + dx, 6 + dy), (21 + dx, 3 + dy), (21 + dx, 11 + dy), (15 + dx, 8 + dy)], (170, 170, 176))
            c.rect(15 + dx if dx < 0 else 20 + dx, 3 + dy, 1, 8, (90, 92, 98))
        c.ellipse(15.5, 27, 6, 2, (230, 60, 60), 0.4)  # the Grados parade banner painted below

    return paint


def pier(seed: int) -> Painter:
    def paint(c: Canvas, rng: random.Random) -> None:
        river(seed, "")(c, rng)
        c.rect(0, 6, T, 20, (120, 92, 66))
        for x in range(0, T, 4):
            c.rect(x, 6, 1, 20, (90, 66, 48))
        c.rect(0, 26, T, 2, (0, 0, 0), 0.35)
        for x in (3, 15, 27):
            c.ellipse(x, 8, 1.5, 1.5, (60, 60, 60))

    return paint


def manhattan_tiles() -> list[Tile]:
    tower = big(paint_grados_tower, 2, 2, 6)
    tiles = [
        Tile("street_h", "road", street(1, "h")),
        Tile("street_v", "road", street(2, "v")),
        Tile("crossing", "road", street(3, "x")),
        Tile("plaza", "plain", street(4, "plaza")),
        Tile("building_brick", "building", building(11, (150, 86, 70), 8, "ac")),
        Tile("building_stone", "building", building(12, (170, 160, 140), 8, "tank")),
        Tile("building_grey", "building", building(13, (120, 124, 132), 7, "ac")),
        Tile("building_garden", "building", building(14, (150, 130, 110), 8, "garden")),
        Tile("skyscraper_blue", "skyscraper", skyscraper(21, (90, 130, 170))),
        Tile("skyscraper_dark", "skyscraper", skyscraper(22, (70, 80, 100))),
        Tile("skyscraper_bronze", "skyscraper", skyscraper(23, (150, 120, 80))),
        Tile("park", "plain", park(31, 0)),
        Tile("park_trees", "forest", park(32, 4)),
        Tile("park_trees_2", "forest", park(33, 3)),
        Tile("river", "water", river(41, "")),
        Tile("river_2", "water", river(42, "")),
        Tile("river_bank_n", "water", river(43, "n")),
        Tile("river_bank_s", "water", river(44, "s")),
        Tile("bridge_h", "bridge", bridge(51, False)),
        Tile("bridge_v", "bridge", bridge(52, True)),
        Tile("rubble", "rough", rubble(61)),
        Tile("loudspeaker", "plain", loudspeaker(62)),
        Tile("pier", "road", pier(63)),
    ]
    tiles += [Tile(f"grados_tower_{i}", "tower", from_parts(tower, i)) for i in range(4)]
    return tiles


# ---- Nazca and Cusco -------------------------------------------------------------------------------
DESERT = ((168, 130, 96), (196, 156, 116), (218, 184, 142))
LINE = (236, 214, 180)


def desert(seed: int, stones: int) -> Painter:
    def paint(c: Canvas, rng: random.Random) -> None:
        ground(c, seed, *DESERT, levels=5)
        speckle(c, rng, 40, (120, 90, 70), 0.55)
        pebbles(c, rng, stones, (110, 86, 70))

    return paint


def nazca_line(seed: int, shape: str) -> Painter:
    """Pale lines scraped through the dark desert varnish."""

    def paint(c: Canvas, rng: random.Random) -> None:
        desert(seed, 2)(c, rng)

        def stroke(x0: int, y0: int, x1: int, y1: int) -> None:
            c.line(x0, y0, x1, y1, LINE)
            c.line(x0 + 1, y0, x1 + 1, y1, LINE, 0.6)

        if shape == "h":
            stroke(0, 15, 31, 15)
        elif shape == "v":
            stroke(15, 0, 15, 31)
        elif shape == "diag":
            stroke(0, 31, 31, 0)
        elif shape == "spiral":
            prev = (16, 16)
            for k in range(1, 160):
                a = k * 0.12
                r = k * 0.085
                p = (int(16 + math.cos(a) * r), int(16 + math.sin(a) * r))
                c.line(prev[0], prev[1], p[0], p[1], LINE)
                prev = p
            stroke(prev[0], prev[1], 31, prev[1])
        elif shape == "trapezoid":
            c.polygon([(4, 2), (28, 2), (22, 30), (10, 30)], LINE, 0.45)
            stroke(4, 2, 10, 30)
            stroke(28, 2, 22, 30)

    return paint


def paint_hummingbird(c: Canvas, rng: random.Random) -> None:
    """The Nazca hummingbird, 2x2, as one continuous scraped line."""
    for t in range(4):
        desert(70 + t, 2)(tmp := Canvas(T, T), random.Random(t))
        c.blit(tmp, (t % 2) * T, (t // 2) * T)
    body = [
        (32, 4),
        (30, 12),
        (26, 16),
        (8, 10),
        (6, 14),
        (24, 22),
        (22, 30),
        (10, 40),
        (14, 44),
        (28, 34),
        (30, 46),
        (24, 58),
        (32, 54),
        (40, 58),
        (34, 46),
        (36, 34),
        (50, 44),
        (54, 40),
        (42, 30),
        (40, 22),
        (58, 14),
        (56, 10),
        (38, 16),
        (34, 12),
        (32, 4),
    ]
    for a, b in itertools.pairwise(body):
        c.line(a[0], a[1], b[0], b[1], LINE)
        c.line(a[0] + 1, a[1], b[0] + 1, b[1], LINE, 0.5)


ROCK_GREY = (128, 118, 108)


def mountain(seed: int, snow: bool) -> Painter:
    def paint(c: Canvas, rng: random.Random) -> None:
        desert(seed, 3)(c, rng)
        peaks = [(16, 6, 14, 24)] if snow else [(10, 10, 10, 20), (23, 14, 9, 16)]
        for px, py, half, height in peaks:
            base_y = py + height
            c.polygon([(px + 3, py + 3), (px + half + 3, base_y + 1), (px - half + 3, base_y + 1)], (0, 0, 0), 0.3)
            c.polygon([(px, py), (px, base_y), (px - half, base_y)], shade(ROCK_GREY, 1.1))
            c.polygon([(px, py), (px + half, base_y), (px, base_y)], shade(ROCK_GREY, 0.7))
            for k in range(3):
                y = py + height * (k + 1) // 4
                c.line(px - 1, y, px - half * (k + 1) // 5, y + 2, shade(ROCK_GREY, 0.85))
            if snow:
                sh = height // 3
                c.polygon([(px, py), (px, py + sh), (px - half * sh / height, py + sh)], (245, 245, 250))
                c.polygon([(px, py), (px + half * sh / height, py + sh), (px, py + sh)], (200, 206, 220))

    return paint


def foothills(seed: int) -> Painter:
    def paint(c: Canvas, rng: random.Random) -> None:
        desert(seed, 4)(c, rng)
        for _ in range(6):
            boulder(c, rng.uniform(4, 28), rng.uniform(4, 28), rng.uniform(2.5, 5), rng.uniform(2, 3.5), ROCK_GREY)

    return paint


def terraces(seed: int) -> Painter:
    def paint(c: Canvas, rng: random.Random) -> None:
        for y in range(T):
            band = y // 6
            for x in range(T):
                c.set(x, y, (96, 130, 70) if band % 2 == 0 else (110, 140, 80))
        for y in range(5, T, 6):
            c.rect(0, y, T, 1, (150, 140, 120))
            c.rect(0, y + 1 if y + 1 < T else y, T, 1, (90, 84, 76))
        speckle(c, rng, 20, (80, 110, 60), 0.6)

    return paint


STONE = (150, 140, 124)
ROOF = (178, 84, 56)


def town(seed: int, layout: int) -> Painter:
    def paint(c: Canvas, rng: random.Random) -> None:
        ground(c, seed, shade(STONE, 0.8), STONE, shade(STONE, 1.1), levels=3)
        for y in range(0, T, 4):  # cobbles
            for x in range((y // 4) % 2 * 2, T, 4):
                c.set(x, y, shade(STONE, 0.7))
        houses = [(2, 2, 12, 9), (17, 3, 13, 10), (3, 17, 10, 11), (16, 18, 13, 9)]
        if layout == 1:
            houses = [(2, 3, 18, 10), (22, 2, 8, 12), (5, 18, 22, 9)]
        for x, y, w, h in houses:
            block(c, x, y, w, h - 3, 3, ROOF, (200, 190, 170), 2)
            c.line(x, y + (h - 3) // 2, x + w - 1, y + (h - 3) // 2, shade(ROOF, 0.75))
            c.set(x + w // 2, y + h - 1, (80, 60, 40))

    return paint


def paint_shrine(c: Canvas, rng: random.Random) -> None:
    """The Cusco shrine: a stepped Inca temple of fitted stone (one tile)."""
    ground(c, 88, shade(STONE, 0.8), STONE, shade(STONE, 1.1), levels=3)
    for k, (x, y, w) in enumerate(((2, 3, 28), (5, 6, 22), (8, 9, 16))):
        h = 22 - k * 6
        c.rect(x + 2, y + 2, w, h, (0, 0, 0), 0.3)
        c.rect(x, y, w, h, shade((176, 162, 132), 0.85 + k * 0.1))
        for yy in range(y, y + h, 3):
            for xx in range(x + (yy // 3) % 2 * 2, x + w, 4):
                c.set(xx, yy, shade((176, 162, 132), 0.62))
        c.rect(x, y, w, 1, shade((176, 162, 132), 1.25))
    c.rect(13, 14, 6, 8, (60, 44, 32))
    c.polygon([(13, 14), (19, 14), (18, 11), (14, 11)], (60, 44, 32))
    c.ellipse(16, 6, 2.5, 2.5, (240, 200, 70))
    c.rect(0, 26, T, 6, shade(STONE, 0.9))


def inca_road(seed: int, vertical: bool) -> Painter:
    def paint(c: Canvas, rng: random.Random) -> None:
        desert(seed, 2)(c, rng)
        for i in range(T):
            for j in range(10, 22):
                x, y = (j, i) if vertical else (i, j)
                stone = ((i // 3) + (j // 4)) % 2
                c.set(x, y, shade(STONE, 0.9 + stone * 0.12))
            for j in (10, 21):
                x, y = (j, i) if vertical else (i, j)
                c.set(x, y, shade(STONE, 0.6))

    return paint


def scrub(seed: int) -> Painter:
    def paint(c: Canvas, rng: random.Random) -> None:
        desert(seed, 1)(c, rng)
        spots = [(rng.uniform(5, 27), rng.uniform(5, 26), rng.uniform(3, 5)) for _ in range(5)]
        for x, y, r in sorted(spots, key=lambda s: s[1]):
            c.ellipse(x + 2, y + 2, r, r * 0.7, (0, 0, 0), 0.3)
            shaded_sphere(c, x, y, r, (92, 112, 56))

    return paint


def andes_river(seed: int) -> Painter:
    def paint(c: Canvas, rng: random.Random) -> None:
        n = Noise(seed)
        for y in range(T):
            for x in range(T):
                v = math.sin(y * 0.5 + x * 0.1 + n.at(x, y) * 5)
                c.set(x, y, shade((52, 100, 118), 0.92 + (0.2 if v > 0.8 else 0)))
        speckle(c, rng, 8, (200, 230, 230), 0.6)

    return paint


def nazca_tiles() -> list[Tile]:
    bird = big(paint_hummingbird, 2, 2, 7)
    tiles = [
        Tile("desert", "plain", desert(1, 5)),
        Tile("desert_2", "plain", desert(2, 2)),
        Tile("desert_3", "plain", desert(3, 9)),
        Tile("dunes", "sand", mars_dunes_like(4)),
        Tile("line_h", "plain", nazca_line(11, "h")),
        Tile("line_v", "plain", nazca_line(12, "v")),
        Tile("line_diag", "plain", nazca_line(13, "diag")),
        Tile("line_spiral", "plain", nazca_line(14, "spiral")),
        Tile("line_trapezoid", "plain", nazca_line(15, "trapezoid")),
        Tile("mountain", "mountain", mountain(21, False)),
        Tile("mountain_snow", "mountain", mountain(22, True)),
        Tile("foothills", "rough", foothills(23)),
        Tile("terraces", "rough", terraces(24)),
        Tile("town", "town", town(31, 0)),
        Tile("town_2", "town", town(32, 1)),
        Tile("shrine", "town", paint_shrine),
        Tile("road_h", "road", inca_road(41, False)),
        Tile("road_v", "road", inca_road(42, True)),
        Tile("scrub", "forest", scrub(51)),
        Tile("river", "water", andes_river(61)),
    ]
    tiles += [Tile(f"hummingbird_{i}", "plain", from_parts(bird, i)) for i in range(4)]
    return tiles


def mars_dunes_like(seed: int) -> Painter:
    """Pale coastal dunes of the Peruvian desert (the Mars dune painter in Nazca colours)."""

    def paint(c: Canvas, rng: random.Random) -> None:
        ground(c, seed, *DESERT, levels=4)
        n = Noise(seed + 3)
        for y in range(T):
            for x in range(T):
                w = math.sin(x * 0.5 + y * 0.9 + n.at(x, y) * 4)
                if w > 0.82:
                    c.set(x, y, shade(DESERT[2], 1.1))
                elif w < -0.86:
                    c.set(x, y, shade(DESERT[0], 0.85))

    return paint


# ---- the Moon ------------------------------------------------------------------------------------
L_DARK, L_MID, L_LIGHT = (78, 80, 88), (122, 124, 130), (162, 164, 170)
L_ROCK = (140, 140, 146)


def moon_plain(seed: int, rocks: int = 4) -> Painter:
    """Regolith: grey dust, fine speckle and a few stones (no wind, so no ripples)."""

    def paint(c: Canvas, rng: random.Random) -> None:
        ground(c, seed, L_DARK, L_MID, L_LIGHT)
        speckle(c, rng, 34, shade(L_MID, 0.78), 0.6)
        speckle(c, rng, 16, shade(L_LIGHT, 1.12), 0.7)
        pebbles(c, rng, rocks, L_ROCK)

    return paint


def moon_crater(seed: int, r: float) -> Painter:
    def paint(c: Canvas, rng: random.Random) -> None:
        moon_plain(seed, 2)(c, rng)
        cx, cy = 16 + rng.uniform(-1, 1), 16 + rng.uniform(-1, 1)
        for y in range(T):
            for x in range(T):
                dx, dy = (x + 0.5 - cx) / r, (y + 0.5 - cy) / r
                d = math.hypot(dx, dy)
                if d < 1.0:
                    # airless light: a hard black shadow inside the sunward (top-left) rim
                    if dx + dy < -0.55 and d > 0.45:
                        c.set(x, y, (14, 14, 20))
                    else:
                        c.set(x, y, shade(L_MID, round((0.6 + (dx + dy) * 0.24 + d * 0.1) * 5) / 5))
                elif d < 1.3:
                    c.set(x, y, shade(L_LIGHT, round((1.14 - (dx + dy) * 0.12) * 5) / 5))
                elif d < 1.5 and (dx + dy) > 0.5:
                    c.set(x, y, (0, 0, 0), 0.3)

    return paint


def moon_small_craters(seed: int) -> Painter:
    def paint(c: Canvas, rng: random.Random) -> None:
        moon_plain(seed, 1)(c, rng)
        for cx, cy, r in ((8, 9, 4.5), (21, 19, 6.0), (24, 6, 2.6), (9, 25, 3.0)):
            for y in range(T):
                for x in range(T):
                    dx, dy = (x + 0.5 - cx) / r, (y + 0.5 - cy) / r
                    d = math.hypot(dx, dy)
                    if d < 1:
                        col = (20, 20, 26) if dx + dy < -0.6 else shade(L_MID, round((0.66 + (dx + dy) * 0.2) * 5) / 5)
                        c.set(x, y, col)
                    elif d < 1.35:
                        c.set(x, y, shade(L_LIGHT, round((1.1 - (dx + dy) * 0.1) * 5) / 5))

    return paint


def moon_rough(seed: int, big_rocks: bool) -> Painter:
    def paint(c: Canvas, rng: random.Random) -> None:
        ground(c, seed, shade(L_DARK, 0.9), L_MID, L_LIGHT)
        pebbles(c, rng, 10, L_ROCK)
        scale = 1.5 if big_rocks else 1.0
        for cx, cy, rx, ry in ((8, 9, 4.0, 3.2), (22, 13, 5.0, 3.8), (12, 24, 3.6, 2.8), (25, 25, 2.8, 2.2)):
            rock = mix(L_ROCK, L_DARK, rng.random() * 0.4)
            boulder(c, cx + rng.uniform(-1, 1), cy + rng.uniform(-1, 1), rx * scale, ry * scale, rock, 0.55)

    return paint


def moon_rille(seed: int) -> Painter:
    """The wall of a rille: grey strata and a black shadow at its foot."""

    def paint(c: Canvas, rng: random.Random) -> None:
        strata(c, 0, 0, T, T, seed, shade(L_MID, 0.9))
        c.rect(0, T - 6, T, 6, (12, 12, 18))
        c.rect(0, 0, T, 2, shade(L_LIGHT, 1.05))

    return paint


def moon_dome(seed: int) -> Painter:
    """A pressurised dome of the lunar base: lit glass over a ring of hull plating."""

    def paint(c: Canvas, rng: random.Random) -> None:
        base_floor(seed, "")(c, rng)
        c.ellipse(17.5, 18.5, 13, 12, (0, 0, 0), 0.45)
        shaded_sphere(c, 16, 16, 13, (120, 150, 176), rim=(210, 230, 250))
        for a in range(0, 360, 45):
            x = 16 + math.cos(math.radians(a)) * 9
            y = 16 + math.sin(math.radians(a)) * 9
            c.set(int(x), int(y), (230, 240, 255), 0.6)
        c.set(11, 10, (255, 255, 255))
        c.set(12, 10, (255, 255, 255), 0.7)

    return paint


def moon_tiles() -> list[Tile]:
    return [
        Tile("regolith", "plain", moon_plain(1101)),
        Tile("regolith_2", "plain", moon_plain(1102, 2)),
        Tile("regolith_3", "plain", moon_plain(1103, 7)),
        Tile("crater", "crater", moon_crater(1201, 10.0)),
        Tile("craters_small", "crater", moon_small_craters(1202)),
        Tile("rough", "rough", moon_rough(1301, False)),
        Tile("highlands", "mountain", moon_rough(1302, True)),
        Tile("rille_wall", "cliff", moon_rille(1401)),
        Tile("base_floor", "base", base_floor(1501, "")),
        Tile("base_pad", "base", base_floor(1502, "pad")),
        Tile("dome", "building", moon_dome(1503)),
        Tile("regolith_4", "plain", moon_plain(1104, 0)),
        Tile("crater_2", "crater", moon_crater(1203, 8.0)),
        Tile("craters_small_2", "crater", moon_small_craters(1204)),
        Tile("rough_2", "rough", moon_rough(1303, False)),
        Tile("highlands_2", "mountain", moon_rough(1304, True)),
        Tile("rille_wall_2", "cliff", moon_rille(1402)),
        Tile("base_stripes", "base", base_floor(1504, "stripes")),
        Tile("hangar", "building", base_hangar(1505)),
        Tile("dome_2", "building", moon_dome(1506)),
    ]


# ---- output ---------------------------------------------------------------------------------------
TILESETS: dict[str, tuple[str, Callable[[], list[Tile]]]] = {
    "mars": ("Mars surface", mars_tiles),
    "space": ("Space", space_tiles),
    "manhattan": ("Occupied Manhattan", manhattan_tiles),
    "nazca": ("Nazca and Cusco", nazca_tiles),
    "moon": ("The Moon", moon_tiles),
}


def render(tiles: list[Tile], seed: int) -> Canvas:
    rows = (len(tiles) + COLUMNS - 1) // COLUMNS
    sheet = Canvas(COLUMNS * T, rows * T)
    for i, tile in enumerate(tiles):
        c = Canvas(T, T)
        tile.paint(c, random.Random(seed * 1000 + i))
        # tiles are ground: make every pixel opaque so no map shows through
        c.px = [(p[0], p[1], p[2], 255) for p in c.px]
        sheet.blit(c, (i % COLUMNS) * T, (i // COLUMNS) * T)
    return sheet


def tsx(name: str, title: str, tiles: list[Tile], sheet: Canvas) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<tileset version="1.10" tiledversion="1.10.2" name={quoteattr(name)} tilewidth="{T}" tileheight="{T}" '
        f'tilecount="{len(tiles)}" columns="{COLUMNS}">',
        " <properties>",
        f'  <property name="title" value={quoteattr(title)}/>',
        " </properties>",
        f' <image source="{name}.png" width="{sheet.w}" height="{sheet.h}"/>',
    ]
    for i, tile in enumerate(tiles):
        lines += [
            f' <tile id="{i}">',
            "  <properties>",
            f'   <property name="label" value={quoteattr(tile.label)}/>',
            f'   <property name="terrain" value={quoteattr(tile.terrain)}/>',
            "  </properties>",
            " </tile>",
        ]
    lines.append("</tileset>")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"output folder (default {OUT})")
    out = parser.parse_args(argv).out
    out.mkdir(parents=True, exist_ok=True)
    for seed, (name, (title, make)) in enumerate(TILESETS.items(), start=1):
        tiles = make()
        labels = [t.label for t in tiles]
        assert len(set(labels)) == len(labels), f"duplicate tile labels in {name}"
        sheet = render(tiles, seed)
        write_png(out / f"{name}.png", sheet)
        (out / f"{name}.tsx").write_text(tsx(name, title, tiles, sheet), encoding="utf-8")
        print(f"{name}: {len(tiles)} tiles -> {out / name}.png, .tsx")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
